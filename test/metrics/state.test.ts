// The exporter's state moved on scan by scan: counters from events, zombie
// ages from first sight, group CPU as a counter that never goes down.
import { describe, expect, it } from 'vitest';
import type { ProcEvent } from '../../src/inspect/types.js';
import { advanceMetrics, countedKind, type MetricsState } from '../../src/metrics/state.js';
import { proc, snapshot } from '../inspect/diff-builders.js';

const NO_GROUPS = (): number => -1;

function scan(prev: MetricsState | undefined, procs: ReturnType<typeof proc>[], events: ProcEvent[], takenAt: number): MetricsState {
  return advanceMetrics(prev, { snapshot: snapshot(procs, takenAt), procs, events, scanSeconds: 0.01 }, NO_GROUPS, 0);
}

const orphaned = (pid: number, to: number, adopter: 'init' | 'subreaper'): ProcEvent => ({
  kind: 'reparent',
  at: 0,
  pid,
  comm: 'sleep',
  from: 50,
  to,
  orphaned: true,
  adopter,
});

describe('advanceMetrics', () => {
  it('starts every counter at 0 and counts events by kind, orphans by adopter', () => {
    const first = scan(undefined, [proc({ pid: 10 })], [], 1000);
    expect(Object.values(first.events).every((n) => n === 0)).toBe(true);
    expect(first.adoptions).toEqual({ init: 0, subreaper: 0 });
    const events: ProcEvent[] = [
      { kind: 'spawn', at: 0, pid: 11, comm: 'sh', ppid: 10 },
      { kind: 'zombie', at: 0, pid: 11, comm: 'sh', ppid: 10 },
      orphaned(12, 1, 'init'),
      orphaned(13, 1, 'init'),
      orphaned(14, 7, 'subreaper'),
      // The old parent still there: not an orphan, not counted.
      { kind: 'reparent', at: 0, pid: 15, comm: 'x', from: 2, to: 3, orphaned: false, adopter: undefined },
    ];
    const second = scan(first, [proc({ pid: 10 })], events, 2000);
    expect(second.events).toMatchObject({ spawn: 1, zombie: 1, orphaned: 3, exit: 0 });
    expect(second.adoptions).toEqual({ init: 2, subreaper: 1 });
    const third = scan(second, [proc({ pid: 10 })], [orphaned(16, 1, 'init')], 3000);
    expect(third.adoptions.init).toBe(3);
    expect(third.events.orphaned).toBe(4);
    // The earlier state is not changed.
    expect(second.adoptions.init).toBe(2);
  });

  it('maps every event kind to a counted kind, reparent by whether the parent was gone', () => {
    expect(countedKind({ kind: 'renice', at: 0, pid: 1, comm: 'x', from: 0, to: 5 })).toBe('renice');
    expect(countedKind(orphaned(1, 1, 'init'))).toBe('orphaned');
  });

  it('dates a zombie from its first sighting and keeps that date while the same process stays a zombie', () => {
    const zombie = proc({ pid: 20, state: 'Z' });
    const a = scan(undefined, [zombie], [], 1000);
    const b = scan(a, [zombie], [], 5000);
    expect(b.zombies.get(20)?.value).toBe(1000);
    // Same pid, another start time: another process, dated anew.
    const reused = proc({ pid: 20, state: 'Z', startTime: 1 });
    expect(scan(b, [reused], [], 9000).zombies.get(20)?.value).toBe(9000);
    // Reaped: forgotten.
    expect(scan(b, [], [], 9000).zombies.size).toBe(0);
  });

  it('counts group CPU as a counter: new members bring their CPU so far, known ones their delta, leavers keep what they added', () => {
    const groupOf = (p: { comm: string | undefined }): number => (p.comm === 'worker' ? 0 : -1);
    const step = (prev: MetricsState | undefined, procs: ReturnType<typeof proc>[], takenAt: number): MetricsState =>
      advanceMetrics(prev, { snapshot: snapshot(procs, takenAt), procs, events: [], scanSeconds: undefined }, groupOf, 1);
    const a = step(undefined, [proc({ pid: 30, comm: 'worker', timeSeconds: 2 }), proc({ pid: 31, comm: 'other', timeSeconds: 50 })], 1000);
    expect(a.groupCpuSeconds).toEqual([2]);
    const b = step(a, [proc({ pid: 30, comm: 'worker', timeSeconds: 3.5 }), proc({ pid: 32, comm: 'worker', timeSeconds: 1 })], 2000);
    expect(b.groupCpuSeconds).toEqual([2 + 1.5 + 1]);
    // pid 30 exits: the counter does not go down.
    const c = step(b, [proc({ pid: 32, comm: 'worker', timeSeconds: 1 })], 3000);
    expect(c.groupCpuSeconds).toEqual(b.groupCpuSeconds);
    // Unknown CPU time (EACCES) adds nothing and keeps the last figure for the next delta.
    const d = step(c, [proc({ pid: 32, comm: 'worker', timeSeconds: undefined })], 4000);
    const e = step(d, [proc({ pid: 32, comm: 'worker', timeSeconds: 4 })], 5000);
    expect(e.groupCpuSeconds).toEqual([(c.groupCpuSeconds[0] ?? 0) + 3]);
  });
});
