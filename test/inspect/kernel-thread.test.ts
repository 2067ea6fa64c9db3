// Kernel threads told from the record alone (no PF_KTHREAD in ProcInfo):
// kthreadd and its children with no command line, never a zombie.
import { describe, expect, it } from 'vitest';
import { isKernelThreadRecord } from '../../src/inspect/kernel-thread.js';

const record = (pid: number, ppid: number, args: string | undefined, state = 'S') => ({ pid, ppid, args, state });

describe('isKernelThreadRecord', () => {
  it('is kthreadd (pid 2) and the threads it starts (ppid 2), which have no command line', () => {
    expect(isKernelThreadRecord(record(2, 0, ''))).toBe(true);
    expect(isKernelThreadRecord(record(3, 2, '', 'I'))).toBe(true);
    expect(isKernelThreadRecord(record(1, 0, '/sbin/init'))).toBe(false);
    expect(isKernelThreadRecord(record(5, 2, 'a user process kthreadd started?'))).toBe(false);
    // Command line not read yet (on demand): not known to be one.
    expect(isKernelThreadRecord(record(6, 2, undefined))).toBe(false);
  });

  it('is never a zombie: kthreadd reaps its threads at once; a dead child of pid 2 is a container process', () => {
    expect(isKernelThreadRecord(record(4, 2, '', 'Z'))).toBe(false);
    expect(isKernelThreadRecord(record(4, 2, '', 'X'))).toBe(false);
  });
});
