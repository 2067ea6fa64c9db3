// CPU time one process has used so far, as the kernel accounts it, for the
// benchmarks: its own (utime + stime, stat fields 14 and 15) and that of the
// children it has waited for (cutime + cstime, fields 16 and 17). Children
// still alive are not in either; a caller adds them from a snapshot.
import { readStatFields } from './stat-file.js';
import { CLOCK_TICKS } from './system.js';

export interface CpuTimes {
  /** utime + stime, in seconds. */
  readonly self: number;
  /** cutime + cstime, in seconds. */
  readonly children: number;
}

/** undefined when the process is gone or its stat cannot be read. */
export function readCpuTimes(pid: number, procRoot = '/proc'): CpuTimes | undefined {
  const fields = readStatFields(procRoot, pid);
  return fields === undefined ? undefined : { self: fields.cpuTicks / CLOCK_TICKS, children: fields.childCpuTicks / CLOCK_TICKS };
}
