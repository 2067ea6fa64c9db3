// CPU time one process has used so far, as the kernel accounts it, for the
// benchmarks: its own (utime + stime, stat fields 14 and 15) and that of the
// children it has waited for (cutime + cstime, fields 16 and 17). Children
// still alive are not in either; a caller adds them from a snapshot.
import { Scratch } from './read-file.js';
import { parseStatLine } from './stat-line.js';
import { CLOCK_TICKS } from './system.js';

export interface CpuTimes {
  /** utime + stime, in seconds. */
  readonly self: number;
  /** cutime + cstime, in seconds. */
  readonly children: number;
}

const scratch = new Scratch(1024);

/** undefined when the process is gone or its stat cannot be read. */
export function readCpuTimes(pid: number, procRoot = '/proc'): CpuTimes | undefined {
  const length = scratch.readWhole(`${procRoot}/${pid}/stat`);
  if (length < 0) return undefined;
  const fields = parseStatLine(scratch.bytes, length);
  return fields === undefined ? undefined : { self: fields.cpuTicks / CLOCK_TICKS, children: fields.childCpuTicks / CLOCK_TICKS };
}
