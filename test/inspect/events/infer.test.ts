// Honest gaps: an orphan first seen already under PID 1 is marked inferred, with the evidence.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/inspect/diff.js';
import { inferOrphans } from '../../../src/inspect/events/infer.js';
import { proc, snapshot } from '../diff-builders.js';

const T = 1_700_000_100_000;

describe('inferOrphans', () => {
  it('says a child of 1 in a process group without a leader was probably orphaned, naming the group', () => {
    const leader = proc({ pid: 6654, ppid: 50, pgid: 6654, comm: 'sh' });
    const prev = snapshot([leader], T);
    const next = snapshot([proc({ pid: 6655, ppid: 1, pgid: 6654, comm: 'sleep' })], T + 1000);
    const events = inferOrphans(diffSnapshots(prev, next), prev, next);
    const inferred = events.find((e) => e.kind === 'reparent');
    expect(inferred).toMatchObject({ pid: 6655, from: undefined, to: 1, orphaned: true, adopter: 'init' });
    expect(inferred?.inferred).toBe(
      'first seen already adopted by 1; its process group 6654 has no leader any more (6654 (sh) was seen before): probably orphaned before procview looked',
    );
  });

  it('names a living group leader that is not the parent', () => {
    const leader = proc({ pid: 700, ppid: 50, pgid: 700, comm: 'sh' });
    const prev = snapshot([leader], T);
    const next = snapshot([leader, proc({ pid: 702, ppid: 1, pgid: 700, comm: 'sleep' })], T + 1000);
    const events = inferOrphans(diffSnapshots(prev, next), prev, next);
    expect(events.find((e) => e.kind === 'reparent')?.inferred).toContain("its process group's leader 700 (sh) is alive but not its parent");
  });

  it('infers nothing for group leaders (daemons), kernel threads, children of other parents, or spawns with a known forker', () => {
    const prev = snapshot([], T);
    const daemon = proc({ pid: 800, ppid: 1, pgid: 800 });
    const kthread = proc({ pid: 801, ppid: 2, pgid: 0, args: '' });
    const child = proc({ pid: 802, ppid: 50, pgid: 700 });
    const next = snapshot([daemon, kthread, child], T + 1000);
    expect(inferOrphans(diffSnapshots(prev, next), prev, next).some((e) => e.inferred !== undefined)).toBe(false);
    const seen = snapshot([proc({ pid: 803, ppid: 1, pgid: 700 })], T + 1000);
    const known = diffSnapshots(prev, seen).map((e) => ({ ...e, source: 'kernel' as const }));
    expect(inferOrphans(known, prev, seen)).toEqual(known);
  });
});
