// The shared snapshot-and-diff loop, on hand-made snapshots handed out by a
// stand-in inspector (the real scans are covered by the backends' tests).
import { describe, expect, it } from 'vitest';
import { SnapshotDiffer, startPollLoop, type Turn } from '../../src/inspect/poll-loop.js';
import type { Snapshot } from '../../src/inspect/types.js';
import { proc, snapshot } from './diff-builders.js';

const first = snapshot([proc({ pid: 1, ppid: 0 }), proc({ pid: 10 })], 1000);
const second = snapshot([proc({ pid: 1, ppid: 0 }), proc({ pid: 11 })], 2000);

describe('SnapshotDiffer', () => {
  it('hands out each snapshot with the one before and the events between, none on the first', () => {
    const differ = new SnapshotDiffer();
    const one = differ.next(first, 5);
    expect(one).toMatchObject({ seq: 1, begunAt: 5, snapshot: first, previous: undefined, events: [] });
    const two = differ.next(second, 6);
    expect(two.seq).toBe(2);
    expect(two.previous).toBe(first);
    expect(two.events.map((event) => [event.kind, event.pid])).toEqual([
      ['exit', 10],
      ['spawn', 11],
    ]);
    expect(Object.isFrozen(two)).toBe(true);
    expect(Object.isFrozen(two.events)).toBe(true);
  });
});

describe('startPollLoop', () => {
  it('never starts a scan before the last one ended, goes on after a failed scan, and hands nothing on after stop()', async () => {
    const script: (Snapshot | Error)[] = [first, new Error('table unreadable'), second];
    let inFlight = 0;
    let overlapped = false;
    const turns: Turn[] = [];
    const errors: unknown[] = [];
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const loop = startPollLoop({
      inspector: {
        async snapshot() {
          inFlight += 1;
          overlapped ||= inFlight > 1;
          await Promise.resolve();
          inFlight -= 1;
          const next = script.shift();
          if (next === undefined) return new Promise<Snapshot>(() => undefined);
          if (next instanceof Error) throw next;
          return next;
        },
      },
      intervalMs: 0,
      onTurn: (turn) => {
        turns.push(turn);
        if (turns.length === 2) finish();
      },
      onError: (error) => errors.push(error),
    });
    await done;
    loop.stop();
    expect(overlapped).toBe(false);
    expect(turns.map((turn) => turn.snapshot)).toEqual([first, second]);
    expect(turns[1]?.previous).toBe(first);
    expect(errors).toHaveLength(1);
    // The first, the failed and the second scan; stop() came before the next one began.
    expect(loop.scans).toBe(3);
  });
});
