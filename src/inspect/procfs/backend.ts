// The procfs backend: one scan of <procRoot> per snapshot. stat is read for
// every process on every refresh. A stat whose fields 1–24 (all that is
// parsed) did not change since the last refresh yields the previous (frozen)
// record as it was, so a steady refresh costs one open/read/close per process
// and almost nothing else. Only those bytes are compared: later fields move
// without changing anything shown (field 39, the CPU it last ran on, changes
// whenever the scheduler migrates the process).
// cmdline and status are read when a process is first seen, execs (comm
// changed), turns zombie, or its pid was reused (start time changed). One
// more reason re-reads status alone: stat's rss (field 24) moved. ps takes RSS
// from status VmRSS, which is exact where field 24 is a per-CPU approximation,
// so a process whose memory changed costs two reads; one that only used CPU
// still costs one. Kernel threads need neither file.
//
// On a real procfs, from the second scan on, stat files stay open and are
// re-read with one pread at offset 0 (read-file.ts): a third of the system
// calls of open + read + close. A kept file belongs to the process, not to the
// pid number: once that process is gone it reads ESRCH, and the pid is then
// opened again by name (it may belong to a new process). A one-shot inspector
// keeps nothing; kept files are capped per Node process (each holds a page of
// kernel buffer), given back when the process leaves the table, when the
// descriptors run out (EMFILE), or when the backend is garbage-collected.
import { readdirSync, statfsSync } from 'node:fs';
import type { Backend } from '../backend.js';
import { cpuPercent, freezeProc, SealedMap, sealSnapshot, unknownProc } from '../snapshot.js';
import { statLetters } from '../stat-letters.js';
import type { ProcInfo, Snapshot } from '../types.js';
import { cmdlineToArgs } from './cmdline.js';
import { closeQuietly, EXHAUSTED, GONE, openForReading, Scratch } from './read-file.js';
import { isKernelThread, lastParsedEnd, parseStatLine, type StatFields } from './stat-line.js';
import { readStatFields } from './stat-file.js';
import { parseStatus } from './status.js';
import { CLOCK_TICKS, readBootTimeMs, readSystemFacts, startTimeMs, type SystemFacts } from './system.js';
import { decodeRange } from './text.js';
import { ttyName } from './tty.js';
import { PASSWD_PATH } from './users.js';

export interface ProcfsOptions {
  readonly procRoot?: string;
  /** Where uid → name comes from; default /etc/passwd. */
  readonly passwdPath?: string;
}

/**
 * What we keep about a pid between refreshes (identity: pid + startTicks),
 * updated in place while the pid is listed. The record holds the rest of what
 * the next refresh compares with: state, comm, args, uid and user.
 */
interface Entry {
  readonly dir: string;
  readonly statPath: string;
  /** Copy of the stat bytes up to the end of field 24 (lastParsedEnd) that the record was built from. */
  stat: Buffer;
  commStart: number;
  commEnd: number;
  startTicks: number;
  cpuTicks: number;
  /** stat field 24 when status was last read: a change means VmRSS is stale. */
  rssPages: number;
  lockedKb: number | undefined;
  rssBytes: number;
  /** performance.now() right after `cpuTicks` was read. */
  seenAt: number;
  generation: number;
  info: ProcInfo;
}

/** statfs f_type of procfs (linux/magic.h PROC_SUPER_MAGIC). */
const PROC_SUPER_MAGIC = 0x9fa0;

const SPACE = 0x20;
const NEWLINE = 0x0a;

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

// An inspector dropped without being closed still gives its descriptors back.
const abandoned = new FinalizationRegistry<KeptFiles>(releaseAll);

function isProcfs(root: string): boolean {
  try {
    return statfsSync(root).type === PROC_SUPER_MAGIC;
  } catch {
    return false;
  }
}

/**
 * Whether the stat just read (`length` bytes of `bytes`) parses to the fields
 * `kept` was parsed from: it starts with those bytes, and field 24 ends where
 * it ended then (a space, the newline or the end follows, not another digit).
 */
function sameFields(bytes: Buffer, length: number, kept: Buffer): boolean {
  const end = kept.length;
  if (length < end) return false;
  if (length > end && bytes[end] !== SPACE && bytes[end] !== NEWLINE) return false;
  return bytes.compare(kept, 0, end, 0, end) === 0;
}

/** Directory name → pid, or -1 for anything that is not all digits (self, sys, …). */
function pidOf(name: string): number {
  let pid = 0;
  for (let i = 0; i < name.length; i++) {
    const digit = name.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    pid = pid * 10 + digit;
  }
  return name.length === 0 ? -1 : pid;
}

export class ProcfsBackend implements Backend {
  readonly #root: string;
  readonly #passwdPath: string;
  #system: SystemFacts | undefined;
  readonly #cache = new Map<number, Entry>();
  readonly #ttyNames = new Map<number, string>();
  #generation = 0;
  readonly #stat = new Scratch(4096);
  readonly #status = new Scratch(4096);
  readonly #cmdline = new Scratch(16 * 1024);
  readonly #kept: KeptFiles = new Map();
  /** Whether stat files may be kept open: decided on the first scan (a real procfs only). */
  #keep: boolean | undefined;

  constructor(options: ProcfsOptions = {}) {
    this.#root = options.procRoot ?? '/proc';
    this.#passwdPath = options.passwdPath ?? PASSWD_PATH;
    abandoned.register(this, this.#kept);
  }

  /** Stat files this backend keeps open between scans (for tests and the benchmark). */
  get keptFiles(): number {
    return this.#kept.size;
  }

  /** Gives back every kept file; later scans open files again by name (and may keep them again). */
  close(): void {
    releaseAll(this.#kept);
  }

  /**
   * Rejects only when the process table itself cannot be listed (procRoot
   * unreadable). The scan is synchronous (sync reads are the fast ones) but
   * starts from a macrotask, so a loop of snapshots cannot starve timers and I/O.
   */
  snapshot(): Promise<Snapshot> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(this.#scan());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  async startTime(pid: number): Promise<number | undefined> {
    const fields = readStatFields(this.#root, pid);
    if (fields === undefined) return undefined;
    // A backend that has scanned knows btime; otherwise read it alone (one small file; a kill is rare).
    return startTimeMs(this.#system?.bootTimeMs ?? readBootTimeMs(this.#root), fields.startTicks);
  }

  #facts(): SystemFacts {
    this.#system ??= readSystemFacts(this.#root, this.#passwdPath);
    return this.#system;
  }

  #scan(): Snapshot {
    const names = readdirSync(this.#root);
    const facts = this.#facts();
    const generation = ++this.#generation;
    this.#keep ??= isProcfs(this.#root);
    // A one-shot inspector (ps, tree) must not hold thousands of descriptors: keep from the second scan on.
    const keepNew = this.#keep && generation >= 2;
    const procs = new SealedMap<number, ProcInfo>();
    for (const name of names) {
      const pid = pidOf(name);
      if (pid < 0) continue;
      const info = this.#visit(pid, name, keepNew, generation, facts);
      if (info !== undefined) procs.set(pid, info);
    }
    // Sweep: whatever this scan did not see is gone.
    this.#cache.forEach((entry, pid) => {
      if (entry.generation !== generation) this.#forget(pid);
    });
    return sealSnapshot(Date.now(), procs);
  }

  /**
   * One process of a scan: its record, or undefined when it is gone or its
   * stat is malformed. (A method of its own, so the scan loop stays small for
   * the optimizing compiler, which recompiles it whenever a new path turns hot.)
   */
  #visit(pid: number, name: string, keepNew: boolean, generation: number, facts: SystemFacts): ProcInfo | undefined {
    const entry = this.#cache.get(pid);
    // Paths are built once per pid, when it is first listed.
    const dir = entry === undefined ? `${this.#root}/${name}` : entry.dir;
    const statPath = entry === undefined ? `${dir}/stat` : entry.statPath;
    const length = this.#readStat(pid, statPath, keepNew);
    // %CPU is ticks over the wall time between two reads of this very file: a
    // scan preempted halfway on a busy machine must not stretch one process's
    // interval and shrink another's.
    const now = performance.now();
    if (length === GONE) {
      this.#forget(pid);
      return undefined;
    }
    if (length < 0) {
      this.#forget(pid);
      return unknownProc(pid);
    }
    const bytes = this.#stat.bytes;
    // Unchanged fields: nothing shown moved, no CPU was used (fields 14, 15).
    // The previous record is still exact once its %CPU reads 0.
    if (entry !== undefined && sameFields(bytes, length, entry.stat)) {
      if (entry.info.cpuPercent !== 0) entry.info = freezeProc({ ...entry.info, cpuPercent: 0 });
      entry.seenAt = now;
      entry.generation = generation;
      return entry.info;
    }
    const fields = parseStatLine(bytes, length);
    // Malformed stat text: skip the process rather than guess.
    const updated =
      fields === undefined ? undefined : this.#update(pid, entry, dir, statPath, fields, bytes, lastParsedEnd(), now, facts);
    if (updated === undefined) {
      this.#forget(pid);
      return undefined;
    }
    updated.generation = generation;
    if (updated !== entry) this.#cache.set(pid, updated);
    return updated.info;
  }

  /** The stat of `pid` into this.#stat: its length, or GONE / UNREADABLE / EXHAUSTED. */
  #readStat(pid: number, path: string, keepNew: boolean): number {
    const kept = this.#kept.get(pid);
    if (kept !== undefined) {
      const length = this.#stat.readOpen(kept, true);
      if (length >= 0) return length;
      // ESRCH: the process we kept the file of has exited; the pid, listed again, may be a new one.
      this.#unkeep(pid);
    }
    const fd = this.#open(path);
    if (fd < 0) return fd;
    const length = this.#stat.readOpen(fd, false);
    if (length >= 0 && keepNew && this.#keep === true && keptFilesInUse < this.#keptFilesCap()) {
      this.#kept.set(pid, fd);
      keptFilesInUse += 1;
    } else {
      closeQuietly(fd);
    }
    return length;
  }

  #keptFilesCap(): number {
    const limit = this.#facts().openFilesLimit;
    return limit === undefined ? KEPT_FILES_LIMIT : Math.min(KEPT_FILES_LIMIT, Math.floor(limit / 2));
  }

  /** Opens by name; out of descriptors, gives back the kept ones (keeping no more) and tries once again. */
  #open(path: string): number {
    const fd = openForReading(path);
    if (fd !== EXHAUSTED || this.#keep !== true) return fd;
    this.#keep = false;
    releaseAll(this.#kept);
    return openForReading(path);
  }

  /** Like Scratch.readWhole, with the same answer to running out of descriptors as #open. */
  #readWhole(scratch: Scratch, path: string): number {
    const fd = this.#open(path);
    if (fd < 0) return fd;
    try {
      return scratch.readOpen(fd, false);
    } finally {
      closeQuietly(fd);
    }
  }

  #unkeep(pid: number): void {
    const fd = this.#kept.get(pid);
    if (fd === undefined) return;
    this.#kept.delete(pid);
    keptFilesInUse -= 1;
    closeQuietly(fd);
  }

  #forget(pid: number): void {
    this.#cache.delete(pid);
    this.#unkeep(pid);
  }

  /**
   * The entry for a stat whose fields changed (or a pid never seen), `statEnd`
   * its bytes up to the end of field 24; undefined if the process vanished
   * meanwhile, leaving `entry` as it was.
   */
  #update(
    pid: number,
    entry: Entry | undefined,
    dir: string,
    statPath: string,
    fields: StatFields,
    bytes: Buffer,
    statEnd: number,
    now: number,
    facts: SystemFacts,
  ): Entry | undefined {
    const same = entry !== undefined && entry.startTicks === fields.startTicks ? entry : undefined;
    const commSame =
      same !== undefined &&
      bytes.compare(same.stat, same.commStart, same.commEnd, fields.commStart, fields.commEnd) === 0;
    const comm = commSame ? same.info.comm : decodeRange(bytes, fields.commStart, fields.commEnd);
    const zombieChange = same !== undefined && (same.info.state === 'Z') !== (fields.state === 'Z');

    let args = same !== undefined && commSame && !zombieChange ? same.info.args : undefined;
    let euid: number | undefined;
    let lockedKb: number | undefined;
    // Unreadable status: stat's approximation is the best RSS there is.
    let rssBytes = fields.rssPages * facts.pageSize;
    const statusFresh =
      same !== undefined && commSame && !zombieChange && same.info.uid !== undefined && same.rssPages === fields.rssPages;
    if (statusFresh) {
      // Only CPU time or state moved: what status told us last time still holds.
      euid = same.info.uid;
      lockedKb = same.lockedKb;
      rssBytes = same.rssBytes;
    } else if (isKernelThread(fields)) {
      // Kernel threads run with the kernel's own credentials (uid 0), and have
      // no memory map (nothing locked or resident) and no command line.
      args = '';
      euid = 0;
      lockedKb = 0;
    } else {
      const statusLength = this.#readWhole(this.#status, `${dir}/status`);
      if (statusLength === GONE) return undefined;
      if (statusLength >= 0) {
        const status = parseStatus(this.#status.bytes, statusLength);
        euid = status.euid;
        lockedKb = status.lockedKb;
        rssBytes = status.rssKb * 1024;
      }
      if (args === undefined) {
        const cmdlineLength = this.#readWhole(this.#cmdline, `${dir}/cmdline`);
        if (cmdlineLength === GONE) return undefined;
        if (cmdlineLength >= 0) args = cmdlineToArgs(this.#cmdline.bytes, cmdlineLength);
      }
    }
    const user = euid === undefined ? undefined : euid === same?.info.uid ? same.info.user : facts.userName(euid);

    // Its own memory, not a slice of Node's shared pool: a long-lived slice
    // would keep a whole 8 KiB pool chunk alive. Same length: reuse it.
    const stat = entry !== undefined && entry.stat.length === statEnd ? entry.stat : Buffer.allocUnsafeSlow(statEnd);
    bytes.copy(stat, 0, 0, statEnd);
    const info = freezeProc({
      pid,
      ppid: fields.ppid,
      pgid: fields.pgid,
      sid: fields.sid,
      tty: this.#tty(fields.ttyNr, facts),
      tpgid: fields.tpgid,
      state: fields.state,
      stat: lockedKb === undefined ? undefined : statLetters(fields, lockedKb),
      nice: fields.nice,
      priority: fields.priority,
      threads: fields.threads,
      uid: euid,
      user,
      startTime: startTimeMs(facts.bootTimeMs, fields.startTicks),
      cpuPercent:
        same === undefined ? undefined : cpuPercent((fields.cpuTicks - same.cpuTicks) / CLOCK_TICKS, now - same.seenAt),
      memPercent: facts.memTotalBytes === undefined ? undefined : (rssBytes * 100) / facts.memTotalBytes,
      rssBytes,
      vszBytes: fields.vszBytes,
      timeSeconds: fields.cpuTicks / CLOCK_TICKS,
      comm,
      args,
    });
    if (entry === undefined) {
      return {
        dir,
        statPath,
        stat,
        commStart: fields.commStart,
        commEnd: fields.commEnd,
        startTicks: fields.startTicks,
        cpuTicks: fields.cpuTicks,
        rssPages: fields.rssPages,
        lockedKb,
        rssBytes,
        seenAt: now,
        generation: 0,
        info,
      };
    }
    // The pid's entry (its process, or a new one that reuses the pid) is rewritten in place.
    entry.stat = stat;
    entry.commStart = fields.commStart;
    entry.commEnd = fields.commEnd;
    entry.startTicks = fields.startTicks;
    entry.cpuTicks = fields.cpuTicks;
    entry.rssPages = fields.rssPages;
    entry.lockedKb = lockedKb;
    entry.rssBytes = rssBytes;
    entry.seenAt = now;
    entry.info = info;
    return entry;
  }

  #tty(ttyNr: number, facts: SystemFacts): string {
    let name = this.#ttyNames.get(ttyNr);
    if (name === undefined) {
      name = ttyName(ttyNr, facts.ttyDrivers);
      this.#ttyNames.set(ttyNr, name);
    }
    return name;
  }
}
