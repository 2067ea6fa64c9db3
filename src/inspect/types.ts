// The data model every layer above the backends sees. Field names follow the
// procps `ps` column they correspond to; `undefined` always means "unknown"
// (a backend that cannot know, or EACCES), never a made-up 0.
import type { OrphanEvidence } from './events/evidence.js';
import type { SchedPolicy } from './sched-policy.js';

/** One process as seen at one instant. Text fields are raw (untrusted): sanitize before display. */
export interface ProcInfo {
  readonly pid: number;
  /** PPID. 0 for PID 1 and kernel roots, as in /proc. */
  readonly ppid: number | undefined;
  readonly pgid: number | undefined;
  readonly sid: number | undefined;
  /** Terminal as `ps` names it: `pts/3`, `tty1`, or `?` for none. */
  readonly tty: string | undefined;
  /** Foreground process group of the controlling terminal; -1 when there is none (as /proc says). */
  readonly tpgid: number | undefined;
  /** The one-letter state: R S D T t Z X I W (P K on some kernels). */
  readonly state: string | undefined;
  /** STAT exactly as procps `ps` prints it, e.g. `Ss+`, `SNl`, `Z` (the ps backend: this system's ps's STAT). */
  readonly stat: string | undefined;
  /** NI. Undefined where procps prints `-`: policies the nice value has no say in (see `policy`). */
  readonly nice: number | undefined;
  /** Kernel priority as /proc/PID/stat field 18 gives it (top's PR, procps `ps -o priority`). */
  readonly priority: number | undefined;
  readonly threads: number | undefined;
  /** Scheduling policy as procps `ps -o policy` names it (TS, FF, RR, B, IDL, DLN); stat field 41. */
  readonly policy: SchedPolicy | undefined;
  /** Effective uid, as the `ps` UID column shows it. */
  readonly uid: number | undefined;
  readonly user: string | undefined;
  /** Start time in milliseconds since the Unix epoch (procfs: 10 ms steps; ps, ps-list: whole
   *  seconds). With pid, the identity of the process; compare within one backend. */
  readonly startTime: number | undefined;
  /** As top computes it: CPU time delta over wall time, 100 = one core. Undefined on first sight.
   *  (ps-list backend: ps's %CPU, CPU time over the process's lifetime — all it has.) */
  readonly cpuPercent: number | undefined;
  /** Resident set over MemTotal, in percent. */
  readonly memPercent: number | undefined;
  /** Resident set (ps RSS), in bytes. */
  readonly rssBytes: number | undefined;
  /** Virtual size (ps VSZ), in bytes. */
  readonly vszBytes: number | undefined;
  /** utime + stime, in seconds (ps TIME). */
  readonly timeSeconds: number | undefined;
  /** The kernel's short name (at most 15 bytes for user processes on Linux; kernel threads' can be longer). */
  readonly comm: string | undefined;
  /** Command line as ps shows it before escaping: arguments joined by spaces (NULs and newlines
   *  become spaces); '' when the process has none (kernel threads, zombies); undefined when unreadable. */
  readonly args: string | undefined;
}

export interface Snapshot {
  /** Wall-clock time (ms since epoch) when the scan finished. */
  readonly takenAt: number;
  readonly procs: ReadonlyMap<number, ProcInfo>;
  /**
   * The read's instant as ps counts a process's age, in ms since the epoch:
   * btime plus the kernel's uptime (/proc/uptime). btime is whole seconds, so
   * the wall clock minus a start time (ProcInfo.startTime, btime-based) is up
   * to a second longer than the age ps divides CPU time by. Undefined when the
   * backend has no uptime (ps, ps-list): takenAt stands in.
   */
  readonly uptimeClock?: number | undefined;
  /**
   * The threads of every multi-threaded process but its leader, by pid, in
   * the order /proc/PID/task lists them (InspectorOptions.threads). Present
   * only when asked for and the backend lists threads (procfs); a pid missing
   * from it has no other thread, or was gone before its threads were listed.
   */
  readonly threads?: ReadonlyMap<number, readonly ThreadInfo[]>;
}

/** One thread of a process other than its leader (the thread whose id is the pid). */
export interface ThreadInfo {
  /** The thread id: a pid of its own in /proc/PID/task (and in /proc, unlisted). */
  readonly tid: number;
  /** The thread's own name (task/TID/comm); undefined when not asked for (InspectorOptions.threads 'ids') or unreadable. */
  readonly comm: string | undefined;
}

export type BackendName = 'procfs' | 'ps' | 'ps-list';

export interface InspectorOptions {
  /** Which backend; default: procfs on Linux, ps on macOS/BSD, ps-list elsewhere. */
  readonly backend?: BackendName;
  /** Root of the proc filesystem (procfs backend); default `/proc`. Tests point it at fixtures. */
  readonly procRoot?: string;
  /**
   * Whether to read command lines (procfs: /proc/PID/cmdline, a fifth of a
   * first scan's time). Default true; false leaves every `args` undefined, for
   * a listing that never shows them (`procview tree` without --json).
   */
  readonly commandLines?: boolean;
  /**
   * Which fields beyond the command line the caller needs. 'all' (default):
   * every field. 'stat': what one read of procfs's /proc/PID/stat gives (state,
   * ids, comm, start time, threads, nice, CPU time; RSS from its field 24, which
   * the kernel sums per CPU lazily), and /proc/PID/status is never read: `uid`,
   * `user` and `stat` stay undefined, `rssBytes` is stat's figure rather than
   * VmRSS. For a reader that shows none of those (the exporter). 'pstree':
   * 'stat', and `uid` (with `user`) as pstree takes it, from the owner of the
   * /proc/PID directory: the kernel keeps that directory owned by the
   * effective uid (fs/proc/base.c task_dump_owner; only the files inside turn
   * root's when the process is not dumpable), so it is the uid status gives,
   * for one stat() instead of reading status. For `procview tree`, which orders
   * siblings by it as pstree does. Other backends give every field either way.
   */
  readonly fields?: 'all' | 'stat' | 'pstree';
  /**
   * Whether to list threads (Snapshot.threads; procfs only): 'ids' reads
   * /proc/PID/task of every process whose stat says it has more than one
   * (field 20, num_threads), 'names' also each thread's comm for its own name.
   * Default: none (`procview tree` draws them as pstree does).
   */
  readonly threads?: 'ids' | 'names';
  /**
   * Whether the caller refreshes from its very first snapshot on (the dashboard).
   * procfs keeps stat files open between scans from the second scan on, so a
   * one-shot listing holds no descriptors; a long-lived caller keeps them from
   * the first, which spares its second scan an open + close per process (the
   * first read through a new descriptor costs more than a pread of a kept one).
   * Default false.
   */
  readonly longLived?: boolean;
  /**
   * When procfs reads a user process's status and cmdline. 'all' (default):
   * in the scan, for every process. 'on-demand': a process first seen, or one
   * that exec'd or died, is listed from its stat alone and marked not read yet
   * (unread.ts: uid, user, stat and args undefined because unasked, RSS from
   * stat's field 24); `Inspector.readDetails` reads the ones the caller shows
   * or filters on, and the scans after that keep them read. For a caller that
   * shows a few rows of thousands (the dashboard); one-shot listings and
   * `snapshot()` of the library read everything. Other backends give every
   * field either way.
   */
  readonly details?: 'all' | 'on-demand';
}

export interface Inspector {
  readonly backend: BackendName;
  snapshot(): Promise<Snapshot>;
  /** The backend's re-read of one process between scans (Backend.reread); absent where it has none. */
  readonly reread?: (pid: number, previous: ProcInfo | undefined) => ProcInfo | undefined;
  /** Reads the details of those records that were not read yet (Backend.readDetails); absent where records are always whole. */
  readonly readDetails?: (procs: Iterable<ProcInfo>) => void;
  /** Whether a process ignores SIGCHLD now (Backend.ignoresChildSignal); absent where it cannot be read. */
  readonly ignoresChildSignal?: (pid: number) => boolean | undefined;
  /** Whether a process's environment holds an entry (Backend.carriesEnvironment); absent where it cannot be read. */
  readonly carriesEnvironment?: (pid: number, entry: string) => boolean | undefined;
  /** Tells the backend a process exec'd (Backend.programChanged); absent where nothing is kept between scans. */
  readonly programChanged?: (pid: number) => void;
  /** Gives back what the inspector keeps open (procfs keeps stat files open between refreshes).
   *  Optional to call: a dropped inspector releases them when garbage-collected. */
  close(): void;
}

/** Who adopted an orphan: PID 1 (`init`) or another ancestor marked as child subreaper. */
export type Adopter = 'init' | 'subreaper';

/** How an event became known: the kernel's process events connector, the fast scoped polling of a
 *  subtree, a comparison of two scans, or the parent's own wait (the program `procview run`
 *  started). Absent: a scan (what diffSnapshots alone reports). */
export type EventSource = 'kernel' | 'polling' | 'scan' | 'waitpid';

interface EventBase {
  /** takenAt of the snapshot in which the change was seen (kernel events: when the kernel reported it). */
  readonly at: number;
  readonly pid: number;
  /** comm of the process the event is about (raw; sanitize before display). */
  readonly comm: string | undefined;
  readonly source?: EventSource;
  /**
   * Set when the transition itself was not seen and the event is what the evidence shows, in words
   * (e.g. `first seen already adopted by 1; its process group 6654 has no leader any more`).
   */
  readonly inferred?: string;
  /** The same evidence as data, so a sentence can say it in the reader's language. */
  readonly evidence?: OrphanEvidence;
}

/** How a process ended, from the wait status the kernel reported (PROC_EVENT_EXIT exit_code). */
export interface ExitStatus {
  /** WEXITSTATUS when it exited normally; undefined when a signal ended it. */
  readonly code: number | undefined;
  /** The signal that ended it (`SIGKILL`), or its number when it has no name here. */
  readonly signal: string | undefined;
  /** WCOREDUMP: a core was dumped. */
  readonly coreDumped: boolean;
}

export type ProcEvent =
  | (EventBase & { readonly kind: 'spawn'; readonly ppid: number | undefined })
  /** `status`: known only from the kernel (or for the program `procview run` started). */
  | (EventBase & { readonly kind: 'exit'; readonly ppid: number | undefined; readonly status?: ExitStatus })
  /** Became Z; `ppid` is the parent that has not reaped it yet. */
  | (EventBase & { readonly kind: 'zombie'; readonly ppid: number | undefined; readonly status?: ExitStatus })
  /** A zombie disappeared, or a process never read as one was released (`inferred` then says how it is
   *  known): reaped by `by` (its parent at the last sight). With the reaper unseen
   *  (`by` undefined) and that parent gone in the same moment, `lastParent` names it: the reaper
   *  is it (before its exit) or its adopter (after), said as inferred. */
  | (EventBase & {
      readonly kind: 'reap';
      readonly by: number | undefined;
      readonly lastParent?: number;
      readonly status?: ExitStatus;
      /** Reaped by the kernel itself at exit (never a zombie) because this parent ignores SIGCHLD; `by` is undefined. */
      readonly kernelReapedFor?: number;
      /** Released as it exited, before the kernel reported the exit: by this parent's wait() then, or by
       *  the kernel if this parent set SA_NOCLDWAIT (not seen which); `by` is undefined. */
      readonly releasedFor?: number;
      /** With releasedFor: that parent had exited too and was not read (its SIGCHLD disposition unknown); its adopter may have released it. */
      readonly parentGone?: true;
    })
  /** PPID changed. `orphaned` when the old parent is gone; then `adopter` names who took it.
   *  `from` is undefined for an inferred orphan whose parent was never seen. */
  | (EventBase & {
      readonly kind: 'reparent';
      readonly from: number | undefined;
      readonly to: number | undefined;
      readonly orphaned: boolean;
      readonly adopter: Adopter | undefined;
    })
  | (EventBase & {
      readonly kind: 'exec';
      readonly fromComm: string | undefined;
      readonly fromArgs: string | undefined;
      readonly args: string | undefined;
      /** Set when the program was not read from the process itself: `comm` is the name this child
       *  of it was forked with after the exec (fork copies the name; explain.ts namesFromChildren). */
      readonly nameFrom?: number;
    })
  /** Stopped: STAT T (a signal: SIGCONT resumes it), or `traced`: STAT t (its tracer stopped it; ptrace resumes it, SIGCONT does not). */
  | (EventBase & { readonly kind: 'stop'; readonly traced?: true })
  | (EventBase & { readonly kind: 'continue' })
  | (EventBase & { readonly kind: 'renice'; readonly from: number | undefined; readonly to: number | undefined })
  /** The process's name (comm) changed without an exec: prctl(PR_SET_NAME) by its main thread, or a
   *  write to /proc/PID/comm (the kernel's PROC_EVENT_COMM). `comm` is the new name, `from` the old. */
  | (EventBase & { readonly kind: 'rename'; readonly from: string | undefined });

export type ProcEventKind = ProcEvent['kind'];

export interface TreeNode {
  readonly proc: ProcInfo;
  readonly children: readonly TreeNode[];
}
