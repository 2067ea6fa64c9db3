// The double-fork lesson, parent and child roles. The child starts the
// grandchild and exits when the parent passes on procview's word (in C it
// would exit right after the second fork(); the pause lets a viewer see three
// generations first); the parent reaps the child; the grandchild (a sleeper)
// is left to its adopter and keeps working.
import { keepLifeline, option, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

const TICK_MS = 250;

keepLifeline();
if (option('role') === 'child') {
  send('hello', { role: 'child' });
  spawnScript('sleeper', ['role=grandchild', 'watch-ppid', `tick=${TICK_MS}`]);
  process.on('message', (message) => {
    if (message !== 'exit') return;
    send('exiting', { role: 'child' });
    process.exit(0);
  });
} else {
  send('hello', { role: 'parent' });
  const child = spawnScript('double-fork', ['role=child'], true);
  child.on('exit', (code, signal) => send('reaped', { child: child.pid, code, signal }));
  for (;;) {
    const command = await nextCommand();
    if (command === 'end-child') child.send('exit');
    if (command === 'exit') process.exit(0);
  }
}
