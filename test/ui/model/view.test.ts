// The rows a frame gives: live rows straight from the scope, tombstones for
// exited processes that are not back, and grey context parents in a tree.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/inspect/diff.js';
import type { Snapshot } from '../../../src/inspect/types.js';
import { ALL, EMPTY_FOLLOW, type Scope, type Seed } from '../../../src/inspect/scope.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch, type WatchState } from '../../../src/ui/model/watch.js';
import { proc, snapshot } from './fixtures.js';

/** The watch after each snapshot in turn, with the real diff's events. */
function watchOf(scope: Scope, snaps: readonly Snapshot[], seeds: readonly Seed[] = []): WatchState {
  let watch = initialWatch(scope);
  let previous: Snapshot | undefined;
  snaps.forEach((snap, i) => {
    const events = previous === undefined ? [] : diffSnapshots(previous, snap);
    watch = advanceWatch(
      watch,
      { seq: i + 1, begunAt: i + 1, snapshot: snap, previous, events, host: { uptimeSeconds: 1, load: [0, 0, 0] }, intervalMs: 1000 },
      seeds,
    );
    previous = snap;
  });
  return watch;
}

const marks = (watch: WatchState, mode: 'table' | 'tree'): string[] =>
  computeRows(watch, { ...initialViewState(watch.scope.kind !== 'all'), mode, sort: 'pid', descending: false }).map((row) => `${row.pid}:${row.mark}`);

describe('rows of a frame', () => {
  it('the whole system: every process once, an exited one as a tombstone, the new one marked', () => {
    const watch = watchOf(ALL, [snapshot([proc(1, 0), proc(10, 1)]), snapshot([proc(1, 0), proc(11, 1)])]);
    expect(marks(watch, 'table')).toEqual(['1:live', '10:dead', '11:new']);
    expect(watch.counts.total).toBe(2);
  });

  it('a pid reused by a new process replaces the tombstone when the new one is in scope', () => {
    const watch = watchOf(ALL, [snapshot([proc(1, 0), proc(10, 1)]), snapshot([proc(1, 0), proc(10, 1, { startTime: 42 })])]);
    expect(marks(watch, 'table')).toEqual(['1:live', '10:new']);
  });

  it('a followed pid reused by a process outside the scope stays a tombstone', () => {
    const s1 = snapshot([proc(1, 0), proc(10, 1), proc(20, 1)]);
    const s2 = snapshot([proc(1, 0), proc(10, 1, { startTime: 42 }), proc(20, 1)]);
    const watch = watchOf(EMPTY_FOLLOW, [s1, s2], [{ pid: 10, startTime: proc(10, 1).startTime }, 20]);
    expect(marks(watch, 'table')).toEqual(['10:dead', '20:live']);
  });

  it('a tree shows one grey parent for all the followed processes under it, never a shown one', () => {
    const s1 = snapshot([proc(1, 0), proc(5, 1), proc(6, 5), proc(7, 5), proc(8, 1)]);
    const watch = watchOf(EMPTY_FOLLOW, [s1], [6, 7, 8]);
    expect(marks(watch, 'tree')).toEqual(['1:context', '5:context', '6:live', '7:live', '8:live']);
    expect(marks(watch, 'table')).toEqual(['6:live', '7:live', '8:live']);
  });
});

describe('the scope counts', () => {
  it('counts as seen a child the scope forked that lived and died between two frames', () => {
    const s1 = snapshot([proc(1, 0), proc(10, 1)]);
    const s2 = snapshot([proc(1, 0), proc(10, 1)]);
    const child = proc(11, 10);
    let watch = advanceWatch(
      initialWatch(EMPTY_FOLLOW),
      { seq: 1, begunAt: 1, snapshot: s1, previous: undefined, events: [], host: { uptimeSeconds: 1, load: [0, 0, 0] }, intervalMs: 1000 },
      [10],
    );
    expect(watch.counts.seen).toBe(1);
    const events = [
      { kind: 'spawn', at: 2, pid: 11, comm: 'c', ppid: 10, source: 'kernel' },
      { kind: 'exit', at: 3, pid: 11, comm: 'c', ppid: 10, status: undefined, source: 'kernel' },
    ] as const;
    const frame = { seq: 2, begunAt: 2, snapshot: s2, previous: s1, events, host: { uptimeSeconds: 1, load: [0, 0, 0] as const }, intervalMs: 1000 };
    watch = advanceWatch(watch, { ...frame, glimpses: new Map([[11, child]]) }, [10]);
    expect(watch.counts.total).toBe(1);
    expect(watch.counts.seen).toBe(2);
    // The same glimpse again (a later frame still carrying it) is the same process.
    watch = advanceWatch(watch, { ...frame, seq: 3, events: [], glimpses: new Map([[11, child]]) }, [10]);
    expect(watch.counts.seen).toBe(2);
  });
});
