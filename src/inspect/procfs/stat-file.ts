// One process's stat read on its own, outside a scan: the identity check
// before a kill or renice, and the benchmarks' CPU accounting. A scan reads
// stat its own way (kept files, comparing bytes with the last read).
import { Scratch } from './read-file.js';
import { parseStatLine, type StatFields } from './stat-line.js';

// One buffer for every call: the read and the parse are synchronous.
const scratch = new Scratch(1024);

/** The fields of <procRoot>/<pid>/stat; undefined when the process is gone or its stat is unreadable or malformed. */
export function readStatFields(procRoot: string, pid: number): StatFields | undefined {
  const length = scratch.readWhole(`${procRoot}/${pid}/stat`);
  return length < 0 ? undefined : parseStatLine(scratch.bytes, length);
}
