// FactBook: what it keeps of a kernel batch.
import { describe, expect, it } from 'vitest';
import { FactBook } from '../../../src/inspect/events/facts.js';

describe('FactBook', () => {
  it("marks a fork by a thread other than the parent's main one: the child copied that thread's name", () => {
    const book = new FactBook();
    book.absorb(
      [
        { kind: 'fork', at: 1, parentPid: 50, parentTgid: 50, childPid: 60, childTgid: 60 },
        { kind: 'fork', at: 2, parentPid: 51, parentTgid: 50, childPid: 61, childTgid: 61 },
        // A new thread of 50: not a process.
        { kind: 'fork', at: 3, parentPid: 50, parentTgid: 50, childPid: 62, childTgid: 50 },
      ],
      new Set(),
    );
    const { forks } = book.take();
    expect(forks.get(60)).toEqual({ parent: 50, at: 1, source: 'kernel' });
    expect(forks.get(61)).toEqual({ parent: 50, at: 2, source: 'kernel', byOtherThread: true });
    expect(forks.has(62)).toBe(false);
  });
});
