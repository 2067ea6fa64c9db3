import { describe, expect, it } from 'vitest';
import { eventPrinter } from '../../src/commands/event-lines.js';
import type { WatchFrame } from '../../src/inspect/events/stream.js';
import type { ProcEvent, ProcInfo } from '../../src/inspect/types.js';
import { proc, snapshot } from '../inspect/diff-builders.js';

/** A kernel frame of `events` over a table holding `procs`. */
function frameOf(events: ProcEvent[], procs: ProcInfo[]): WatchFrame {
  return { seq: 1, begunAt: 0, snapshot: snapshot(procs), previous: undefined, events, source: 'kernel', lost: 0, glimpses: new Map() };
}

describe('eventPrinter', () => {
  it("names a parent as it was at the event, not by a program it exec'd later in the same frame", () => {
    // sh -c '(sleep 0.3; exec sleep 2) & exit 0': the short sleep exits, then its parent, the
    // subshell, execs sleep a millisecond later; the table read after both shows 9474 as sleep.
    const events: ProcEvent[] = [
      { kind: 'exit', at: 1000, pid: 9475, comm: 'sleep', ppid: 9474, status: { code: 0, signal: undefined, coreDumped: false } },
      { kind: 'exec', at: 1001, pid: 9474, comm: 'sleep', fromComm: 'sh', fromArgs: 'sh -c x', args: 'sleep 2', source: 'kernel' },
    ];
    const frame = frameOf(events, [proc({ pid: 9474, comm: 'sleep', args: 'sleep 2' })]);
    const printer = eventPrinter({ json: false, scoped: false, stamp: () => '[t]' });
    const [exitLine, execLine] = printer.lines(frame, []);
    expect(exitLine).toMatch(/^\[t\] 9475 \(sleep\) exited 0 \(parent 9474 \(sh\)\)$/u);
    expect(execLine).toBe('[t] 9474 exec: sh -c x → sleep 2');
  });

  it("names a child nobody read by its parent's name at the fork, in its later lines too", () => {
    const status = { code: 0, signal: undefined, coreDumped: false };
    // 30 forked 40 and exited before any read; 30 was named only by an earlier line.
    const frame = (events: ProcEvent[]): WatchFrame => frameOf(events, [proc({ pid: 10, comm: 'node' })]);
    const printer = eventPrinter({ json: false, scoped: false, stamp: () => '[t]' });
    expect(printer.extra([{ kind: 'spawn', at: 1, pid: 30, comm: 'forkdemo', ppid: 10, source: 'waitpid' }])).toEqual([
      '[t] 30 (forkdemo) started, child of 10',
    ]);
    const lines = printer.lines(
      frame([
        { kind: 'spawn', at: 2, pid: 40, comm: undefined, ppid: 30, source: 'kernel' },
        { kind: 'exit', at: 3, pid: 40, comm: undefined, ppid: 30, status, source: 'kernel' },
        { kind: 'spawn', at: 4, pid: 50, comm: undefined, ppid: 99, source: 'kernel' },
      ]),
      [],
    );
    expect(lines).toEqual([
      '[t] 40 (forkdemo) started, child of 30 (forkdemo)',
      '[t] 40 (forkdemo) exited 0 (parent 30 (forkdemo))',
      // A parent nobody named: neither is the child.
      '[t] 50 started, child of 99',
    ]);
  });

  it('says a second report of one spawn or end once, and every line of a later process that has the same pid', () => {
    const status = { code: 0, signal: undefined, coreDumped: false };
    const life = (pid: number, from: number, code: number): ProcEvent[] => [
      { kind: 'spawn', at: from, pid, comm: 'sleep', ppid: 10, source: 'kernel' },
      { kind: 'exit', at: from + 300, pid, comm: 'sleep', ppid: 10, status: { ...status, code }, source: 'kernel' },
      { kind: 'reap', at: from + 301, pid, comm: 'sleep', by: 10, status: { ...status, code } },
    ];
    const printer = eventPrinter({ json: false, scoped: false, stamp: () => '[t]' });
    const frame = (events: ProcEvent[]): WatchFrame => frameOf(events, [proc({ pid: 10, comm: 'sh' })]);
    // procview run's own report of its program's start, then the source's: one line.
    expect(printer.extra([{ kind: 'spawn', at: 1, pid: 29805, comm: 'sleep', ppid: 10, source: 'waitpid' }])).toHaveLength(1);
    expect(printer.lines(frame(life(29805, 2, 3)), [])).toEqual([
      '[t] 29805 (sleep) exited 3 (parent 10 (sh))',
      '[t] 29805 (sleep) reaped by 10 (sh) (exited 3)',
    ]);
    // run's own exit (its wait, polling) said before the frame with its start, stamped as the scan
    // read it a moment after: still that process, said once.
    const polled = eventPrinter({ json: false, scoped: false, stamp: () => '[t]' });
    expect(polled.extra([{ kind: 'spawn', at: 1, pid: 777, comm: 'sh', ppid: 10, source: 'waitpid' }])).toHaveLength(1);
    expect(polled.extra([{ kind: 'exit', at: 50, pid: 777, comm: 'sh', ppid: 10, status, source: 'waitpid' }])).toHaveLength(1);
    expect(polled.lines(frame(life(777, 55, 0)), [])).toEqual(['[t] 777 (sleep) reaped by 10 (sh) (exited 0)']);
    // The pid given out again (after a wrap): another process, all of its lines.
    expect(printer.lines(frame(life(29805, 100_000, 5)), [])).toEqual([
      '[t] 29805 (sleep) started, child of 10 (sh)',
      '[t] 29805 (sleep) exited 5 (parent 10 (sh))',
      '[t] 29805 (sleep) reaped by 10 (sh) (exited 5)',
    ]);
  });
});
