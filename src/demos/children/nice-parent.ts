// The nice lesson's parent: CPU-bound children, half of them reniced to 10 the
// way `renice -n 10 -p PID` does (setpriority(PRIO_PROCESS, pid, 10)), then an
// attempt to lower one again, which needs privilege.
import type { ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { errnoOf } from '../../process/errno.js';
import { endChildren, keepLifeline, numberOption, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

const NICER = 10;
const LOWER_TO = 5;

/** setpriority(), reported either way: the errno is part of the lesson. */
function renice(kind: string, pid: number, nice: number): boolean {
  try {
    setPriority(pid, nice);
    send(kind, { child: pid, ok: true, nice: getPriority(pid) });
    return true;
  } catch (error) {
    send(kind, { child: pid, ok: false, code: errnoOf(error), message: (error as Error).message });
    return false;
  }
}

keepLifeline();
send('hello', { uid: process.getuid?.() });
const perLevel = Math.max(1, numberOption('per-level', 1));
const children: ChildProcess[] = [];
const niced: number[] = [];
for (let index = 0; index < perLevel * 2; index += 1) {
  const wanted = index < perLevel ? 0 : NICER;
  const child = spawnScript('burner', [`role=nice-${wanted}`]);
  children.push(child);
  if (child.pid !== undefined && wanted !== 0 && renice('reniced', child.pid, wanted)) niced.push(child.pid);
}

for (;;) {
  const command = await nextCommand();
  const target = niced[0];
  if (command === 'lower' && target !== undefined) renice('lowered', target, LOWER_TO);
  if (command === 'exit') {
    await endChildren(children);
    process.exit(0);
  }
}
