// The orphan lesson's parent: starts a child, then exits first when told.
import { keepLifeline, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

keepLifeline();
send('hello');
spawnScript('sleeper', ['role=orphan', 'watch-ppid']);
for (;;) {
  if ((await nextCommand()) === 'exit') {
    send('exiting');
    process.exit(0);
  }
}
