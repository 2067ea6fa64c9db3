// The double-fork lesson, parent and child roles. The child starts the
// grandchild, waits until it runs, and exits at once; the parent reaps the
// child; the grandchild (a sleeper) is left to its adopter and keeps working.
import { keepLifeline, option, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

const TICK_MS = 250;

keepLifeline();
if (option('role') === 'child') {
  send('hello', { role: 'child' });
  const grandchild = spawnScript('sleeper', ['role=grandchild', 'watch-ppid', 'ipc-ready', `tick=${TICK_MS}`], true);
  grandchild.on('message', () => {
    send('exiting', { role: 'child' });
    process.exit(0);
  });
} else {
  send('hello', { role: 'parent' });
  const child = spawnScript('double-fork', ['role=child']);
  child.on('exit', (code, signal) => send('reaped', { child: child.pid, code, signal }));
  for (;;) {
    if ((await nextCommand()) === 'exit') process.exit(0);
  }
}
