// The fork lesson's program, run twice: once as the parent, once (started by
// the parent with role=child) as the child. Like code after fork(), one
// program plays both parts; the argument stands in for fork()'s return value.
import { keepLifeline, numberOption, option, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

keepLifeline();

if (option('role') === 'child') {
  // A fresh Node process: it did not inherit the parent's memory, only this argument.
  let counter = numberOption('counter', 0);
  send('hello', { role: 'child', counter });
  process.on('message', (message) => {
    if (message !== 'change') return;
    counter = 42;
    send('changed', { role: 'child', counter });
    process.send?.('changed');
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const counter = 1;
  send('hello', { role: 'parent', counter });
  const child = spawnScript('fork-lesson', ['role=child', `counter=${counter}`], true);
  send('forked', { role: 'parent', child: child.pid, counter });
  child.on('exit', (code, signal) => send('reaped', { child: child.pid, code, signal }));
  child.on('message', (message) => {
    if (message === 'changed') send('unchanged', { role: 'parent', counter });
  });
  for (;;) {
    const command = await nextCommand();
    if (command === 'change') child.send('change');
    if (command === 'end-child') child.disconnect();
    if (command === 'exit') process.exit(0);
  }
}
