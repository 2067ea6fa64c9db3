// The only place the procfs backend opens files. Reads go into one reusable
// buffer with open/read/close, so a refresh allocates nothing per file. A
// caller may also keep a file open and read it again from offset 0: a proc
// file regenerates its text on every read that starts at 0 (seq_file resets
// its iterator there), so one pread replaces open + read + close.
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';

/** The process is gone: ENOENT (its directory vanished) or ESRCH (it died while we read). */
export const GONE = -1;
/** The file exists but cannot be read (EACCES, EPERM, …): a partial record, not an error. */
export const UNREADABLE = -2;
/** Out of file descriptors (EMFILE, ENFILE): nothing is known about the file. */
export const EXHAUSTED = -3;

/** A length (>= 0) or one of GONE, UNREADABLE, EXHAUSTED. */
export type ReadOutcome = number;

function failure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ESRCH') return GONE;
  return code === 'EMFILE' || code === 'ENFILE' ? EXHAUSTED : UNREADABLE;
}

/** A descriptor (>= 0) for reading `path`, or GONE / UNREADABLE / EXHAUSTED. */
export function openForReading(path: string): number {
  try {
    return openSync(path, constants.O_RDONLY);
  } catch (error) {
    return failure(error);
  }
}

/**
 * The owner (st_uid) of `path`, or GONE / UNREADABLE. For /proc/PID it is the
 * process's effective uid, as pstree reads it: the kernel sets it on every
 * lookup (fs/proc/base.c task_dump_owner), and keeps the per-process
 * directories owned by the euid even when the process is not dumpable, "the
 * only way to read the effective uid" before status existed. One stat()
 * call, where status costs an open, a read of ~1.4 kB the kernel formats, and
 * a close.
 */
export function ownerUid(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.uid ?? GONE;
  } catch (error) {
    return failure(error);
  }
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed or never valid: nothing to give back.
  }
}

/** A growable scratch buffer; `bytes` may be replaced by a larger one by readWhole. */
export class Scratch {
  bytes: Buffer;

  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /**
   * Reads the whole file into `bytes` and returns its length, or GONE / UNREADABLE.
   * A proc file hands out as much as a read() asks for (seq_file for stat and
   * status; cmdline's reader loops over pages since Linux 4.2, and Node 20
   * needs 4.18), as does a regular fixture file, so a short read means the end
   * and one read() per file is enough; a full buffer is doubled and read on.
   */
  readWhole(path: string): ReadOutcome {
    const fd = openForReading(path);
    if (fd < 0) return fd;
    try {
      return this.readOpen(fd, false);
    } finally {
      closeQuietly(fd);
    }
  }

  /**
   * Reads an open file to its end: from offset 0 when `fromStart` (pread, for
   * a file kept open between scans), else from where the descriptor stands.
   * ESRCH here means the process the file belongs to has exited (GONE).
   */
  readOpen(fd: number, fromStart: boolean): ReadOutcome {
    try {
      let length = 0;
      for (;;) {
        const count = readSync(fd, this.bytes, length, this.bytes.length - length, fromStart ? length : null);
        length += count;
        if (count === 0 || length < this.bytes.length) return length;
        const larger = Buffer.allocUnsafe(this.bytes.length * 2);
        this.bytes.copy(larger, 0, 0, length);
        this.bytes = larger;
      }
    } catch (error) {
      return failure(error);
    }
  }

  /** Copies `length` bytes of `source` from `offset` into `bytes` (grown to fit): a file another thread read (read-ahead.ts). */
  fillFrom(source: Buffer, offset: number, length: number): void {
    if (length > this.bytes.length) this.bytes = Buffer.allocUnsafe(length);
    source.copy(this.bytes, 0, offset, offset + length);
  }

  /** Reads at most the buffer's size from the start of the file (enough for a header line). */
  readHead(path: string): ReadOutcome {
    const fd = openForReading(path);
    if (fd < 0) return fd;
    try {
      return readSync(fd, this.bytes, 0, this.bytes.length, null);
    } catch (error) {
      return failure(error);
    } finally {
      closeQuietly(fd);
    }
  }
}
