// What the procfs backend keeps about a pid between scans (identity: pid +
// startTicks), rewritten in place while the pid is listed, so a steady refresh
// allocates nothing for a process whose stat did not change. The record holds
// the rest of what the next scan compares with: state, comm, args, uid, user.
import type { ProcInfo } from '../types.js';
import { policyAfterField24, type StatFields } from './stat-line.js';

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
  // The stat bytes up to the end of field 24 (lastParsedEnd) that the record was built from:
  // [statStart, statStart + statLength) of statBytes, a first scan's shared block (StatArena) or
  // the entry's own copy. An offset, not a view of its own: a first scan makes one per process.
  #statBytes: Uint8Array = NO_BYTES;
  #statStart = 0;
  #statLength = 0;
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

  /** The stat bytes kept (a view made on each call: for tests and debugging). */
  statCopy(): Buffer {
    return Buffer.from(this.#statBytes.buffer, this.#statBytes.byteOffset + this.#statStart, this.#statLength);
  }

  /**
   * Whether the stat just read (`length` bytes of `bytes`) parses to the
   * fields this entry was built from: it starts with those bytes, and field 24
   * ends where it ended then (a space, the newline or the end follows, not
   * another digit).
   */
  statUnchanged(bytes: Buffer, length: number): boolean {
    const end = this.#statLength;
    if (length < end) return false;
    if (length > end && bytes[end] !== SPACE && bytes[end] !== NEWLINE) return false;
    return bytes.compare(this.#statBytes, this.#statStart, this.#statStart + end, 0, end) === 0;
  }

  /** Field 41 (policy) of the stat the record was built from. */
  policy: number | undefined = undefined;

  /**
   * Whether field 41 (policy) of the stat just read is the one the record was
   * built from: `chrt -p` changes it alone, and NI and the policy shown follow
   * it (record.ts). Ask after statUnchanged, which places field 24's end.
   */
  samePolicy(bytes: Buffer, length: number): boolean {
    return policyAfterField24(bytes, length, this.#statLength) === this.policy;
  }

  /** Whether field 2 (comm) of the stat in `bytes` is the one this entry was built from. */
  sameComm(bytes: Buffer, fields: StatFields): boolean {
    const start = this.#statStart;
    return bytes.compare(this.#statBytes, start + this.commStart, start + this.commEnd, fields.commStart, fields.commEnd) === 0;
  }

  /**
   * Keeps bytes [0, end) of the stat just read, for statUnchanged and sameComm
   * next time; new memory comes from `arena` when given (a first scan).
   */
  copyStat(bytes: Buffer, end: number, arena?: StatArena): void {
    // Its own memory, not a slice of Node's shared pool: a long-lived slice
    // would keep a whole 8 KiB pool chunk alive. Same length: reuse it.
    if (this.#statLength !== end) {
      if (arena === undefined) {
        this.#statBytes = Buffer.allocUnsafeSlow(end);
        this.#statStart = 0;
      } else {
        this.#statStart = arena.take(end);
        this.#statBytes = arena.block;
      }
      this.#statLength = end;
    }
    bytes.copy(this.#statBytes, this.#statStart, 0, end);
  }

  /** Rewrites the entry (its process's, or a new process's that reuses the pid) with a new record. */
  remember(fields: StatFields, from: Remembered, info: ProcInfo, now: number): void {
    this.commStart = fields.commStart;
    this.commEnd = fields.commEnd;
    this.startTicks = fields.startTicks;
    this.cpuTicks = fields.cpuTicks;
    this.rssPages = fields.rssPages;
    this.faults = fields.faults;
    this.policy = fields.policy;
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
  /** The block the last take() carved from. */
  block: Buffer = NO_BYTES;
  #used = 0;

  /** Where `length` bytes of `block` are set aside (a new block when they do not fit in what is left). */
  take(length: number): number {
    if (this.#used + length > this.block.length) {
      this.block = Buffer.allocUnsafeSlow(Math.max(StatArena.BLOCK_BYTES, length));
      this.#used = 0;
    }
    const start = this.#used;
    this.#used += length;
    return start;
  }
}

/** Whether the process turned zombie, or (a reused pid seen late) stopped being one. */
export function zombieChanged(entry: Entry, fields: StatFields): boolean {
  return (entry.info.state === 'Z') !== (fields.state === 'Z');
}
