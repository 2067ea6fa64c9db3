// Every file the procfs backend reads during a scan goes through here: a stat
// per process, and status and cmdline when a process needs them again.
//
// On a real procfs, from the second scan on (from the first for a long-lived
// caller, InspectorOptions.longLived), stat files stay open and are re-read
// with one pread at offset 0 (read-file.ts): a third of the system calls of
// open + read + close. A kept file belongs to the process, not to the
// pid number: once that process is gone it reads ESRCH, and the pid is then
// opened again by name (it may belong to a new process). A one-shot inspector
// keeps nothing; kept files are capped per Node process (each holds a page of
// kernel buffer), given back when the process leaves the table, when the
// descriptors run out (EMFILE), or when the backend is garbage-collected.
import { statfsSync } from 'node:fs';
import { AHEAD_CMDLINE, AHEAD_STAT, AHEAD_STATUS, NOT_AHEAD, type ReadAhead } from './read-ahead.js';
import { closeQuietly, EXHAUSTED, openForReading, type ReadOutcome, Scratch } from './read-file.js';

/** statfs f_type of procfs (linux/magic.h PROC_SUPER_MAGIC). */
const PROC_SUPER_MAGIC = 0x9fa0;

/**
 * At most this many stat files kept open by all procfs backends of this Node
 * process together, and never more than half the open-files limit, so the rest
 * of the program keeps room for its own files and sockets.
 */
export const KEPT_FILES_LIMIT = 4096;
let keptFilesInUse = 0;

/** pid → open stat descriptor. */
type KeptFiles = Map<number, number>;

function releaseAll(kept: KeptFiles): void {
  for (const fd of kept.values()) closeQuietly(fd);
  keptFilesInUse -= kept.size;
  kept.clear();
}

// A backend dropped without being closed still gives its descriptors back.
const abandoned = new FinalizationRegistry<KeptFiles>(releaseAll);

function isProcfs(root: string): boolean {
  try {
    return statfsSync(root).type === PROC_SUPER_MAGIC;
  } catch {
    return false;
  }
}

/** The keep cap for a process whose soft open-files limit is `openFilesLimit`. */
function keptFilesCap(openFilesLimit: number | undefined): number {
  return openFilesLimit === undefined ? KEPT_FILES_LIMIT : Math.min(KEPT_FILES_LIMIT, Math.floor(openFilesLimit / 2));
}

export class ProcFiles {
  /** What the last readStat read; valid until the next one. */
  readonly stat = new Scratch(4096);
  readonly status = new Scratch(4096);
  readonly cmdline = new Scratch(16 * 1024);
  readonly #root: string;
  readonly #kept: KeptFiles = new Map();
  /** Whether stat files may be kept open: decided on the first scan (a real procfs only). */
  #keep: boolean | undefined;
  /** Whether this scan may keep the stat files it opens. */
  #keepNew = false;
  #cap = KEPT_FILES_LIMIT;
  /** The first scan whose opened stat files are kept: 2 for a one-shot reader's sake, 1 for a long-lived one. */
  readonly #keepFromScan: number;
  /** This scan's helper thread, if it has one (read-ahead.ts). */
  #ahead: ReadAhead | undefined;
  /** The helper's slot of the process being visited, or -1: its files are read here. */
  #slot = -1;
  /** When the last readStat read its file (performance.now()): the helper may have read it earlier. */
  statReadAt = 0;

  constructor(root: string, keepFromScan = 2) {
    this.#root = root;
    this.#keepFromScan = keepFromScan;
    abandoned.register(this, this.#kept);
  }

  /** Stat files kept open between scans. */
  get keptCount(): number {
    return this.#kept.size;
  }

  /** Before each scan: the scan's number (1 = first), this process's open-files limit, and the scan's helper if any. */
  beginScan(generation: number, openFilesLimit: number | undefined, ahead?: ReadAhead): void {
    this.#ahead = ahead;
    this.#slot = -1;
    this.#keep ??= isProcfs(this.#root);
    // A one-shot inspector (ps, tree) must not hold thousands of descriptors: keep from the second scan
    // on, unless the caller said it refreshes (longLived: from the first).
    this.#keepNew = this.#keep && generation >= this.#keepFromScan;
    this.#cap = keptFilesCap(openFilesLimit);
  }

  /**
   * The scan visits `pid` next: the reads of its stat, status and cmdline
   * until the next visit take what the scan's helper read of them, if it did.
   */
  visit(pid: number): void {
    this.#slot = this.#ahead === undefined ? -1 : this.#ahead.claim(pid);
  }

  /** The scan is over: reads are this thread's again. Returns how many files it took from its helper. */
  endScan(): number {
    const taken = this.#ahead?.taken ?? 0;
    this.#ahead?.end();
    this.#ahead = undefined;
    this.#slot = -1;
    return taken;
  }

  /** The stat of `pid` into this.stat: its length, or GONE / UNREADABLE / EXHAUSTED. */
  readStat(pid: number, path: string): ReadOutcome {
    if (this.#slot >= 0 && this.#ahead !== undefined) {
      const length = this.#ahead.take(this.#slot, AHEAD_STAT, this.stat, path);
      if (length !== NOT_AHEAD) {
        this.statReadAt = this.#ahead.readAt(this.#slot);
        return length;
      }
    }
    const length = this.#readStatHere(pid, path);
    this.statReadAt = performance.now();
    return length;
  }

  #readStatHere(pid: number, path: string): ReadOutcome {
    const kept = this.#kept.get(pid);
    if (kept !== undefined) {
      const length = this.stat.readOpen(kept, true);
      if (length >= 0) return length;
      // ESRCH: the process we kept the file of has exited; the pid, listed again, may be a new one.
      this.forget(pid);
    }
    const fd = this.#open(path);
    if (fd < 0) return fd;
    const length = this.stat.readOpen(fd, false);
    if (length >= 0 && this.#keepNew && this.#keep === true && keptFilesInUse < this.#cap) {
      this.#kept.set(pid, fd);
      keptFilesInUse += 1;
    } else {
      closeQuietly(fd);
    }
    return length;
  }

  /** Like Scratch.readWhole, with the same answer to running out of descriptors as readStat. */
  readWhole(scratch: Scratch, path: string): ReadOutcome {
    if (this.#slot >= 0 && this.#ahead !== undefined) {
      const file = scratch === this.status ? AHEAD_STATUS : scratch === this.cmdline ? AHEAD_CMDLINE : NOT_AHEAD;
      const length = file === NOT_AHEAD ? NOT_AHEAD : this.#ahead.take(this.#slot, file, scratch, path);
      if (length !== NOT_AHEAD) return length;
    }
    const fd = this.#open(path);
    if (fd < 0) return fd;
    try {
      return scratch.readOpen(fd, false);
    } finally {
      closeQuietly(fd);
    }
  }

  /** Closes the stat file kept for `pid`, if any. */
  forget(pid: number): void {
    const fd = this.#kept.get(pid);
    if (fd === undefined) return;
    this.#kept.delete(pid);
    keptFilesInUse -= 1;
    closeQuietly(fd);
  }

  /** Gives back every kept file; later scans open files again by name (and may keep them again). */
  close(): void {
    releaseAll(this.#kept);
  }

  /** Opens by name; out of descriptors, gives back the kept ones (keeping no more) and tries once again. */
  #open(path: string): number {
    const fd = openForReading(path);
    if (fd !== EXHAUSTED || this.#keep !== true) return fd;
    this.#keep = false;
    releaseAll(this.#kept);
    return openForReading(path);
  }
}
