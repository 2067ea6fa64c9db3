// The exit lesson's parent: five children that end five ways. Node's 'exit'
// event hands over what waitpid() put in the status word: a code when the
// child exited (WIFEXITED/WEXITSTATUS), a signal name when a signal killed it
// (WIFSIGNALED/WTERMSIG).
import { t } from '../../text/i18n/message.js';
import { keepLifeline, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

interface Ending {
  readonly way: string;
  readonly args?: readonly string[];
  readonly signal?: NodeJS.Signals;
}

const ENDINGS: readonly Ending[] = [
  { way: 'exit(0)', args: ['code=0'] },
  { way: 'exit(3)', args: ['code=3'] },
  { way: 'sys.exit(message)', args: [`message=${t('demo.exit.childMessage')}`] },
  { way: 'SIGTERM', signal: 'SIGTERM' },
  { way: 'SIGKILL', signal: 'SIGKILL' },
];

keepLifeline();
send('hello');
const children = ENDINGS.map((ending) => {
  const child = spawnScript('sleeper', ['on=end', `role=${ending.way}`, ...(ending.args ?? [])], true);
  send('planned', { child: child.pid, way: ending.way });
  child.on('exit', (code, signal) => send('status', { child: child.pid, way: ending.way, code, signal }));
  return { child, ending };
});

for (;;) {
  const command = await nextCommand();
  if (command === 'end') {
    for (const { child, ending } of children) {
      if (ending.signal === undefined) child.send('end');
      else child.kill(ending.signal);
    }
  }
  if (command === 'exit') process.exit(0);
}
