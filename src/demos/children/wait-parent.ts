// The wait lesson's parent. spawnSync() is fork + exec + a blocking wait in
// one call: this process runs no JavaScript until the child has exited and
// been reaped, then gets its pid and status. The child gets this process's
// command pipe as its own fd 3, so procview can tell it when to finish while
// this parent is stuck in the wait.
import { spawnSync } from 'node:child_process';
import { childStdio, keepLifeline, scriptArgs, send } from './channel.js';
import { nextCommand } from './commands.js';

keepLifeline();
send('hello');
send('waiting');
const started = Date.now();
const result = spawnSync(process.execPath, scriptArgs('sleeper', ['role=child', 'on=command', 'code=3']), {
  stdio: [...childStdio(), 3],
});
send('waited', {
  child: result.pid,
  code: result.status,
  signal: result.signal,
  waitedMs: Date.now() - started,
  error: result.error?.message,
});
for (;;) {
  if ((await nextCommand()) === 'exit') process.exit(0);
}
