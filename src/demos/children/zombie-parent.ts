// The zombie lesson's parent. Node reaps children itself: libuv turns SIGCHLD
// into work for the event loop, which then calls waitpid(). So this parent
// starts a child and then keeps its event loop stopped (blockUntilCommand)
// until procview says so; the child exits meanwhile and stays a zombie.
import { holdMs, keepLifeline, send, spawnScript } from './channel.js';
import { blockUntilCommand, nextCommand } from './commands.js';

keepLifeline();
send('hello');
const child = spawnScript('sleeper', ['role=child', `after=${holdMs}`]);
child.on('exit', (code, signal) => send('reaped', { child: child.pid, code, signal }));
send('blocking');
const command = blockUntilCommand();
send('unblocked', { command });
// Back in the event loop: the pending SIGCHLD is handled and the child reaped.
for (;;) {
  if ((await nextCommand()) === 'exit') process.exit(0);
}
