// The `/` filter: a case-insensitive substring of the PID, user, name or
// command line (what a top/htop user would type to find a process).
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
