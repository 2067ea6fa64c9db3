// placeAmong: a step's event among the frame's that earlier steps said.
import { describe, expect, it } from 'vitest';
import { placeAmong } from '../../../src/inspect/events/place.js';
import type { ProcEvent } from '../../../src/inspect/types.js';

const status = { code: 0, signal: undefined, coreDumped: false };

describe('placeAmong', () => {
  it('puts an event after those at or before its time', () => {
    const said: ProcEvent[] = [
      { kind: 'spawn', at: 10, pid: 61, comm: 'p5', ppid: 60 },
      { kind: 'exit', at: 20, pid: 62, comm: 'p5', ppid: 60 },
    ];
    expect(placeAmong(said, { kind: 'spawn', at: 15, pid: 63, comm: 'p5', ppid: 60 })).toBe(1);
    expect(placeAmong(said, { kind: 'spawn', at: 20, pid: 63, comm: 'p5', ppid: 60 })).toBe(2);
  });

  it("puts a reap a later step inferred before its reaper's end line at the same time, not after it", () => {
    // p5 (60) waited for 61, then exited: its zombie line went into the frame first; 61 was found
    // gone by the next step, its reap said at 60's exit (a learner's trial read it as a zombie reaping).
    const said: ProcEvent[] = [
      { kind: 'spawn', at: 10, pid: 61, comm: 'p5', ppid: 60 },
      { kind: 'zombie', at: 35, pid: 60, comm: 'p5', ppid: 50, status },
    ];
    const reap: ProcEvent = {
      kind: 'reap',
      at: 35,
      pid: 61,
      comm: 'p5',
      by: undefined,
      lastParent: 60,
      status,
      inferred: 'found gone as its parent 60 exited',
    };
    expect(placeAmong(said, reap)).toBe(1);
    // Another process's end at that time stays before it; a later reap by someone else goes last.
    const other: ProcEvent[] = [...said, { kind: 'exit', at: 35, pid: 70, comm: 'x', ppid: 1 }];
    expect(placeAmong(other, reap)).toBe(1);
    expect(placeAmong(said, { ...reap, lastParent: 99 })).toBe(2);
    // Said later than the end (read after it): after it.
    expect(placeAmong(said, { ...reap, at: 40 })).toBe(2);
  });
});
