// Fast scoped tracking without the kernel source: between full scans, follow a
// known subtree by reading only its processes' children lists
// (/proc/PID/task/TID/children, Linux >= 3.5: the children each thread forked
// and has not lost) at a short interval. A child forked and orphaned within a
// few milliseconds is then seen under the parent that forked it. Cost is
// proportional to the subtree, never to the system, and kept small:
//   - the files stay open and each tick is one pread per thread (a proc file
//     regenerates its text on a read from offset 0, read-file.ts): about a
//     fifteenth of open + read + close;
//   - only the children lists that can have gained a child are read: the pids
//     handed out since the last tick (/proc/loadavg's last field) are few, and
//     each new one's stat names its parent (a quiet machine: none at all; when
//     reading the new pids would cost more than the lists, all lists);
//   - the lists that hold children are read again only when a task was also
//     released somewhere (loadavg's thread count moved), see #quiet;
//   - stat, for what a children list does not show (exit, zombie, exec,
//     nice), is read on every statPass tick only, and only the fields that
//     say so are compared.
// A kept file belongs to the process, not the pid number: once the process is
// reaped, its children file reads empty and its stat ESRCH.
import { readdirSync } from 'node:fs';
import { closeQuietly, GONE, openForReading, Scratch } from '../procfs/read-file.js';
import { parseStatLine } from '../procfs/stat-line.js';

/** The decimal number in bytes [from, to) (its end: the first byte that is not a digit), or undefined. */
function decimal(bytes: Buffer, from: number, to: number): number | undefined {
  let value = 0;
  let digits = 0;
  for (let i = from; i < to; i += 1) {
    const digit = (bytes[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    digits += 1;
  }
  return digits === 0 || !Number.isSafeInteger(value) ? undefined : value;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let pid = from; pid <= to; pid += 1) out.push(pid);
  return out;
}

/** What the tracker has read since it was made (bench:events prints it per tick). */
export interface TrackerReads {
  ticks: number;
  /** preads of a kept file (one syscall each). */
  kept: number;
  /** Files read by name: open + read + close. */
  byName: number;
}

export interface TrackerTick {
  /** Children found under a watched parent that the caller did not know: [child, parent]. */
  readonly sightings: readonly (readonly [number, number])[];
  /** Watched pids that are gone, whose children changed, or whose stat fields shown in a row changed. */
  readonly changed: readonly number[];
}

interface Watched {
  /** Thread count the tids were listed for (stat field 20 via the caller's record). */
  readonly threads: number | undefined;
  /** One open children file per thread, or the tids to read by name (-1: no descriptor kept). */
  readonly fds: readonly number[];
  readonly tids: readonly number[];
  statFd: number;
  /** The stat fields compared between passes, as bytes (statKey). */
  statKey: Buffer | undefined;
  children: string;
}

/** Children of a child first seen this tick are looked for at once, this many generations down. */
const NEW_DEPTH = 4;
/** Pids remembered as gone (roots the caller still names); forgotten beyond this many. */
const GONE_LIMIT = 1024;
/** An open + read + close costs about this many preads of a kept file (17 µs against 1.1 µs here). */
const OPEN_COST = 15;
/** Descriptors the tracker keeps open at most; beyond, files are read by name. */
const KEPT_LIMIT = 512;

/**
 * The bytes of stat fields 2–8 (comm, state, ppid, pgrp, session, tty, tpgid), 18–22
 * (priority, nice, threads, itrealvalue, starttime) and 41 (policy: `chrt -p` changes it
 * alone, and NI shows or not by it), copied into `out`; its length, or -1 for a malformed
 * line. CPU times and faults (fields 9–17) move whenever the process runs, field 39 (the
 * CPU it last ran on) whenever it migrates.
 */
function statKey(bytes: Buffer, length: number, out: Buffer): number {
  // Fields after comm are counted from its last ')' (a comm may hold spaces and parentheses).
  const close = bytes.lastIndexOf(0x29, length - 1);
  if (close < 0) return -1;
  let field = 2;
  let copied = 0;
  for (let i = 0; i < length && field <= 41; i += 1) {
    const byte = bytes[i] as number;
    if (i > close && byte === 0x20) field += 1;
    if (field <= 8 || (field >= 18 && field <= 22) || field === 41) {
      if (copied >= out.length) return -1;
      out[copied] = byte;
      copied += 1;
    }
  }
  return copied;
}

export class ScopedTracker {
  readonly #root: string;
  readonly #scratch = new Scratch(4096);
  readonly #key = Buffer.allocUnsafe(512);
  readonly #watched = new Map<number, Watched>();
  readonly #gone = new Set<number>();
  /** Watched pids whose children lists were not empty at their last read. */
  readonly #withChildren = new Set<number>();
  #kept = 0;
  #loadavgFd = -1;
  #lastPid: number | undefined;
  /** /proc/loadavg's thread count at the last tick (the number after its '/'). */
  #lastThreads: number | undefined;
  /** Whether the last tick's loadavg showed no task made or released since the one before. */
  #quiet = false;
  #lastPids: ReadonlyMap<number, number | undefined> | undefined;
  /** New pids that read ENOENT last tick, to look at once more. */
  #unread: number[] = [];
  readonly #reads: TrackerReads = { ticks: 0, kept: 0, byName: 0 };

  constructor(procRoot = '/proc') {
    this.#root = procRoot;
  }

  /** Counts since the tracker was made (a copy). */
  get reads(): TrackerReads {
    return { ...this.#reads };
  }

  get size(): number {
    return this.#watched.size;
  }

  /** Whether `pid` was found gone while the caller had no record of it (a root that ended before a read). */
  isGone(pid: number): boolean {
    return this.#gone.has(pid);
  }

  /**
   * One tick over `pids` (the subtree to follow, with their thread counts when
   * known). `known(pid)` says whether the caller already has that process;
   * `statPass`: read the watched processes' stat too. A child found for the
   * first time has its own children read at once (a child that forks and exits
   * within a tick leaves its child under init by the next one: the double fork).
   */
  tick(pids: ReadonlyMap<number, number | undefined>, known: (pid: number) => boolean, statPass: boolean): TrackerTick {
    this.#reads.ticks += 1;
    const sightings: [number, number][] = [];
    const changed: number[] = [];
    // Which watched parents may have forked since the last tick: see #newParents.
    const parents = this.#newParents(pids);
    // The same subtree (the caller hands the same map while its table stands), no fork in it, no
    // stat pass: only the lists that hold children can change (one exits or is orphaned, and no
    // new pid says so). Most ticks end here, at a pread or a few; at one when, moreover, no task
    // was released anywhere (#quiet).
    const same = pids === this.#lastPids;
    this.#lastPids = pids;
    if (same && !statPass && parents?.size === 0) {
      if (this.#quiet) return { sightings, changed };
      for (const pid of this.#withChildren) {
        const entry = this.#watched.get(pid);
        if (entry !== undefined) this.#readChildren(pid, entry, known, sightings, changed);
      }
      return { sightings, changed };
    }
    for (const [pid, entry] of this.#watched) if (!pids.has(pid)) this.#drop(pid, entry);
    for (const [pid, threads] of pids) {
      let entry = this.#watched.get(pid);
      const fresh = entry === undefined;
      if (entry === undefined || entry.threads !== threads) {
        const children = entry?.children ?? '';
        if (entry !== undefined) this.#drop(pid, entry);
        entry = this.#open(pid, threads, children);
        this.#watched.set(pid, entry);
        // Reopened (its thread count moved: a root first known by pid only, now read): still a parent.
        if (children !== '') this.#withChildren.add(pid);
      }
      if (fresh || statPass) {
        const state = this.#readStat(pid, entry);
        if (state === 'gone') {
          this.#drop(pid, entry);
          changed.push(pid);
          if (!known(pid)) this.#markGone(pid);
          continue;
        }
        if (state === 'changed' && !fresh) changed.push(pid);
      }
      // A parent with children is read every tick (see above); the others when a new pid may be theirs.
      if (!fresh && parents !== undefined && !parents.has(pid) && entry.children === '') continue;
      this.#readChildren(pid, entry, known, sightings, changed);
    }
    return { sightings, changed };
  }

  /** Reads the children lists of `pid`; a change goes into `changed`, unknown children into `sightings`. */
  #readChildren(pid: number, entry: Watched, known: (pid: number) => boolean, sightings: [number, number][], changed: number[]): void {
    const text = this.#children(pid, entry);
    if (text === entry.children) return;
    entry.children = text;
    if (text === '') this.#withChildren.delete(pid);
    else this.#withChildren.add(pid);
    changed.push(pid);
    this.#sight(text, pid, known, sightings, NEW_DEPTH);
  }

  /** Gives back every kept descriptor. */
  close(): void {
    for (const [pid, entry] of this.#watched) this.#drop(pid, entry);
    if (this.#loadavgFd >= 0) closeQuietly(this.#loadavgFd);
    this.#loadavgFd = -1;
  }

  /**
   * The watched processes that may have forked since the last tick, from the pids handed out
   * meanwhile (the kernel hands them out in ascending order; /proc/loadavg's fifth field is the
   * last one): a new pid whose stat names a watched parent, or a parent found so in this very
   * pass (a grandchild). undefined: any of them may have (the first tick, a wrap of the pid
   * numbers, more new pids than reading every children list would cost). A new pid that cannot
   * be read yet (in /proc a moment after it is handed out) is looked at again next tick.
   */
  #newParents(pids: ReadonlyMap<number, number | undefined>): Set<number> | undefined {
    if (this.#loadavgFd < 0) this.#loadavgFd = openForReading(`${this.#root}/loadavg`);
    const length = this.#loadavgFd < 0 ? -1 : this.#readKept(this.#loadavgFd);
    const bytes = this.#scratch.bytes;
    // "0.20 0.18 0.12 1/80 11206": running/threads, then the last pid handed out (proc(5)).
    const slash = length < 0 ? -1 : bytes.lastIndexOf(0x2f, length - 1);
    const space = slash < 0 ? -1 : bytes.subarray(0, length).indexOf(0x20, slash);
    const threads = space < 0 ? undefined : decimal(bytes, slash + 1, space);
    const lastPid = space < 0 ? undefined : decimal(bytes, space + 1, length);
    const before = this.#lastPid;
    const retry = this.#unread;
    this.#unread = [];
    // A task is counted until it is released (reaped), and every new one takes a pid: both
    // unchanged, no child was made or reaped. A list can still lose a child without either (a
    // parent exits and stays unreaped: its children go to their adopter), which the stat pass shows.
    this.#quiet = retry.length === 0 && threads !== undefined && threads === this.#lastThreads && lastPid === before;
    this.#lastThreads = threads;
    if (lastPid === undefined || lastPid <= 0) {
      this.#lastPid = undefined;
      return undefined;
    }
    this.#lastPid = lastPid;
    // Reading a new pid's stat by name (open, read, close) costs about OPEN_COST preads of a kept file.
    if (before === undefined || lastPid < before || (lastPid - before + retry.length) * OPEN_COST > pids.size) return undefined;
    const parents = new Set<number>();
    for (const pid of [...retry, ...range(before + 1, lastPid)]) {
      const statLength = this.#readByName(`${this.#root}/${pid}/stat`);
      if (statLength === GONE) {
        if (!retry.includes(pid)) this.#unread.push(pid);
        continue;
      }
      const ppid = statLength < 0 ? undefined : parseStatLine(this.#scratch.bytes, statLength)?.ppid;
      if (ppid !== undefined && (pids.has(ppid) || parents.has(ppid))) parents.add(ppid).add(pid);
    }
    return parents;
  }

  #open(pid: number, threads: number | undefined, children: string): Watched {
    const tids = this.#threadsOf(pid);
    const fds = tids.map((tid) => this.#keep(`${this.#root}/${pid}/task/${tid}/children`));
    return { threads, tids, fds, statFd: this.#keep(`${this.#root}/${pid}/stat`), statKey: undefined, children };
  }

  /** An open descriptor for `path`, or -1 (over KEPT_LIMIT, or it cannot be opened: read by name). */
  #keep(path: string): number {
    if (this.#kept >= KEPT_LIMIT) return -1;
    const fd = openForReading(path);
    if (fd < 0) return -1;
    this.#kept += 1;
    return fd;
  }

  #drop(pid: number, entry: Watched): void {
    for (const fd of [...entry.fds, entry.statFd]) {
      if (fd < 0) continue;
      closeQuietly(fd);
      this.#kept -= 1;
    }
    this.#watched.delete(pid);
    this.#withChildren.delete(pid);
  }

  /** 'gone', 'changed' (the compared fields moved since the last pass), or 'same'. */
  #readStat(pid: number, entry: Watched): 'gone' | 'changed' | 'same' {
    const length = entry.statFd >= 0 ? this.#readKept(entry.statFd) : this.#readByName(`${this.#root}/${pid}/stat`);
    if (length === GONE) return 'gone';
    if (length < 0) return 'same';
    const keyLength = statKey(this.#scratch.bytes, length, this.#key);
    if (keyLength < 0) return 'changed';
    const key = this.#key.subarray(0, keyLength);
    if (entry.statKey?.equals(key) === true) return 'same';
    entry.statKey = Buffer.from(key);
    return 'changed';
  }

  /** The children lists of all the threads of `pid`, joined ('' when gone). */
  #children(pid: number, entry: Watched): string {
    let text = '';
    entry.tids.forEach((tid, i) => {
      const fd = entry.fds[i] ?? -1;
      const length = fd >= 0 ? this.#readKept(fd) : this.#readByName(`${this.#root}/${pid}/task/${tid}/children`);
      if (length > 0) text += this.#scratch.bytes.toString('latin1', 0, length);
    });
    return text;
  }

  /** The unknown pids of a children list, as sightings under `parent`, and theirs below them. */
  #sight(text: string, parent: number, known: (pid: number) => boolean, sightings: [number, number][], depth: number): void {
    for (const word of text.split(' ')) {
      const child = Number(word);
      if (word === '' || !Number.isSafeInteger(child) || known(child)) continue;
      if (sightings.some(([seen]) => seen === child)) continue;
      sightings.push([child, parent]);
      if (depth <= 1) continue;
      // A new process has one thread (its leader) until it starts more.
      const length = this.#readByName(`${this.#root}/${child}/task/${child}/children`);
      if (length > 0) this.#sight(this.#scratch.bytes.toString('latin1', 0, length), child, known, sightings, depth - 1);
    }
  }

  #readKept(fd: number): number {
    this.#reads.kept += 1;
    return this.#scratch.readOpen(fd, true);
  }

  #readByName(path: string): number {
    this.#reads.byName += 1;
    return this.#scratch.readWhole(path);
  }

  #markGone(pid: number): void {
    if (this.#gone.size >= GONE_LIMIT) this.#gone.clear();
    this.#gone.add(pid);
  }

  #threadsOf(pid: number): number[] {
    try {
      return readdirSync(`${this.#root}/${pid}/task`)
        .map(Number)
        .filter((tid) => Number.isSafeInteger(tid));
    } catch {
      return [pid];
    }
  }
}
