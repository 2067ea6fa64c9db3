// Which rows the list keeps: the `/` filter (a case-insensitive substring of
// the PID, user, name or command line, what a top/htop user would type), `u`
// (one user, by name or uid) and `K` (kernel threads hidden; they are still
// counted in the header).
import { isKernelThreadRecord } from '../../inspect/kernel-thread.js';
import type { ProcInfo } from '../../inspect/types.js';

/** undefined when the filter is empty (everything matches). */
export function matcher(filter: string): ((proc: ProcInfo) => boolean) | undefined {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return undefined;
  return (proc) =>
    String(proc.pid) === needle ||
    (proc.comm?.toLowerCase().includes(needle) ?? false) ||
    (proc.args?.toLowerCase().includes(needle) ?? false) ||
    (proc.user?.toLowerCase().includes(needle) ?? false);
}

/** `u`: a user name exactly, or a uid; undefined for everyone. */
export function userMatcher(user: string): ((proc: ProcInfo) => boolean) | undefined {
  const wanted = user.trim();
  if (wanted === '') return undefined;
  if (/^\d+$/.test(wanted)) return (proc) => proc.uid === Number(wanted);
  return (proc) => proc.user === wanted;
}

export interface RowFilter {
  readonly filter: string;
  readonly user: string;
  readonly showKernel: boolean;
}

/** Every choice at once; undefined when none narrows the list. */
export function rowMatcher(choice: RowFilter): ((proc: ProcInfo) => boolean) | undefined {
  const tests = [matcher(choice.filter), userMatcher(choice.user), choice.showKernel ? undefined : (p: ProcInfo) => !isKernelThreadRecord(p)].filter(
    (t): t is (proc: ProcInfo) => boolean => t !== undefined,
  );
  if (tests.length === 0) return undefined;
  return (proc) => tests.every((test) => test(proc));
}
