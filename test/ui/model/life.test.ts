import { describe, expect, it } from 'vitest';
import type { ProcEvent, ProcInfo } from '../../../src/inspect/types.js';
import { ALL } from '../../../src/inspect/scope.js';
import { HIGHLIGHT_REFRESHES } from '../../../src/ui/model/life.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch, type WatchState } from '../../../src/ui/model/watch.js';
import { proc, snapshot } from './fixtures.js';

const T0 = 1_700_000_100_000;
const INTERVAL = 1000;
const parent = proc(1, 0);
const child = proc(50, 1);

function step(watch: WatchState, seq: number, at: number, procs: readonly ProcInfo[], events: readonly ProcEvent[] = []): WatchState {
  return advanceWatch(
    watch,
    {
      seq,
      begunAt: seq,
      snapshot: snapshot(procs, at),
      previous: watch.frame?.snapshot,
      events,
      host: { uptimeSeconds: 1, load: [0, 0, 0] },
      intervalMs: INTERVAL,
    },
    [],
  );
}

const markOf = (watch: WatchState, pid: number): string | undefined => computeRows(watch, initialViewState(false)).find((row) => row.pid === pid)?.mark;

describe('new and just-exited highlights', () => {
  it('last a few refresh intervals of the frames’ time, however many frames come in between (kernel events: ms apart)', () => {
    let watch = step(initialWatch(ALL), 1, T0, [parent]);
    watch = step(watch, 2, T0 + 10, [parent, child], [{ kind: 'spawn', at: T0 + 10, pid: 50, comm: 'p50', ppid: 1 }]);
    let seq = 3;
    // Fifty frames 10 ms apart: half a second, far less than a few refreshes.
    for (let at = T0 + 20; at < T0 + 520; at += 10) watch = step(watch, seq++, at, [parent, child]);
    expect(markOf(watch, 50)).toBe('new');
    watch = step(watch, seq++, T0 + 10 + HIGHLIGHT_REFRESHES * INTERVAL, [parent, child]);
    expect(markOf(watch, 50)).toBe('live');

    // It exits: red for as long, through many quick frames.
    const goneAt = T0 + 10_000;
    watch = step(watch, seq++, goneAt, [parent], [{ kind: 'exit', at: goneAt, pid: 50, comm: 'p50', ppid: 1 }]);
    for (let at = goneAt + 10; at < goneAt + 1000; at += 10) watch = step(watch, seq++, at, [parent]);
    expect(markOf(watch, 50)).toBe('dead');
    watch = step(watch, seq++, goneAt + HIGHLIGHT_REFRESHES * INTERVAL, [parent]);
    expect(markOf(watch, 50)).toBeUndefined();
  });

  it('a process that lived for one refresh is still noticed after the next', () => {
    let watch = step(initialWatch(ALL), 1, T0, [parent]);
    watch = step(watch, 2, T0 + INTERVAL, [parent, child], [{ kind: 'spawn', at: T0 + INTERVAL, pid: 50, comm: 'p50', ppid: 1 }]);
    watch = step(watch, 3, T0 + 2 * INTERVAL, [parent], [{ kind: 'exit', at: T0 + 2 * INTERVAL, pid: 50, comm: 'p50', ppid: 1 }]);
    watch = step(watch, 4, T0 + 3 * INTERVAL, [parent]);
    expect(markOf(watch, 50)).toBe('dead');
  });
});
