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

  it('ends a process whose main thread ended alone with its last thread: that exit and its status', () => {
    const book = new FactBook();
    // A worker thread ends before the main one (no exit of the process yet), then the main thread
    // (pthread_exit: code 0), then the last thread calls exit(3).
    book.absorb([{ kind: 'exit', at: 1, pid: 71, tgid: 70, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }], new Set());
    expect(book.exitOf(70)).toBeUndefined();
    book.absorb([{ kind: 'exit', at: 2, pid: 70, tgid: 70, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }], new Set());
    book.absorb([{ kind: 'exit', at: 3, pid: 72, tgid: 70, exitCode: 3 << 8, exitSignal: 17, parentPid: 50, parentTgid: 50 }], new Set());
    expect(book.exitOf(70)).toEqual({ at: 3, status: { code: 3, signal: undefined, coreDumped: false }, parent: 50 });
  });
});
