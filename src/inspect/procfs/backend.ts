// The procfs backend: one scan of <procRoot> per snapshot. stat is read for
// every process on every refresh. A stat whose fields 1–24 and 41 (all that
// is parsed) did not change since the last refresh yields the previous
// (frozen) record as it was, so a steady refresh costs one read per process (a
// kept file and a pread: proc-files.ts) and almost nothing else. Only those
// bytes are compared: fields 25–40 move without changing anything shown (field
// 39, the CPU it last ran on, changes whenever the scheduler migrates the
// process); field 41, the policy, is compared on its own (`chrt -p` changes it
// alone).
// cmdline and status are read when a process is first seen, execs (comm
// changed), turns zombie, or its pid was reused (start time changed). One
// more reason re-reads status alone: stat's rss (field 24) moved. ps takes RSS
// from status VmRSS, which is exact where field 24 is a per-CPU approximation,
// so a process whose memory changed costs two reads; one that only used CPU
// still costs one. Kernel threads need neither file (details.ts).
// With details 'on-demand' (the dashboard), a user process first seen, exec'd
// or dead is listed from stat alone and marked not read yet (../unread.ts);
// readDetails() reads status and cmdline of the ones the caller asks for, and
// from then on the rules above keep it read.
//
// A scan is prepare → read → sweep: #beginScan lists the pids, #readSlice
// visits them a few milliseconds at a time, #visit reads one stat and takes
// the fast path when it did not change, #update builds the record of one that
// did, and #endScan's sweep forgets the pids not listed.
import { readdirSync } from 'node:fs';
import { constants } from 'node:os';
import type { Backend } from '../backend.js';
import { cpuPercent, SealedMap, sealSnapshot, freezeProc, unknownProc } from '../snapshot.js';
import type { ProcInfo, Snapshot } from '../types.js';
import { statLetters, type StatInputs } from '../stat-letters.js';
import { isNotRead, NOT_READ, noteRead } from '../unread.js';
import { carriedDetails, type Details, kernelThreadDetails, notReadDetails, readDetails, type UidSource } from './details.js';
import { Entry, type ProcPaths, StatArena, zombieChanged } from './entry.js';
import { ProcFiles } from './proc-files.js';
import { DEFAULT_READ_AHEAD, ReadAhead, type ReadAheadPolicy } from './read-ahead.js';
import { environHas } from './environ.js';
import { GONE } from './read-file.js';
import { memPercentOf, procRecord, type RecordParts } from './record.js';
import { settleEarlyChildren, settleReparented } from './settle-reparented.js';
import { ProcessRereader } from './reread.js';
import { pidOf } from './pid-name.js';
import { scanOnce } from './scan-once.js';
import { readStatFields } from './stat-file.js';
import { isKernelThread, lastParsedEnd, parseStatLine, type StatFields } from './stat-line.js';
import { CLOCK_TICKS, readBootTimeMs, readSystemFacts, readUptimeClock, startTimeMs, type SystemFacts } from './system.js';
import { signalIgnored } from './status.js';
import { decodeRange } from './text.js';
import { listThreads } from './threads.js';
import { ttyName } from './tty.js';
import { PASSWD_PATH } from './users.js';

/** The platform's number (17 on x86 and arm Linux; os.constants knows the others). */
const SIGCHLD = constants.signals.SIGCHLD;
/** At most this many exec marks wait for a scan (programChanged): far more than the pids a system runs. */
const EXECED_KEPT = 65_536;

export interface ProcfsOptions {
  readonly procRoot?: string;
  /** Where uid → name comes from; default /etc/passwd. */
  readonly passwdPath?: string;
  /** false: cmdline is never read, every `args` stays undefined (InspectorOptions.commandLines). */
  readonly commandLines?: boolean;
  /** 'stat': status is never read; 'pstree': nor is it, and uid is the owner of /proc/PID (InspectorOptions.fields). */
  readonly fields?: 'all' | 'stat' | 'pstree';
  /** Keep stat files open from the first scan on (InspectorOptions.longLived). */
  readonly longLived?: boolean;
  /** 'on-demand': status and cmdline wait for readDetails() (InspectorOptions.details). */
  readonly details?: 'all' | 'on-demand';
  /** List the threads of multi-threaded processes (InspectorOptions.threads, threads.ts). */
  readonly threads?: 'ids' | 'names';
  /** When a first scan shares its reads with a helper thread, and which (read-ahead.ts; tests). */
  readonly readAhead?: ReadAheadPolicy;
}

/** A scan holds the thread for at most about this long at a time (see snapshot()). */
const SLICE_MS = 4;
const CLOCK_EVERY = 16;

/** A scan under way: the listing, where it is, and the records so far. */
interface ScanState {
  readonly names: readonly string[];
  next: number;
  readonly generation: number;
  readonly procs: SealedMap<number, ProcInfo>;
}

/** %CPU since `same` was last seen; undefined on first sight (no interval yet). */
function cpuSince(same: Entry | undefined, fields: StatFields, now: number): number | undefined {
  // fields 14 + 15 (utime + stime), in clock ticks
  return same === undefined ? undefined : cpuPercent((fields.cpuTicks - same.cpuTicks) / CLOCK_TICKS, now - same.seenAt);
}

export class ProcfsBackend implements Backend {
  readonly #root: string;
  readonly #passwdPath: string;
  readonly #commandLines: boolean;
  /** Whether status is read (uid, VmLck, VmRSS): not with fields 'stat'. */
  readonly #uidFrom: UidSource;
  /** Whether a user process's status and cmdline wait until asked for (readDetails). */
  readonly #onDemand: boolean;
  readonly #threads: 'ids' | 'names' | undefined;
  #system: SystemFacts | undefined;
  readonly #cache = new Map<number, Entry>();
  /** Pids that exec'd since their last read (programChanged): read whole at their next visit. */
  readonly #execed = new Set<number>();
  readonly #ttyNames = new Map<number, string>();
  #generation = 0;
  readonly #files: ProcFiles;
  /** The last scan's records, to see which processes changed parent (settle-reparented.ts). */
  #last: ReadonlyMap<number, ProcInfo> | undefined;
  /** The first scan's stat copies, in shared blocks (entry.ts); dropped once it is done. */
  #firstScanCopies: StatArena | undefined = new StatArena();
  #rereader: ProcessRereader | undefined;
  readonly #readAhead: ReadAheadPolicy;
  /** The files the last scan took from its helper (read-ahead.ts; for tests); 0 without one. */
  #lastTaken = 0;

  constructor(options: ProcfsOptions = {}) {
    this.#root = options.procRoot ?? '/proc';
    this.#passwdPath = options.passwdPath ?? PASSWD_PATH;
    this.#commandLines = options.commandLines ?? true;
    this.#uidFrom = options.fields === 'stat' ? 'none' : options.fields === 'pstree' ? 'owner' : 'status';
    this.#onDemand = options.details === 'on-demand';
    this.#threads = options.threads;
    this.#files = new ProcFiles(this.#root, options.longLived === true ? 1 : 2);
    this.#readAhead = options.readAhead ?? DEFAULT_READ_AHEAD;
  }

  /** Files the last scan took from its helper thread (read-ahead.ts): 0 without one. */
  get filesReadAhead(): number {
    return this.#lastTaken;
  }

  /** Stat files this backend keeps open between scans (for tests and the benchmark). */
  get keptFiles(): number {
    return this.#files.keptCount;
  }

  /** Gives back every kept file; later scans open files again by name (and may keep them again). */
  close(): void {
    this.#files.close();
  }

  /**
   * Rejects only when the process table itself cannot be listed (procRoot
   * unreadable). The scan is synchronous reading (sync reads are the fast
   * ones) in slices of at most SLICE_MS, each from a macrotask: between two
   * slices the event loop runs timers and I/O (kernel events, keys), so a scan
   * of thousands of processes on a busy machine never holds it for long. The
   * inspector queues snapshot() calls, so slices of two scans never mix.
   */
  snapshot(): Promise<Snapshot> {
    return new Promise((resolve, reject) => {
      let scan: ScanState | undefined;
      const slice = (): void => {
        try {
          scan ??= this.#beginScan();
          if (this.#readSlice(scan)) resolve(this.#endScan(scan.procs));
          else setImmediate(slice);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      setImmediate(slice);
    });
  }

  /**
   * The one scan of a command that exits after it (scan-once.ts): the same
   * records as a first snapshot(), read in one go, with nothing kept for a
   * next scan. Leaves what snapshot() keeps untouched.
   */
  snapshotOnce(): Promise<Snapshot> {
    return Promise.resolve().then(() =>
      scanOnce(this.#root, this.#facts(), this.#files, { commandLines: this.#commandLines, uidFrom: this.#uidFrom, threads: this.#threads }),
    );
  }

  async startTime(pid: number): Promise<number | undefined> {
    const fields = readStatFields(this.#root, pid);
    if (fields === undefined) return undefined;
    // A backend that has scanned knows btime; otherwise read it alone (one small file; a kill is rare).
    return startTimeMs(this.#system?.bootTimeMs ?? readBootTimeMs(this.#root), fields.startTicks);
  }

  /** One process read alone (reread.ts), for event streams between scans. */
  reread(pid: number, previous: ProcInfo | undefined): ProcInfo | undefined {
    this.#rereader ??= new ProcessRereader(this.#root, () => this.#facts(), { commandLines: this.#commandLines, uidFrom: this.#uidFrom });
    return this.#rereader.read(pid, previous);
  }

  /**
   * `pid` exec'd (Backend.programChanged): its next scan reads cmdline and status again. A scan
   * takes an unchanged comm for an unchanged program, and a program that re-execs its own binary
   * (`exec "$0" --second-stage`, a server's binary upgrade) keeps its comm: its old command line
   * stood in every table until it exited.
   */
  programChanged(pid: number): void {
    // Bounded: marks for pids no scan lists are dropped by the sweep; a flood of them starts over.
    if (this.#execed.size >= EXECED_KEPT) this.#execed.clear();
    this.#execed.add(pid);
  }

  /** Whether `pid` ignores SIGCHLD now (Backend.ignoresChildSignal): its status's SigIgn; undefined when gone or unreadable. */
  ignoresChildSignal(pid: number): boolean | undefined {
    const length = this.#files.readWhole(this.#files.status, `${this.#root}/${pid}/status`);
    return length < 0 ? undefined : signalIgnored(this.#files.status.bytes, SIGCHLD, length);
  }

  /** Whether `pid`'s environment holds `entry` (Backend.carriesEnvironment); undefined when unreadable. */
  carriesEnvironment(pid: number, entry: string): boolean | undefined {
    return environHas(this.#root, pid, entry);
  }

  /** Status and cmdline of the records not read yet among `procs` (Backend.readDetails). */
  readDetails(procs: Iterable<ProcInfo>): void {
    for (const proc of procs) {
      if (!isNotRead(proc)) continue;
      const entry = this.#cache.get(proc.pid);
      // Same pid and start time (field 22): the process the record is about, still listed.
      const read = entry !== undefined && entry.info.startTime === proc.startTime ? this.#readNow(entry, proc) : undefined;
      // Gone before it was read: its details are unknown now, no longer "not read yet".
      noteRead(proc, read ?? freezeProc({ ...proc, [NOT_READ]: undefined }));
    }
  }

  /** `proc` (the record of `entry`'s process) with status and cmdline read now; undefined when it vanished. */
  #readNow(entry: Entry, proc: ProcInfo): ProcInfo | undefined {
    // The stat the entry's record was built from: STAT's letters come from it (fields 3, 5, 6, 8, 19, 20).
    const fields = parseStatLine(entry.statCopy());
    if (fields === undefined) return undefined;
    const details = readDetails(this.#files, entry.dir, proc.args, proc.rssBytes ?? 0, this.#commandLines, proc.state, this.#uidFrom);
    if (details === undefined) return undefined;
    const own = entry.info === proc;
    const letters: StatInputs = own
      ? fields
      : {
          pid: proc.pid,
          state: proc.state ?? fields.state,
          nice: fields.nice,
          sid: proc.sid ?? fields.sid,
          threads: proc.threads ?? fields.threads,
          pgid: proc.pgid ?? fields.pgid,
          tpgid: proc.tpgid ?? fields.tpgid,
        };
    const facts = this.#facts();
    const { uid, lockedKb, rssBytes } = details;
    const read = freezeProc({
      ...proc,
      uid,
      user: uid === undefined ? undefined : facts.userName(uid),
      stat: lockedKb === undefined ? undefined : statLetters(letters, lockedKb),
      args: details.args,
      rssBytes,
      memPercent: memPercentOf(rssBytes, facts),
      [NOT_READ]: undefined,
    });
    // The entry keeps it: the next scans carry it over (or re-read status) as for any record read whole.
    if (own) {
      entry.lockedKb = lockedKb;
      entry.rssBytes = rssBytes;
      entry.info = read;
    }
    return read;
  }

  #facts(): SystemFacts {
    this.#system ??= readSystemFacts(this.#root, this.#passwdPath);
    return this.#system;
  }

  #beginScan(): ScanState {
    const names = readdirSync(this.#root);
    const generation = ++this.#generation;
    const facts = this.#facts();
    // Only a scan with nothing kept reads stat, status and cmdline of every process (a later one
    // reads one stat each), and only one that reads status (fields 'all'): with fields 'pstree' the
    // owner comes from a stat() the scan makes itself, which must not be a scan apart from the rest.
    const ahead =
      this.#cache.size === 0 && this.#uidFrom === 'status' && !this.#onDemand
        ? ReadAhead.start(this.#root, names, { status: true, cmdline: this.#commandLines }, this.#readAhead)
        : undefined;
    this.#files.beginScan(generation, facts.openFilesLimit, ahead);
    return { names, next: 0, generation, procs: new SealedMap<number, ProcInfo>() };
  }

  /** Reads pids from `scan.next` on for about SLICE_MS; true when the list is done. */
  #readSlice(scan: ScanState): boolean {
    const { names, generation, procs } = scan;
    const until = performance.now() + SLICE_MS;
    let i = scan.next;
    while (i < names.length) {
      const name = names[i] as string;
      i += 1;
      const pid = pidOf(name);
      if (pid < 0) continue;
      this.#files.visit(pid);
      const info = this.#visit(pid, name, generation);
      if (info !== undefined) procs.set(pid, info);
      // The clock is looked at every CLOCK_EVERY pids: most visits take a microsecond or two.
      if (i % CLOCK_EVERY === 0 && performance.now() > until) break;
    }
    scan.next = i;
    return i >= names.length;
  }

  #endScan(procs: SealedMap<number, ProcInfo>): Snapshot {
    this.#lastTaken = this.#files.endScan();
    const readAlone = (pid: number, previous: ProcInfo | undefined): ProcInfo | undefined => this.reread(pid, previous);
    settleReparented(procs, this.#last, readAlone);
    if (this.#lastTaken > 0) settleEarlyChildren(procs, readAlone);
    // Sweep: whatever this scan did not see is gone.
    const generation = this.#generation;
    this.#cache.forEach((entry, pid) => {
      if (entry.generation !== generation) this.#forget(pid);
    });
    // An exec mark of a pid this scan did not list: the process is gone (a new one with its pid is read whole anyway).
    for (const pid of this.#execed) if (!procs.has(pid)) this.#execed.delete(pid);
    this.#firstScanCopies = undefined;
    const threads = this.#threads === undefined ? undefined : listThreads(this.#root, procs, this.#threads === 'names');
    const snapshot = sealSnapshot(Date.now(), procs, readUptimeClock(this.#root, this.#facts().bootTimeMs), threads);
    this.#last = snapshot.procs;
    return snapshot;
  }

  /**
   * One process of a scan: its record, or undefined when it is gone or its
   * stat is malformed. (A method of its own, so the scan loop stays small for
   * the optimizing compiler, which recompiles it whenever a new path turns hot.)
   */
  #visit(pid: number, name: string, generation: number): ProcInfo | undefined {
    const entry = this.#cache.get(pid);
    const paths = entry ?? this.#pathsOf(name);
    const length = this.#files.readStat(pid, paths.statPath);
    // %CPU is ticks over the wall time between two reads of this very file: a
    // scan preempted halfway on a busy machine must not stretch one process's
    // interval and shrink another's (nor a helper thread's read, made earlier).
    const now = this.#files.statReadAt;
    if (length === GONE) {
      this.#forget(pid);
      return undefined;
    }
    if (length < 0) {
      this.#forget(pid);
      return unknownProc(pid);
    }
    const bytes = this.#files.stat.bytes;
    // Unchanged fields (1–24 and 41, the policy): nothing shown moved, no CPU was used (fields 14, 15).
    // The previous record is still exact once its %CPU reads 0.
    const execed = this.#execed.size > 0 && this.#execed.delete(pid);
    if (!execed && entry !== undefined && entry.statUnchanged(bytes, length) && entry.samePolicy(bytes, length) && !this.#argsPending(entry.info)) {
      if (entry.info.cpuPercent !== 0) entry.info = freezeProc({ ...entry.info, cpuPercent: 0 });
      entry.seenAt = now;
      entry.generation = generation;
      return entry.info;
    }
    const fields = parseStatLine(bytes, length);
    // Malformed stat text: skip the process rather than guess.
    const updated = fields === undefined ? undefined : this.#update(pid, entry, paths, fields, now, execed);
    if (updated === undefined) {
      this.#forget(pid);
      return undefined;
    }
    updated.generation = generation;
    if (updated !== entry) this.#cache.set(pid, updated);
    return updated.info;
  }

  /** Paths are built once per pid, when it is first listed. */
  #pathsOf(name: string): ProcPaths {
    const dir = `${this.#root}/${name}`;
    return { dir, statPath: `${dir}/stat` };
  }

  /**
   * The entry for a stat whose fields changed (or a pid never seen), from the
   * stat just parsed into `fields`; undefined if the process vanished
   * meanwhile, leaving `entry` as it was.
   */
  #update(pid: number, entry: Entry | undefined, paths: ProcPaths, fields: StatFields, now: number, execed = false): Entry | undefined {
    const bytes = this.#files.stat.bytes;
    const statEnd = lastParsedEnd();
    // Same start time (field 22): the same process, not a new one that reuses the pid.
    const same = entry !== undefined && entry.startTicks === fields.startTicks ? entry : undefined;
    const parts = this.#parts(paths.dir, fields, same, now, execed);
    if (parts === undefined) return undefined;
    const info = procRecord(pid, fields, parts, this.#facts());
    const updated = entry ?? new Entry(paths, info);
    updated.copyStat(bytes, statEnd, this.#firstScanCopies);
    updated.remember(fields, parts, info, now);
    return updated;
  }

  /** Everything the record takes beyond the stat fields; undefined when the process vanished. */
  #parts(dir: string, fields: StatFields, same: Entry | undefined, now: number, execed: boolean): RecordParts | undefined {
    const bytes = this.#files.stat.bytes;
    const commSame = same !== undefined && same.sameComm(bytes, fields);
    const comm = commSame ? same.info.comm : decodeRange(bytes, fields.commStart, fields.commEnd);
    // Neither an exec (comm changed, or reported: programChanged) nor a death (turned zombie): what cmdline and status said may still hold.
    const kept = commSame && !execed && !zombieChanged(same, fields) ? same : undefined;
    const details = this.#details(dir, fields, kept);
    if (details === undefined) return undefined;
    const { uid } = details;
    const facts = this.#facts();
    return {
      args: details.args,
      notRead: details.notRead === true,
      uid,
      lockedKb: details.lockedKb,
      rssBytes: details.rssBytes,
      comm,
      user: uid === undefined ? undefined : uid === same?.info.uid ? same.info.user : facts.userName(uid),
      tty: this.#tty(fields.ttyNr, facts),
      cpuPercent: cpuSince(same, fields, now),
    };
  }

  /** status and cmdline facts: carried over from `kept` when they still hold, else read. */
  #details(dir: string, fields: StatFields, kept: Entry | undefined): Details | undefined {
    if (this.#uidFrom !== 'status') return this.#statDetails(dir, fields, kept);
    // Only CPU time or state moved: status is stale when stat's rss (field 24) moved, or when the
    // process faulted pages in (fields 10, 12): field 24 sums per-CPU counters lazily (a
    // multi-threaded process's VmRSS moves while it stands still), VmRSS is the exact sum ps prints.
    if (
      kept !== undefined &&
      kept.info.uid !== undefined &&
      kept.rssPages === fields.rssPages &&
      kept.faults === fields.faults &&
      !this.#argsPending(kept.info)
    ) {
      return carriedDetails(kept);
    }
    // Unreadable status: stat's approximation is the best RSS there is.
    const statRssBytes = fields.rssPages * this.#facts().pageSize;
    if (isKernelThread(fields)) return kernelThreadDetails(statRssBytes);
    // On demand: new to the backend, exec'd or dead (no kept entry), or never asked for since.
    if (this.#onDemand && (kept === undefined || isNotRead(kept.info))) return notReadDetails(statRssBytes);
    return readDetails(this.#files, dir, kept?.info.args, statRssBytes, this.#commandLines, fields.state);
  }

  /**
   * Without status (fields 'stat' and 'pstree'): RSS is stat's field 24, VmLck
   * unknown, the uid unknown or the directory's owner, and cmdline read only when wanted and not known yet (a new
   * process, an exec, a death), so a changed stat costs no other read.
   */
  #statDetails(dir: string, fields: StatFields, kept: Entry | undefined): Details | undefined {
    const statRssBytes = fields.rssPages * this.#facts().pageSize;
    if (isKernelThread(fields)) return kernelThreadDetails(statRssBytes);
    if (kept !== undefined && !this.#argsPending(kept.info)) {
      // The owner, like status, is carried over while the process stands still (see #details).
      return { args: kept.info.args, uid: this.#uidFrom === 'owner' ? kept.info.uid : undefined, lockedKb: undefined, rssBytes: statRssBytes };
    }
    return readDetails(this.#files, dir, kept?.info.args, statRssBytes, this.#commandLines, fields.state, this.#uidFrom);
  }

  /** A live process whose command line read empty mid-exec (cmdline.ts argsAfterRead): read it again. */
  #argsPending(info: ProcInfo): boolean {
    // Not read yet is not unknown: it waits for readDetails(), not for the next scan.
    return this.#commandLines && !isNotRead(info) && info.args === undefined && info.comm !== undefined && info.state !== 'Z' && info.state !== 'X';
  }

  #forget(pid: number): void {
    this.#cache.delete(pid);
    this.#files.forget(pid);
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
