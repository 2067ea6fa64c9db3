// The only place the procfs backend opens files. Reads go into one reusable
// buffer with open/read/close, so a refresh allocates nothing per file.
import { closeSync, constants, openSync, readSync } from 'node:fs';

/** The process is gone: ENOENT (its directory vanished) or ESRCH (it died while we read). */
export const GONE = -1;
/** The file exists but cannot be read (EACCES, EPERM, …): a partial record, not an error. */
export const UNREADABLE = -2;

export type ReadOutcome = number;

function failure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ESRCH' ? GONE : UNREADABLE;
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
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY);
    } catch (error) {
      return failure(error);
    }
    try {
      let length = 0;
      for (;;) {
        const count = readSync(fd, this.bytes, length, this.bytes.length - length, null);
        length += count;
        if (count === 0 || length < this.bytes.length) return length;
        const larger = Buffer.allocUnsafe(this.bytes.length * 2);
        this.bytes.copy(larger, 0, 0, length);
        this.bytes = larger;
      }
    } catch (error) {
      return failure(error);
    } finally {
      closeSync(fd);
    }
  }

  /** Reads at most the buffer's size from the start of the file (enough for a header line). */
  readHead(path: string): ReadOutcome {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY);
    } catch (error) {
      return failure(error);
    }
    try {
      return readSync(fd, this.bytes, 0, this.bytes.length, null);
    } catch (error) {
      return failure(error);
    } finally {
      closeSync(fd);
    }
  }
}
