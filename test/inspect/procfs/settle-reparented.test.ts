// A scan is not one instant: the parent read alive, its child read a moment
// later under its adopter. settleReparented reads such a parent again before
// the snapshot is sealed. Here /proc is a temp dir holding what the parent's
// files say *now*, read again by a real ProcessRereader, and the scan's
// records are hand-made.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessRereader } from '../../../src/inspect/procfs/reread.js';
import { type ReadAlone, settleEarlyChildren, settleReparented } from '../../../src/inspect/procfs/settle-reparented.js';
import { readSystemFacts } from '../../../src/inspect/procfs/system.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { proc } from '../diff-builders.js';

const BOOT_MS = 1_700_000_000_000;
const START_TICKS = 500;
const START_MS = BOOT_MS + START_TICKS * 10;
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * A proc root where pid 100 (the parent) is in this state now (its stat,
 * status and cmdline as the kernel writes them; a zombie's cmdline is empty
 * and its status has no VmLck), or is not there at all; and what reads one
 * process again there, as the backend does.
 */
function procRoot(state: string | undefined, startTicks = START_TICKS, cpuTicks = 0): ReadAlone {
  const root = mkdtempSync(join(tmpdir(), 'procview-settle-'));
  roots.push(root);
  writeFileSync(join(root, 'stat'), `cpu  1 0 1 100 0 0 0 0 0 0\nbtime ${BOOT_MS / 1000}\n`);
  if (state !== undefined) {
    mkdirSync(join(root, '100'));
    // fields 1-24 (14: utime), then the rest as a kernel writes them
    writeFileSync(
      join(root, '100', 'stat'),
      `100 (sh) ${state} 1 100 100 0 -1 4194560 0 0 0 0 ${cpuTicks} 0 0 0 20 0 1 0 ${startTicks} 0 0 ` +
        '18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0\n',
    );
    writeFileSync(join(root, '100', 'status'), `Name:\tsh\nState:\t${state}\nUid:\t0\t0\t0\t0\n${state === 'Z' ? '' : 'VmLck:\t0 kB\nVmRSS:\t1000 kB\n'}`);
    writeFileSync(join(root, '100', 'cmdline'), state === 'Z' ? '' : 'sh\0');
  }
  const rereader = new ProcessRereader(root, () => readSystemFacts(root, '/nonexistent/passwd'), { commandLines: true, uidFrom: 'status' });
  return (pid, previous) => rereader.read(pid, previous);
}

const parent = proc({ pid: 100, ppid: 1, comm: 'sh', state: 'S', stat: 'Ss', startTime: START_MS, threads: 1 });
const childBefore = proc({ pid: 200, ppid: 100 });
const childAfter: ProcInfo = { ...childBefore, ppid: 1, stat: 'S' };
const previous = new Map([
  [100, parent],
  [200, childBefore],
]);
const scanned = (): Map<number, ProcInfo> =>
  new Map([
    [100, parent],
    [200, childAfter],
  ]);

describe('settleReparented', () => {
  it('shows the old parent as the zombie it is by now, as a scan would build it (its final TIME too)', () => {
    const procs = scanned();
    settleReparented(procs, previous, procRoot('Z', START_TICKS, 350));
    expect(procs.get(100)).toMatchObject({ pid: 100, state: 'Z', stat: 'Zs', args: '', startTime: START_MS, timeSeconds: 3.5, policy: 'TS', nice: 0 });
    expect(procs.get(200)).toBe(childAfter);
  });

  it('drops the old parent when it has left the table, or its pid is someone else now', () => {
    for (const root of [procRoot(undefined), procRoot('S', START_TICKS + 1)]) {
      const procs = scanned();
      settleReparented(procs, previous, root);
      expect(procs.has(100)).toBe(false);
      expect(procs.get(200)).toBe(childAfter);
    }
  });

  it('leaves alone a parent that still runs, children that kept their parent, and a first scan', () => {
    const procs = scanned();
    settleReparented(procs, previous, procRoot('S'));
    expect(procs.get(100)).toBe(parent);
    const still = new Map([
      [100, parent],
      [200, childBefore],
    ]);
    settleReparented(still, previous, procRoot(undefined));
    expect(still.get(100)).toBe(parent);
    const first = scanned();
    settleReparented(first, undefined, procRoot(undefined));
    expect(first.get(100)).toBe(parent);
  });
});

describe('settleEarlyChildren (a first scan whose helper thread read a child before its parent)', () => {
  /** What reading each pid alone finds now; the pids it was asked for, in order. */
  function now(records: Record<number, ProcInfo | undefined>): { readAlone: ReadAlone; asked: number[] } {
    const asked: number[] = [];
    return {
      readAlone: (pid) => {
        asked.push(pid);
        return records[pid];
      },
      asked,
    };
  }

  it('reads again a child whose parent is not in the table, or a zombie, and keeps what it is now', () => {
    const gonePid = proc({ pid: 300, ppid: 150 });
    const underZombie = proc({ pid: 301, ppid: 100 });
    const zombie = proc({ pid: 100, ppid: 1, state: 'Z', stat: 'Z' });
    const procs = new Map<number, ProcInfo>([
      [1, proc({ pid: 1, ppid: 0 })],
      [100, zombie],
      [300, gonePid],
      [301, underZombie],
    ]);
    const { readAlone, asked } = now({ 300: { ...gonePid, ppid: 1 }, 301: { ...underZombie, ppid: 1 } });
    settleEarlyChildren(procs, readAlone);
    expect(asked.sort()).toEqual([300, 301]);
    expect(procs.get(300)?.ppid).toBe(1);
    expect(procs.get(301)?.ppid).toBe(1);
    expect(procs.get(100)).toBe(zombie);
  });

  it('drops a child that is gone by now, or whose pid another process took', () => {
    const child = proc({ pid: 300, ppid: 150 });
    const other = proc({ pid: 301, ppid: 151 });
    const procs = new Map<number, ProcInfo>([
      [1, proc({ pid: 1, ppid: 0 })],
      [300, child],
      [301, other],
    ]);
    settleEarlyChildren(procs, now({ 300: undefined, 301: { ...other, ppid: 1, startTime: (other.startTime ?? 0) + 10 } }).readAlone);
    expect([...procs.keys()]).toEqual([1]);
  });

  it('leaves alone children of live parents, and processes without a parent here (ppid 0)', () => {
    const init = proc({ pid: 1, ppid: 0 });
    const child = proc({ pid: 300, ppid: 1 });
    const procs = new Map<number, ProcInfo>([
      [1, init],
      [300, child],
    ]);
    const { readAlone, asked } = now({});
    settleEarlyChildren(procs, readAlone);
    expect(asked).toEqual([]);
    expect(procs.get(300)).toBe(child);
  });
});
