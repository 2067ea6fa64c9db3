// Which records are Linux kernel threads, for every layer that sets them
// apart: the dashboard's K filter and header count, the diff (a kernel
// thread renaming itself is no exec) and orphan inference.
//
// ProcInfo does not carry stat's PF_KTHREAD flag (field 9, which the procfs
// backend reads: procfs/stat-line.ts isKernelThread), so the record decides:
// kthreadd is pid 2 and starts every other kernel thread, and none has a
// command line. Never a zombie: kthreadd ignores SIGCHLD, so its threads are
// reaped the moment they exit and never show Z. In a PID namespace (a
// container) pid 2 is an ordinary process, and its dead children read an
// empty command line too: those are zombies to show, not kernel threads.
import type { ProcInfo } from './types.js';

/** Linux's kthreadd, the parent of every kernel thread. */
export const KTHREADD = 2;

export function isKernelThreadRecord(proc: Pick<ProcInfo, 'pid' | 'ppid' | 'args' | 'state'>): boolean {
  return (proc.pid === KTHREADD || proc.ppid === KTHREADD) && proc.args === '' && proc.state !== 'Z' && proc.state !== 'X';
}
