// The header chart's history: one column per refresh interval, whatever the frame rate.
import { describe, expect, it } from 'vitest';
import { advanceWatch, HISTORY_LENGTH, historyColumn, initialWatch, type History } from '../../../src/ui/model/watch.js';
import { proc, snapshot } from './fixtures.js';
import { ALL } from '../../../src/inspect/scope.js';

const T = 1_700_000_000_000;
const run = (frames: readonly [at: number, procs: number, zombies: number][], intervalMs = 1000): History =>
  frames.reduce((history, [at, procs, zombies]) => historyColumn(history, T + at, intervalMs, procs, zombies), initialWatch(ALL).history);

describe('historyColumn', () => {
  it('gives frames milliseconds apart one column, holding the highest counts of its interval', () => {
    // Kernel events: a zombie that lived 200 ms, in frames 5-100 ms apart.
    const history = run([
      [0, 3, 0],
      [5, 4, 0],
      [100, 4, 1],
      [300, 3, 0],
      [990, 3, 0],
    ]);
    expect(history.procs).toEqual([4]);
    expect(history.zombies).toEqual([1]);
  });

  it('starts a column per interval passed, repeating the last one across intervals without a frame', () => {
    const history = run([
      [0, 3, 1],
      [1000, 4, 0],
      [1500, 5, 0],
      [4200, 2, 0],
    ]);
    // 0-1 s: 3/1; 1-2 s: 5/0; 2-3 s and 3-4 s without a frame: repeated; 4-5 s: 2/0.
    expect(history.procs).toEqual([3, 5, 5, 5, 2]);
    expect(history.zombies).toEqual([1, 0, 0, 0, 0]);
    expect(history.since).toBe(T + 4000);
  });

  it('keeps at most the chart width, however long the pause', () => {
    const history = run([
      [0, 1, 0],
      [10 * HISTORY_LENGTH * 1000, 2, 0],
    ]);
    expect(history.procs).toHaveLength(HISTORY_LENGTH);
    expect(history.procs.at(-1)).toBe(2);
  });

  it('is what the dashboard keeps: frames of one interval make one column', () => {
    let watch = initialWatch(ALL);
    for (const [i, at] of [0, 5, 10].entries()) {
      const snap = snapshot([proc(1, 0), proc(10, 1, { state: i === 1 ? 'Z' : 'S' })], T + at);
      watch = advanceWatch(
        watch,
        { seq: i + 1, begunAt: at, snapshot: snap, previous: undefined, events: [], host: { uptimeSeconds: 1, load: [0, 0, 0] }, intervalMs: 1000 },
        [],
      );
    }
    expect(watch.history.procs).toEqual([2]);
    expect(watch.history.zombies).toEqual([1]);
  });
});
