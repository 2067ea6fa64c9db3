// A scan is not one instant: the parent read alive, its child read a moment
// later under its adopter. settleReparented reads such a parent again before
// the snapshot is sealed. Here /proc is a temp dir holding what the parent's
// stat says *now*, and the scan's records are hand-made.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settleReparented } from '../../../src/inspect/procfs/settle-reparented.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { proc } from '../diff-builders.js';

const BOOT_MS = 1_700_000_000_000;
const START_TICKS = 500;
const START_MS = BOOT_MS + START_TICKS * 10;
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A proc root where pid 100 (the parent) has this stat state now, or no stat at all. */
function procRoot(state: string | undefined, startTicks = START_TICKS): string {
  const root = mkdtempSync(join(tmpdir(), 'procview-settle-'));
  roots.push(root);
  if (state !== undefined) {
    mkdirSync(join(root, '100'));
    // fields 1-24, then the rest as a kernel writes them
    writeFileSync(
      join(root, '100', 'stat'),
      `100 (sh) ${state} 1 100 100 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${startTicks} 0 0 ` +
        '18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0\n',
    );
  }
  return root;
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
  it('shows the old parent as the zombie it is by now', () => {
    const procs = scanned();
    settleReparented(procs, previous, procRoot('Z'), BOOT_MS);
    expect(procs.get(100)).toMatchObject({ pid: 100, state: 'Z', stat: 'Zs', args: '', startTime: START_MS });
    expect(procs.get(200)).toBe(childAfter);
  });

  it('drops the old parent when it has left the table, or its pid is someone else now', () => {
    for (const root of [procRoot(undefined), procRoot('S', START_TICKS + 1)]) {
      const procs = scanned();
      settleReparented(procs, previous, root, BOOT_MS);
      expect(procs.has(100)).toBe(false);
      expect(procs.get(200)).toBe(childAfter);
    }
  });

  it('leaves alone a parent that still runs, children that kept their parent, and a first scan', () => {
    const procs = scanned();
    settleReparented(procs, previous, procRoot('S'), BOOT_MS);
    expect(procs.get(100)).toBe(parent);
    const still = new Map([
      [100, parent],
      [200, childBefore],
    ]);
    settleReparented(still, previous, procRoot(undefined), BOOT_MS);
    expect(still.get(100)).toBe(parent);
    const first = scanned();
    settleReparented(first, undefined, procRoot(undefined), BOOT_MS);
    expect(first.get(100)).toBe(parent);
  });
});
