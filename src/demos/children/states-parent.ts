// The states lesson's parent: a busy child (R), a reniced sleeping child (S,
// N), a sleeping child for procview to stop (T), and on command a child that
// exits while this parent's event loop is stopped (Z).
import type { ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { endChildren, keepLifeline, send, spawnScript } from './channel.js';
import { blockUntilCommand, nextCommand } from './commands.js';

const SLEEPER_NICE = 5;

keepLifeline();
send('hello');
const children: ChildProcess[] = [spawnScript('burner', ['role=busy'])];
const sleeper = spawnScript('sleeper', ['role=sleeper']);
children.push(sleeper, spawnScript('sleeper', ['role=stopped']));
if (sleeper.pid !== undefined) {
  try {
    setPriority(sleeper.pid, SLEEPER_NICE);
    send('reniced', { child: sleeper.pid, ok: true, nice: SLEEPER_NICE });
  } catch (error) {
    send('reniced', { child: sleeper.pid, ok: false, message: (error as Error).message });
  }
}

for (;;) {
  const command = await nextCommand();
  if (command === 'zombie') {
    const child = spawnScript('sleeper', ['role=zombie', 'after=0']);
    child.on('exit', (code, signal) => send('reaped', { child: child.pid, code, signal }));
    // Stop the event loop before the child can even start, let alone exit.
    send('blocking');
    send('unblocked', { command: blockUntilCommand() });
  }
  if (command === 'exit') {
    await endChildren(children);
    process.exit(0);
  }
}
