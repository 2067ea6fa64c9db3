// Whether a process's environment holds one entry (proc(5) /proc/PID/environ: the
// NUL-separated strings it was exec'd with). `procview run` gives its program a
// token there: a descendant inherits it through fork and exec (unless a program
// clears its environment), so one that a fast fork orphaned before any scan read
// it is still known to descend from the program.
import { readFileSync } from 'node:fs';

/** Undefined when the file cannot be read: gone (ENOENT, ESRCH), another user's (EACCES), a kernel thread's. */
export function environHas(root: string, pid: number, entry: string): boolean | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(`${root}/${pid}/environ`);
  } catch {
    return undefined;
  }
  // Whole strings only: `NAME=value` at the start or after a NUL, followed by a NUL or the end.
  const wanted = Buffer.from(entry);
  for (let at = bytes.indexOf(wanted); at >= 0; at = bytes.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if ((at === 0 || bytes[at - 1] === 0) && (end === bytes.length || bytes[end] === 0)) return true;
  }
  return false;
}
