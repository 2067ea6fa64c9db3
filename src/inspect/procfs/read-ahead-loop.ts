// What the read-ahead helper thread runs for one scan (read-ahead.ts says why
// there is one). The scan's thread takes the listing from the front; this loop
// takes it from the back, one process at a time, each claimed with a
// compare-and-swap on its slot, and stops at the first slot the scan's thread
// claimed first: from there down, every slot is the scan's.
//
// The helper is started from this function's source text
// (Function.prototype.toString, read-ahead.ts), the one form a worker thread
// accepts alike from tsc's dist/, from the CLI bundle and under the test
// runner. So the function is closed: it uses only its parameters and the
// language's globals, never a name imported into this module.

/** The state of a slot (one process of the listing), in `claims`. */
export interface SlotCodes {
  readonly free: number;
  readonly scan: number;
  readonly helper: number;
  readonly done: number;
  /** A file length meaning "not read here: the scan's thread reads it itself". */
  readonly notRead: number;
}

/** One scan's share of work, in shared memory both threads see. */
export interface ReadAheadJob {
  /** The process directories (`<root>/<pid>`), in listing order. */
  readonly dirs: readonly string[];
  /** The file names read per slot, in order; null: not wanted by this scan. */
  readonly files: readonly (string | null)[];
  /** Int32 per slot: a SlotCodes state. */
  readonly claims: SharedArrayBuffer;
  /** Int32 pairs per slot and file: offset into `arena`, length (or codes.notRead). */
  readonly table: SharedArrayBuffer;
  /** Float64 per slot: when its first file was read, as performance.timeOrigin + performance.now(). */
  readonly times: SharedArrayBuffer;
  readonly arena: SharedArrayBuffer;
  /** Int32 set to 1 when the loop has ended: from then on `arena` may serve another scan. */
  readonly finished: SharedArrayBuffer;
  /** A read that fills this much may have been cut short: left to the scan's thread. */
  readonly maxRead: number;
  readonly codes: SlotCodes;
}

/** The file functions the loop calls (node:fs in the helper, a stand-in in tests). */
export interface LoopFs {
  openSync(path: string, flags: number): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  closeSync(fd: number): void;
}

/** Reads slots from the last down until one is the scan's; returns how many it read. */
export function readAheadLoop(job: ReadAheadJob, fs: LoopFs): number {
  const { dirs, files, maxRead, codes } = job;
  const claims = new Int32Array(job.claims);
  const table = new Int32Array(job.table);
  const times = new Float64Array(job.times);
  const arena = new Uint8Array(job.arena);
  let used = 0;
  let read = 0;
  for (let slot = dirs.length - 1; slot >= 0; slot--) {
    if (Atomics.compareExchange(claims, slot, codes.free, codes.helper) !== codes.free) break;
    times[slot] = performance.timeOrigin + performance.now();
    const first = used;
    let whole = true;
    let full = false;
    for (let file = 0; file < files.length && whole; file++) {
      const name = files[file];
      if (name === null || name === undefined) continue;
      const room = Math.min(maxRead, arena.length - used);
      let length = -1;
      // Any failure (the process gone, a file denied, descriptors exhausted) is the scan thread's to
      // read again and name: read-file.ts is the one place that decides what an error means.
      try {
        const fd = fs.openSync(`${dirs[slot]}/${name}`, 0);
        try {
          length = fs.readSync(fd, arena, used, room, null);
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        length = -1;
      }
      // A full read may have been cut short: the scan's thread reads that process itself.
      if (length >= room) full = room < maxRead;
      if (length < 0 || length >= room) whole = false;
      else {
        table[(slot * files.length + file) * 2] = used;
        table[(slot * files.length + file) * 2 + 1] = length;
        used += length;
      }
    }
    // All of a process's files or none: a record must not join files read a whole scan apart (a pid
    // reused, an exec in between), so a process the helper could not read whole is the scan's.
    for (let file = 0; file < files.length; file++) {
      if (!whole || files[file] === null || files[file] === undefined) table[(slot * files.length + file) * 2 + 1] = codes.notRead;
    }
    if (!whole) used = first;
    // The release that publishes the entries above (Atomics orders the plain writes before it).
    Atomics.store(claims, slot, codes.done);
    Atomics.notify(claims, slot);
    read += 1;
    // The arena is full: the slots left are the scan's.
    if (full) break;
  }
  Atomics.store(new Int32Array(job.finished), 0, 1);
  return read;
}
