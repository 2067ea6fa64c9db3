// Scope follows processes: once in, a pid stays until it exits, so an orphan
// stays in view after PID 1 adopts it, and is drawn under its new parent.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/inspect/diff.js';
import { advanceLife, HIGHLIGHT_REFRESHES, NO_LIFE, type Life } from '../../src/ui/model/life.js';
import { advanceScope, EMPTY_FOLLOW, inScope, type Scope, type Seed, targetSeeds } from '../../src/inspect/scope.js';
import { initialViewState } from '../../src/ui/model/view-state.js';
import { computeRows } from '../../src/ui/model/view.js';
import { advanceWatch, initialWatch, type Frame } from '../../src/ui/model/watch.js';
import type { ProcEvent, Snapshot } from '../../src/inspect/types.js';
import { proc, snapshot } from '../ui/model/fixtures.js';

const members = (scope: Scope): number[] => (scope.kind === 'all' ? [] : [...scope.members.keys()].sort((a, b) => a - b));

describe('scope', () => {
  const before = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(101, 100), proc(102, 101), proc(200, 1)]);

  it('takes the seeds and all their descendants', () => {
    expect(members(advanceScope(EMPTY_FOLLOW, before, [100], 0))).toEqual([100, 101, 102]);
    expect(members(advanceScope(EMPTY_FOLLOW, before, [999], 0))).toEqual([]);
  });

  it('keeps an orphan after its parent exits and PID 1 adopts it', () => {
    const first = advanceScope(EMPTY_FOLLOW, before, [100], 0);
    // 101 exited; its child 102 now has PPID 1, outside the seed's subtree.
    const after = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(102, 1), proc(200, 1)]);
    const next = advanceScope(first, after, [100], 0);
    expect(members(next)).toEqual([100, 102]);
    expect(inScope(next, after, 200)).toBe(false);
  });

  it("takes a child whose forker is in no table: forked by a member, or by the last frame's member, and gone since", () => {
    const first = advanceScope(EMPTY_FOLLOW, before, [100], 0);
    // 100 forked 110, which forked 111 and exited at once (a fork demo's parent): 111 is read under PID 1.
    const after = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(101, 100), proc(102, 101), proc(111, 1), proc(200, 1)]);
    const spawns: ProcEvent[] = [
      { kind: 'spawn', at: 1, pid: 110, ppid: 100, comm: 'bash', source: 'kernel' },
      { kind: 'spawn', at: 2, pid: 111, ppid: 110, comm: 'orphan', source: 'kernel' },
    ];
    expect(members(advanceScope(first, after, [], 0, spawns))).toEqual([100, 101, 102, 111]);
    // 102 (a member) forked 120 and both are gone: 120's child 121, read under PID 1, is the scope's.
    const later = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(121, 1), proc(200, 1)]);
    const more: ProcEvent[] = [
      { kind: 'spawn', at: 3, pid: 120, ppid: 102, comm: 'sh', source: 'kernel' },
      { kind: 'spawn', at: 4, pid: 121, ppid: 120, comm: 'sleep', source: 'kernel' },
    ];
    expect(members(advanceScope(first, later, [], 0, more))).toEqual([100, 121]);
    // A bare-pid seed gone before any read (a program run, forked and exited at once) counts too.
    const program = snapshot([proc(1, 0), proc(131, 1)]);
    const forkedByProgram: ProcEvent[] = [{ kind: 'spawn', at: 5, pid: 131, ppid: 130, comm: 'sleep', source: 'kernel' }];
    expect(members(advanceScope(EMPTY_FOLLOW, program, [130], 0, forkedByProgram))).toEqual([131]);
    // Not a spawn by anyone of the scope.
    expect(members(advanceScope(first, program, [], 0, forkedByProgram))).toEqual([]);
  });

  it('drops a pid that was reused by another process (different start time)', () => {
    const first = advanceScope(EMPTY_FOLLOW, before, [100], 0);
    const reused = snapshot([proc(1, 0), proc(102, 1, { startTime: 42 })]);
    expect(members(advanceScope(first, reused, [], 0))).toEqual([]);
  });

  it('picks up a name match that appears later (seeds are re-read every frame)', () => {
    const empty = advanceScope(EMPTY_FOLLOW, snapshot([proc(1, 0)]), [], 0);
    expect(members(empty)).toEqual([]);
    expect(members(advanceScope(empty, before, [200], 0))).toEqual([200]);
  });
});

// A pid named without a start time (--watch PID, a demo's track(pid)) means
// the process it was when first seen: after it exits, a stranger that gets the
// same pid must not join the scope, even though the seed is still given.
describe('scope: seeds are processes, not pids', () => {
  const init = proc(1, 0);
  const watched = proc(300, 1, { startTime: 5_000 });
  const child = proc(301, 300, { startTime: 5_100 });
  const stranger = proc(300, 1, { startTime: 9_000, comm: 'stranger' });
  const strangerChild = proc(301, 300, { startTime: 9_100 });
  const walk = (seeds: () => Seed[], frames: readonly [begunAt: number, snap: Snapshot][]): number[][] => {
    let scope = EMPTY_FOLLOW;
    return frames.map(([begunAt, snap]) => {
      scope = advanceScope(scope, snap, seeds(), begunAt);
      return members(scope);
    });
  };

  it('a tracked pid is bound to its first sight; after it exits its reused pid stays out', () => {
    const tracked = (): Seed[] => [{ pid: 300, trackedAt: 10 }];
    expect(
      walk(tracked, [
        [20, snapshot([init, watched, child])],
        [30, snapshot([init])],
        [40, snapshot([init, stranger, strangerChild])],
      ]),
    ).toEqual([[300, 301], [], []]);
  });

  it('binds at once a tracked pid whose fork this very frame reports, though its scan began before the announcement', () => {
    const seeds = [{ pid: 300, trackedAt: 25 }];
    const forked = advanceScope(EMPTY_FOLLOW, snapshot([init, watched, child]), seeds, 20, [
      { kind: 'spawn', at: 1, pid: 300, ppid: 1, comm: 'sh', source: 'kernel' },
    ]);
    expect(members(forked)).toEqual([300, 301]);
    // A pid a table shows for the first time (no fork reported) may be the process before the announced one.
    const firstSeen = advanceScope(EMPTY_FOLLOW, snapshot([init, watched]), seeds, 20, [{ kind: 'spawn', at: 1, pid: 300, ppid: 1, comm: 'sh' }]);
    expect(members(firstSeen)).toEqual([]);
    // Another pid's fork proves nothing about 300: it waits for a later scan, as before.
    const other = advanceScope(EMPTY_FOLLOW, snapshot([init, watched]), seeds, 20, [{ kind: 'spawn', at: 1, pid: 301, ppid: 300, comm: 'sh' }]);
    expect(members(other)).toEqual([]);
  });

  it('the reuse can happen between two frames: a new start time is another process', () => {
    const tracked = (): Seed[] => [{ pid: 300, trackedAt: 10 }];
    expect(
      walk(tracked, [
        [20, snapshot([init, watched])],
        [30, snapshot([init, stranger])],
      ]),
    ).toEqual([[300], []]);
  });

  it('waits for a scan begun after the pid was tracked; gone by then means never admitted', () => {
    const tracked = (): Seed[] => [{ pid: 300, trackedAt: 25 }];
    // The first scan began before track(300): what it read as 300 may be an earlier process.
    expect(
      walk(tracked, [
        [20, snapshot([init, stranger])],
        [30, snapshot([init, watched])],
      ]),
    ).toEqual([[], [300]]);
    // Gone at the first scan after it was tracked: whatever gets the pid later is a stranger.
    expect(
      walk(tracked, [
        [30, snapshot([init])],
        [40, snapshot([init, stranger, strangerChild])],
      ]),
    ).toEqual([[], []]);
  });

  it('a pid tracked again keeps its first binding', () => {
    let calls = 0;
    // The demo announces 300 again after the stranger took it: still not admitted.
    const tracked = (): Seed[] => (calls++ < 2 ? [{ pid: 300, trackedAt: 10 }] : [{ pid: 300, trackedAt: 35 }]);
    expect(
      walk(tracked, [
        [20, snapshot([init, watched])],
        [30, snapshot([init])],
        [40, snapshot([init, stranger])],
      ]),
    ).toEqual([[300], [], []]);
  });

  it('with no start time to compare (ps-list), a seed holds only while its pid is seen in every frame', () => {
    const blind = (p: ReturnType<typeof proc>): ReturnType<typeof proc> => ({ ...p, startTime: undefined });
    const tracked = (): Seed[] => [{ pid: 300, trackedAt: 10 }];
    expect(
      walk(tracked, [
        [20, snapshot([init, blind(watched)])],
        [30, snapshot([init, blind(watched)])],
        [40, snapshot([init])],
        [50, snapshot([init, blind(stranger)])],
      ]),
    ).toEqual([[300], [300], [], []]);
  });

  it('a seed with its start time admits only that process', () => {
    const known = (): Seed[] => [{ pid: 300, startTime: 5_000 }];
    expect(
      walk(known, [
        [20, snapshot([init, watched, child])],
        [30, snapshot([init, stranger, strangerChild])],
      ]),
    ).toEqual([[300, 301], []]);
  });

  it("the watch passes each frame's scan time: a demo pid reused after it exits is not shown", () => {
    const frame = (seq: number, snap: Snapshot, begunAt: number): Frame => ({
      seq,
      begunAt,
      snapshot: snap,
      previous: undefined,
      events: [],
      host: { uptimeSeconds: 60, load: [0, 0, 0] },
      intervalMs: 500,
    });
    const seeds = [{ pid: 300, trackedAt: 10 }];
    let watch = advanceWatch(initialWatch(EMPTY_FOLLOW), frame(1, snapshot([init, watched]), 20), seeds);
    expect(watch.counts.total).toBe(1);
    watch = advanceWatch(watch, frame(2, snapshot([init]), 30), seeds);
    watch = advanceWatch(watch, frame(3, snapshot([init, stranger]), 40), seeds);
    expect(watch.counts.total).toBe(0);
    expect(
      computeRows(watch, initialViewState(true))
        .filter((row) => row.mark !== 'context')
        .map((row) => row.proc.comm),
    ).toEqual([]);
  });
});

describe('new and exited rows (tombstones)', () => {
  const a = snapshot([proc(1, 0), proc(10, 1)]);
  const b = snapshot([proc(1, 0), proc(11, 1)]);
  const all = (): boolean => true;
  // The events come from the real diff, as in the dashboard; each step is one refresh interval later.
  const interval = 1000;
  let clock = 1_700_000_000_000;
  const step = (life: Life, before: Snapshot | undefined, after: Snapshot, shown = all): Life => {
    clock += interval;
    return advanceLife(life, before === undefined ? [] : diffSnapshots(before, after), before, { ...after, takenAt: clock }, shown, shown, interval);
  };

  it('nothing is new on the first refresh; a new pid is new, an exited one is kept as a tombstone', () => {
    const first = step(NO_LIFE, undefined, a);
    expect(first.born.size).toBe(0);
    const second = step(first, a, b);
    expect([...second.born.keys()]).toEqual([11]);
    expect(second.dead.get(10)?.proc.pid).toBe(10);
  });

  it(`forgets both after ${HIGHLIGHT_REFRESHES} refresh intervals, and drops a tombstone whose pid is back`, () => {
    let life = step(step(NO_LIFE, undefined, a), a, b);
    for (let i = 1; i < HIGHLIGHT_REFRESHES; i += 1) life = step(life, b, b);
    expect(life.dead.has(10)).toBe(true);
    expect(life.born.has(11)).toBe(true);
    life = step(life, b, b);
    expect(life.dead.has(10)).toBe(false);
    expect(life.born.has(11)).toBe(false);
    const back = step(step(NO_LIFE, undefined, a), a, b);
    expect(step(back, b, a).dead.has(10)).toBe(false);
  });

  it('keeps tombstones only for processes that were shown', () => {
    expect(step(step(NO_LIFE, undefined, a), a, b, () => false).dead.size).toBe(0);
  });

  it('a zombie that is reaped leaves a tombstone with its last sight (Z)', () => {
    const z = snapshot([proc(1, 0), proc(10, 1, { state: 'Z', stat: 'Z', args: '' })]);
    const gone = step(step(NO_LIFE, undefined, z), z, snapshot([proc(1, 0)]));
    expect(gone.dead.get(10)?.proc.state).toBe('Z');
  });
});

describe('the watch, frame by frame', () => {
  const frame = (seq: number, snap: Snapshot, previous: Snapshot | undefined, events: Frame['events'] = []): Frame => ({
    seq,
    begunAt: seq,
    snapshot: snap,
    previous,
    events,
    host: { uptimeSeconds: 60, load: [0, 0, 0] },
    intervalMs: 500,
  });

  it('draws the adopted orphan under its new parent, and the dead parent as a tombstone', () => {
    const s1 = snapshot([proc(1, 0, { comm: 'init' }), proc(90, 1), proc(100, 90), proc(101, 100)], 1000);
    const s2 = snapshot([proc(1, 0, { comm: 'init' }), proc(90, 1), proc(101, 1)], 2000);
    const events: Frame['events'] = [
      { kind: 'exit', at: 2000, pid: 100, comm: 'p100', ppid: 90 },
      { kind: 'reparent', at: 2000, pid: 101, comm: 'p101', from: 100, to: 1, orphaned: true, adopter: 'init' },
      { kind: 'spawn', at: 2000, pid: 90, comm: 'unrelated', ppid: 1 },
    ];
    let watch = advanceWatch(initialWatch(EMPTY_FOLLOW), frame(1, s1, undefined), [100]);
    watch = advanceWatch(watch, frame(2, s2, s1, events), [100]);
    const rows = computeRows(watch, initialViewState(true));
    // Context parents that are related nest as in the real tree.
    expect(rows.map((r) => `${r.prefix}${r.pid}:${r.mark}`)).toEqual(['1:context', '├─ 90:context', '│  └─ 100:dead', '└─ 101:live']);
    expect(watch.timeline.lines.map((l) => l.text.slice(9))).toEqual([
      '100 (p100) exited (parent 90 (p90))',
      '101 (p101) orphaned: parent 100 (p100) exited, adopted by 1 (init)',
    ]);
    expect(watch.counts.total).toBe(1);
    // A column per 500 ms interval: 1.0-1.5 s held 2, 1.5-2.0 s had no frame (repeated), then 1.
    expect(watch.history.procs).toEqual([2, 2, 1]);
  });
});

describe('targetSeeds', () => {
  it('binds named pids as they were when --watch named them, matches a name anew, and seeds nothing for all', () => {
    const snap = snapshot([proc(1, 0), proc(20, 1, { comm: 'nginx', args: 'nginx: worker' }), proc(30, 1, { comm: 'sleep', args: 'sleep 5 nginx' })]);
    expect(targetSeeds({ kind: 'all' }, { snapshot: snap }, 5)).toEqual([]);
    expect(targetSeeds({ kind: 'pids', pids: [20, 99] }, { snapshot: snap }, 5)).toEqual([
      { pid: 20, trackedAt: 5 },
      { pid: 99, trackedAt: 5 },
    ]);
    expect(targetSeeds({ kind: 'name', pattern: 'nginx' }, { snapshot: snap }, 5, 30)).toEqual([20]);
  });

  it('matches a name also by the exec and exit lines of a program no table held', () => {
    const snap = snapshot([proc(1, 0), proc(30, 1, { comm: 'bash', args: 'bash' })]);
    const events: ProcEvent[] = [
      { kind: 'spawn', at: 1, pid: 40, comm: 'bash', ppid: 30 },
      { kind: 'exec', at: 2, pid: 40, comm: 'orphdemo', nameFrom: 41, fromComm: 'bash', fromArgs: 'bash', args: undefined },
      { kind: 'exit', at: 3, pid: 40, comm: undefined, ppid: 30 },
    ];
    expect(targetSeeds({ kind: 'name', pattern: 'orphdemo' }, { snapshot: snap, events }, 5, 99)).toEqual([40]);
    // A table alone (the exporter's scans) matches what it holds.
    expect(targetSeeds({ kind: 'name', pattern: 'orphdemo' }, { snapshot: snap }, 5, 99)).toEqual([]);
  });
});
