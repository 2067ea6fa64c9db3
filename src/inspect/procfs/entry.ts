// What the procfs backend keeps about a pid between scans (identity: pid +
// startTicks), rewritten in place while the pid is listed, so a steady refresh
// allocates nothing for a process whose stat did not change. The record holds
// the rest of what the next scan compares with: state, comm, args, uid, user.
import type { ProcInfo } from '../types.js';
import type { StatFields } from './stat-line.js';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const NO_BYTES = Buffer.alloc(0);

/** Where a pid's files are: built once, when the pid is first listed. */
export interface ProcPaths {
  readonly dir: string;
  readonly statPath: string;
}

/** What remember() takes besides the stat fields: from status (or carried over). */
export interface Remembered {
  readonly lockedKb: number | undefined;
  readonly rssBytes: number;
}

export class Entry implements ProcPaths {
  readonly dir: string;
  readonly statPath: string;
  /** Copy of the stat bytes up to the end of field 24 (lastParsedEnd) that the record was built from. */
  stat: Buffer = NO_BYTES;
  commStart = 0;
  commEnd = 0;
  startTicks = 0;
  cpuTicks = 0;
  /** stat field 24 when status was last read: a change means VmRSS is stale. */
  rssPages = 0;
  /** stat fields 10 + 12 when status was last read: a change means VmRSS may be stale. */
  faults = 0;
  lockedKb: number | undefined = undefined;
  rssBytes = 0;
  /** performance.now() right after `cpuTicks` was read. */
  seenAt = 0;
  /** The number of the last scan that listed the pid. */
  generation = 0;
  info: ProcInfo;

  constructor(paths: ProcPaths, info: ProcInfo) {
    this.dir = paths.dir;
    this.statPath = paths.statPath;
    this.info = info;
  }

  /**
   * Whether the stat just read (`length` bytes of `bytes`) parses to the
   * fields this entry was built from: it starts with those bytes, and field 24
   * ends where it ended then (a space, the newline or the end follows, not
   * another digit).
   */
  statUnchanged(bytes: Buffer, length: number): boolean {
    const kept = this.stat;
    const end = kept.length;
    if (length < end) return false;
    if (length > end && bytes[end] !== SPACE && bytes[end] !== NEWLINE) return false;
    return bytes.compare(kept, 0, end, 0, end) === 0;
  }

  /** Whether field 2 (comm) of the stat in `bytes` is the one this entry was built from. */
  sameComm(bytes: Buffer, fields: StatFields): boolean {
    return bytes.compare(this.stat, this.commStart, this.commEnd, fields.commStart, fields.commEnd) === 0;
  }

  /**
   * Keeps bytes [0, end) of the stat just read, for statUnchanged and sameComm
   * next time; new memory comes from `arena` when given (a first scan).
   */
  copyStat(bytes: Buffer, end: number, arena?: StatArena): void {
    // Its own memory, not a slice of Node's shared pool: a long-lived slice
    // would keep a whole 8 KiB pool chunk alive. Same length: reuse it.
    if (this.stat.length !== end) this.stat = arena === undefined ? Buffer.allocUnsafeSlow(end) : arena.take(end);
    bytes.copy(this.stat, 0, 0, end);
  }

  /** Rewrites the entry (its process's, or a new process's that reuses the pid) with a new record. */
  remember(fields: StatFields, from: Remembered, info: ProcInfo, now: number): void {
    this.commStart = fields.commStart;
    this.commEnd = fields.commEnd;
    this.startTicks = fields.startTicks;
    this.cpuTicks = fields.cpuTicks;
    this.rssPages = fields.rssPages;
    this.faults = fields.faults;
    this.lockedKb = from.lockedKb;
    this.rssBytes = from.rssBytes;
    this.seenAt = now;
    this.info = info;
  }
}

/**
 * The stat copies of a backend's first scan, carved out of a few large
 * blocks: one allocation per thousand processes rather than one each, which a
 * first scan (every process new, and Node still cold) feels. A block lives as
 * long as one of its copies is still in use, so the memory this can hold on
 * to is bounded by one first scan's stat bytes; later copies are made one by
 * one (copyStat without an arena), so nothing accumulates.
 */
export class StatArena {
  static readonly BLOCK_BYTES = 256 * 1024;
  #block: Buffer = NO_BYTES;
  #used = 0;

  take(length: number): Buffer {
    if (this.#used + length > this.#block.length) {
      this.#block = Buffer.allocUnsafeSlow(Math.max(StatArena.BLOCK_BYTES, length));
      this.#used = 0;
    }
    const start = this.#used;
    this.#used += length;
    return this.#block.subarray(start, this.#used);
  }
}

/** Whether the process turned zombie, or (a reused pid seen late) stopped being one. */
export function zombieChanged(entry: Entry, fields: StatFields): boolean {
  return (entry.info.state === 'Z') !== (fields.state === 'Z');
}
