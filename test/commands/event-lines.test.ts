import { describe, expect, it } from 'vitest';
import { eventPrinter } from '../../src/commands/event-lines.js';
import type { WatchFrame } from '../../src/inspect/events/stream.js';
import type { ProcEvent } from '../../src/inspect/types.js';
import { proc, snapshot } from '../inspect/diff-builders.js';

describe('eventPrinter', () => {
  it("names a parent as it was at the event, not by a program it exec'd later in the same frame", () => {
    // sh -c '(sleep 0.3; exec sleep 2) & exit 0': the short sleep exits, then its parent, the
    // subshell, execs sleep a millisecond later; the table read after both shows 9474 as sleep.
    const events: ProcEvent[] = [
      { kind: 'exit', at: 1000, pid: 9475, comm: 'sleep', ppid: 9474, status: { code: 0, signal: undefined, coreDumped: false } },
      { kind: 'exec', at: 1001, pid: 9474, comm: 'sleep', fromComm: 'sh', fromArgs: 'sh -c x', args: 'sleep 2', source: 'kernel' },
    ];
    const frame: WatchFrame = {
      seq: 1,
      begunAt: 0,
      snapshot: snapshot([proc({ pid: 9474, comm: 'sleep', args: 'sleep 2' })]),
      previous: undefined,
      events,
      source: 'kernel',
      lost: 0,
      glimpses: new Map(),
    };
    const printer = eventPrinter({ json: false, scoped: false, stamp: () => '[t]' });
    const [exitLine, execLine] = printer.lines(frame, []);
    expect(exitLine).toMatch(/^\[t\] 9475 \(sleep\) exited 0 \(parent 9474 \(sh\)\)$/u);
    expect(execLine).toBe('[t] 9474 exec: sh -c x → sleep 2');
  });
});
