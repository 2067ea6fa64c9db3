import { describe, expect, it } from 'vitest';
import { decodeWaitStatus, exitStatusFromNode, exitWords } from '../../../src/inspect/events/exit-status.js';

describe('wait status', () => {
  it('decodes exit codes, signals and core dumps as <sys/wait.h> does, in words', () => {
    expect(exitWords(decodeWaitStatus(3 << 8))).toBe('exited 3');
    expect(exitWords(decodeWaitStatus(0))).toBe('exited 0');
    expect(exitWords(decodeWaitStatus(9))).toBe('killed by SIGKILL');
    expect(exitWords(decodeWaitStatus(11 | 0x80))).toBe('killed by SIGSEGV, dumped core');
    expect(decodeWaitStatus(15)).toEqual({ code: undefined, signal: 'SIGTERM', coreDumped: false });
    // kill -l's names: abort()'s 6 is SIGABRT (not its alias SIGIOT), 64 is SIGRTMAX; a number with none stays one.
    expect(exitWords(decodeWaitStatus(6 | 0x80))).toBe('killed by SIGABRT, dumped core');
    expect(exitWords(decodeWaitStatus(64))).toBe('killed by SIGRTMAX');
    expect(exitWords(decodeWaitStatus(100))).toBe('killed by signal 100');
  });

  it("takes Node's view of a child's end", () => {
    expect(exitStatusFromNode(2, null)).toEqual({ code: 2, signal: undefined, coreDumped: false });
    expect(exitStatusFromNode(null, 'SIGTERM')).toEqual({ code: undefined, signal: 'SIGTERM', coreDumped: false });
    expect(exitStatusFromNode(null, null)).toBeUndefined();
  });
});
