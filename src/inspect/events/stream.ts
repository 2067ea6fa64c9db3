// The event stream: periodic full scans merged with what happens in between.
// With the kernel source, every batch of kernel events makes the stream
// re-read the processes it names (and the children of those that exited, which
// the kernel has just reparented), so the next frame shows the new row, its
// parent after adoption, its Z state. Without it, the scoped tracker follows a
// known subtree at a few-millisecond pace. Each step — full scan or re-read —
// is diffed against the table before it and explained with the kernel's facts
// (explain.ts), so events are never invented: what the kernel said, what a
// read showed, or an inference that says so (infer.ts).
// Frames are immutable; a step's events go into the next frame, sent at most
// every FRAME_GAP_MS, and a full scan always sends one.
import { release } from 'node:os';
import { performance } from 'node:perf_hooks';
import { diffReread, diffSnapshots, parentIsGone } from '../diff.js';
import { sameProcess } from '../identity.js';
import { createInspector } from '../inspector.js';
import { freezeProc, SealedMap, sealSnapshot } from '../snapshot.js';
import { isDeadZombie } from '../thread-group.js';
import type { ExitStatus, Inspector, ProcEvent, ProcInfo, Snapshot } from '../types.js';
import { continuedBeforeExit, explainStep, type Program } from './explain.js';
import { execName } from './exec-name.js';
import { type ExitFact, FactBook, NO_FACTS } from './facts.js';
import { inferOrphans, reapedUnseen } from './infer.js';
import { placeAmong } from './place.js';
import type { KernelEvent } from './kernel-event.js';
import { ScopedTracker, type TrackerReads } from './scoped-tracker.js';
import type { EventsChoice } from './choose.js';

/** Frames from re-read steps are at most this often (a full scan's frame is sent at once). */
export const FRAME_GAP_MS = 20;
/** How long exitReported remembers a kernel exit. */
const EXIT_MEMORY_MS = 10_000;
/** Re-read steps for kernel batches are at least this far apart (#scheduleStep). */
const STEP_GAP_MS = 8;
/** The scoped tracker's pace (polling source). */
export const TRACK_INTERVAL_MS = 5;
/**
 * Older kernels report an exit before they hand the children to their adopter
 * (their do_exit calls the connector before exit_notify; current ones call it
 * after, and the process already reads Z): a process reported exiting is read
 * again every EXIT_RETRY_MS until it reads dead, for at most this long.
 */
const EXIT_WATCH_MS = 200;
const EXIT_RETRY_MS = 2;
/**
 * How long a frame waits for the exit status of a process read dead before its kernel event came,
 * and for the lines of a forker carried to the next step (#advance).
 */
const STATUS_HOLD_MS = 60;
/** Then, loop turns that still bring kernel batches are waited for (#emitAfterPendingBatches), at most this many. */
const STATUS_TURNS = 20;
/** After a scan, kernel batches are taken in until none came for DRAIN_QUIET_MS, at most DRAIN_TURNS times. */
const DRAIN_TURNS = 10;
const DRAIN_QUIET_MS = 4;
/** Steps look at the table's zombies at most this often, at most this many per look (#lookAtZombies). */
const ZOMBIE_LOOK_MS = 50;
const ZOMBIE_LOOK_MAX = 32;
/**
 * While the table holds zombies or stopped processes, or the caller follows a scope, those are read
 * this often between steps (#look): a reap, a stop, a continue and a renice come with no kernel event.
 */
const LOOK_MS = 50;
/** A tracked subtree is busy for this long after it last changed (#scheduleTrack). */
const TRACK_BUSY_MS = 1000;
/** The tracker follows subtrees up to this many processes. */
export const TRACK_LIMIT = 200;
/**
 * This often, the tracker reads the watched processes' stat too: what a children list does not
 * show (exit, zombie, exec, nice). Forks are looked for every tick. While the subtree is busy,
 * every STAT_BUSY_MS; once quiet, every STAT_QUIET_MS: a stat pass over 50 processes costs as
 * much as a few dozen quiet ticks (bench:events' tracker section), and a zombie or an exec stays
 * in view anyway (the full scan shows it within intervalMs at the latest).
 */
const STAT_BUSY_MS = 100;
const STAT_QUIET_MS = 500;

export interface WatchFrame {
  readonly seq: number;
  /** performance.now() when the full scan this frame's table rests on began. */
  readonly begunAt: number;
  readonly snapshot: Snapshot;
  readonly previous: Snapshot | undefined;
  /** The events since the previous frame, in the order they were established; a later step's earlier ones go among them by time (#place). */
  readonly events: readonly ProcEvent[];
  readonly source: 'kernel' | 'polling';
  /** Kernel events lost (ENOBUFS) since the stream started: each loss was followed by a full scan. */
  readonly lost: number;
  /**
   * Processes that appeared and vanished between two frames: their last record (or, when no read
   * caught them, what the kernel said: pid, parent, name), so a view can still show them briefly.
   */
  readonly glimpses: ReadonlyMap<number, ProcInfo>;
  /**
   * Processes new to this frame's table whose environment holds StreamOptions.kinEntry, in pid
   * order; absent without one. A descendant inherits the entry, so one that left its parent before
   * any read (polling sees no fork) still shows where it comes from.
   */
  readonly kin?: readonly number[];
}

/** New processes looked at for StreamOptions.kinEntry per frame, at most (one file read each). */
const KIN_READS_PER_FRAME = 256;

export interface StreamOptions {
  readonly intervalMs: number;
  readonly procRoot?: string;
  /** Roots of the subtree the polling tracker follows (read every tick); none: no tracker. */
  readonly roots?: () => Iterable<number>;
  readonly trackIntervalMs?: number;
  /** How long a frame waits for an exit status or a carried forker's lines; default STATUS_HOLD_MS. */
  readonly holdMs?: number;
  /** How often the table's zombies and stopped processes, and the roots, are read between steps (#look); default LOOK_MS. */
  readonly lookIntervalMs?: number;
  /** Whether exit events name the parent; default: this kernel's release says (namesExitParents). */
  readonly exitsNameParents?: boolean;
  readonly inspector?: Inspector;
  /** `NAME=value`: the frame's `kin` are the new processes whose environment holds it (procview run's token). */
  readonly kinEntry?: string;
}

/** What a look steps on (#look): a stop or continue, a zombie, a renice; not a running process's R and S, which say nothing. */
function lookedChange(last: ProcInfo, now: ProcInfo): boolean {
  const stopped = (proc: ProcInfo): boolean => proc.state === 'T' || proc.state === 't';
  if (stopped(last) !== stopped(now)) return true;
  // A Zl leader read Z with no other thread (isDeadZombie): its last thread ended, the process with it.
  if (last.state === 'Z' || now.state === 'Z') return last.state !== now.state || isDeadZombie(last) !== isDeadZombie(now);
  return now.nice !== last.nice;
}

/** Whether two watched sets hold the same pids. */
function samePids(a: ReadonlyMap<number, unknown>, b: ReadonlyMap<number, unknown> | undefined): boolean {
  if (a === b) return true;
  if (b === undefined || a.size !== b.size) return false;
  for (const pid of a.keys()) if (!b.has(pid)) return false;
  return true;
}

/** Whether `pids` yields exactly `list`, in its order. */
function sameOrder(list: readonly number[], pids: Iterable<number>): boolean {
  let i = 0;
  for (const pid of pids) {
    if (list[i] !== pid) return false;
    i += 1;
  }
  return i === list.length;
}

export class EventStream {
  readonly choice: EventsChoice;
  readonly #options: StreamOptions;
  /** New processes not looked at for StreamOptions.kinEntry yet (#kin), oldest first. */
  #kinWaiting: number[] = [];
  readonly #inspector: Inspector;
  readonly #ownInspector: boolean;
  readonly #onFrame: (frame: WatchFrame) => void;
  readonly #onError: (error: unknown) => void;
  readonly #tracker: ScopedTracker | undefined;
  readonly #book = new FactBook();
  /** Programs procview started, until their first exec is reported (explain.ts StartedPrograms). */
  readonly #started = new Map<number, Program>();
  /** Processes this process reaped itself (noteExit: its waitpid returned) → when: their reap is seen, not inferred. */
  readonly #ownReaps = new Map<number, { readonly at: number; readonly status: ExitStatus }>();
  #current: Snapshot | undefined;
  #lastFrame: Snapshot | undefined;
  #lastFrameAt = 0;
  readonly #pending = new Set<number>();
  /** pid → performance.now() of its last re-read by a step (cleared at each scan). */
  readonly #touched = new Map<number, number>();
  /** Processes the kernel reported exiting, until a read shows them dead (then their children are read). */
  readonly #exiting = new Map<number, number>();
  #events: ProcEvent[] = [];
  #glimpses = new Map<number, ProcInfo>();
  #changed = false;
  #lost = 0;
  /** #lost at the last scan; and the newcomers that scan held back for their fork event (#announced). */
  #lostAtScan = 0;
  #held = new Set<number>();
  #seq = 0;
  #closed = false;
  #scanning = false;
  #resync = false;
  #scanTimer: NodeJS.Timeout | undefined;
  #stepTimer: NodeJS.Timeout | undefined;
  #lookTimer: NodeJS.Timeout | undefined;
  /** Where the next look starts among the waiting processes, when they are more than ZOMBIE_LOOK_MAX (#look). */
  #lookTurn = 0;
  #frameTimer: NodeJS.Timeout | undefined;
  /** What the frame #frameTimer waits to send was scheduled with. */
  #frameBegunAt = 0;
  #frameAlways = false;
  #trackTimer: NodeJS.Timeout | undefined;
  /** performance.now() of the tracker's last stat pass. */
  #statPassAt = Number.NEGATIVE_INFINITY;
  #lastStepAt = Number.NEGATIVE_INFINITY;
  /** pid → when its kernel exit event was taken in (exitReported). */
  readonly #kernelExits = new Map<number, { readonly at: number; readonly batch: number }>();
  /** #batches when the table last took the facts in (#advance), and when a frame last carried them (#emit). */
  #advancedBatch = 0;
  #emittedBatch = 0;
  /** When the tracked subtree last changed (#scheduleTrack), and the watched set of the last tick. */
  #trackBusyAt = 0;
  #lastWatched: ReadonlyMap<number, number | undefined> | undefined;
  #scanBegunAt = 0;
  /** pid → index in #events of a zombie or exit event still without its exit status. */
  readonly #awaitingStatus = new Map<number, number>();
  /** Of those, the ones last read stopped (their record then): an exit code says they were continued first. */
  readonly #stoppedAwaiting = new Map<number, ProcInfo>();
  /** Forkers carried to the next step (in no table, exit not taken in) of children this frame already names (#advance). */
  readonly #awaitingForkers = new Set<number>();
  /** Parents of children this frame says orphaned whose own exit is not taken in yet (#advance). */
  readonly #awaitingParentExits = new Set<number>();
  #holdUntil = 0;
  #batches = 0;
  /** While a step looks at what came in after its reads (#execsReadAhead): the batches, taken in after it. */
  #deferred: [readonly KernelEvent[], number][] | undefined;
  /** Whether exit events name the parent (#markReleases): from Linux 4.17 (the exit event's
   *  parent_pid), or once one has here. */
  #exitsNameParents: boolean;
  /** When a step last looked at the table's zombies, and where the next look starts (#lookAtZombies). */
  #zombiesLookedAt = Number.NEGATIVE_INFINITY;
  #zombieTurn = 0;
  #watched: { of: Snapshot; roots: readonly number[]; pids: Map<number, number | undefined> } | undefined;
  /** pid → performance.now() since its new parent has been held back (#earlyAdoptions). */
  readonly #adoptionHeld = new Map<number, number>();

  constructor(choice: EventsChoice, options: StreamOptions, onFrame: (frame: WatchFrame) => void, onError: (error: unknown) => void) {
    this.choice = choice;
    this.#options = options;
    this.#onFrame = onFrame;
    this.#onError = onError;
    this.#ownInspector = options.inspector === undefined;
    this.#exitsNameParents = options.exitsNameParents ?? namesExitParents(release());
    this.#inspector = options.inspector ?? createInspector(options.procRoot === undefined ? {} : { procRoot: options.procRoot });
    // The tracker's sightings are read by the backend (Backend.reread); without it, full scans only.
    const rereads = this.#inspector.reread !== undefined;
    const kernel = choice.source === 'kernel' ? choice.kernel : undefined;
    this.#tracker = rereads && kernel === undefined && options.roots !== undefined ? new ScopedTracker(options.procRoot) : undefined;
    kernel?.onBatch((batch, lost) => this.#onBatch(batch, lost));
    void this.#scan();
    if (this.#tracker !== undefined) this.#scheduleTrack();
  }

  /** What the scoped tracker has read so far (undefined: no tracker), for bench:events' cost figures. */
  get trackerReads(): TrackerReads | undefined {
    return this.#tracker?.reads;
  }

  get source(): 'kernel' | 'polling' {
    return this.choice.source;
  }

  /**
   * Whether the kernel has reported the exit of `pid` (at or after `since`, ms since the epoch) and a
   * frame has carried what was taken in with it: the kernel's events come in the order they were
   * sent, so every fork before that exit is in that frame or an earlier one. Always true with the
   * polling source.
   */
  exitReported(pid: number, since: number): boolean {
    if (this.choice.source !== 'kernel') return true;
    const exit = this.#kernelExits.get(pid);
    return exit !== undefined && exit.at >= since && exit.batch <= this.#emittedBatch;
  }

  /**
   * A process procview started with execve(command, [command, ...args]) (procview run): its first
   * exec is named so, even when no read caught the program. Call it as soon as the pid is known.
   */
  noteProgram(pid: number, command: string, args: readonly string[]): void {
    this.#started.set(pid, { comm: execName(command), args: [command, ...args].join(' ') });
  }

  /** The exit status of a process learnt from waitpid (the program `procview run` started). */
  noteExit(pid: number, status: ExitStatus, at = Date.now()): void {
    this.#book.addExit(pid, { at, status, parent: process.pid });
    this.#ownReaps.set(pid, { at, status });
    this.#pending.add(pid);
    this.#scheduleStep();
  }

  /** A full scan now, or right after the one under way: for a consumer that looks on demand (a lesson). */
  scanNow(): void {
    if (!this.#closed) this.#requestScan();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [this.#scanTimer, this.#stepTimer, this.#frameTimer, this.#lookTimer]) clearTimeout(timer);
    clearTimeout(this.#trackTimer);
    this.#tracker?.close();
    if (this.choice.source === 'kernel') this.choice.kernel.close();
    if (this.#ownInspector) this.#inspector.close();
  }

  /** A step that throws is a bug to report, not a reason to stop the stream. */
  #guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (!this.#closed) this.#onError(error);
    }
  }

  #onBatch(batch: readonly KernelEvent[], lost: number): void {
    if (this.#closed) return;
    if (this.#deferred !== undefined) {
      this.#deferred.push([batch, lost]);
      return;
    }
    this.#batches += 1;
    const exited = new Set<number>();
    const parents = new Set<number>();
    this.#book.absorb(batch, this.#pending, exited, parents);
    const programChanged = this.#inspector.programChanged;
    if (programChanged !== undefined) for (const event of batch) if (event.kind === 'exec') programChanged(event.tgid);
    this.#readExeced(batch, exited);
    this.#markReleases(exited);
    // A parent is read for its fork only when the table has no record of it yet (the explanation names it).
    const current = this.#current;
    for (const pid of parents) if (current?.procs.has(pid) !== true) this.#pending.add(pid);
    for (const pid of exited) this.#lateStatus(pid);
    // For exitReported: kept for EXIT_MEMORY_MS (pruned at each scan).
    const now = Date.now();
    for (const pid of exited) this.#kernelExits.set(pid, { at: now, batch: this.#batches });
    const until = performance.now() + EXIT_WATCH_MS;
    for (const pid of exited) this.#exiting.set(pid, until);
    if (lost > 0) {
      // What was lost is not invented: a full scan shows where things stand now.
      this.#lost += lost;
      this.#requestScan();
    }
    this.#scheduleStep();
  }

  /**
   * The program of each process that exec'd in `batch`, read now: the step
   * reads up to STEP_GAP_MS later, by when a short program (a child that execs
   * echo, a fork-and-wait parent) is gone, its exec unnamed and a scope by name
   * blind to it. Only a name for the exec (explain.ts programRead): the table is
   * still read by the step, after the events that lead to it. One gone by now,
   * or whose exit is in the batch, has the name the addon read as it took the
   * exec out of the socket (KernelEvent exec.program), without its command line:
   * a program that lives a millisecond or two ends before a batch is handed over.
   */
  #readExeced(batch: readonly KernelEvent[], exited: ReadonlySet<number>): void {
    const reread = this.#inspector.reread;
    // The addon's read as it took the exec out of the socket (its name only), the last of each pid.
    const early = new Map<number, { readonly comm: string; readonly at: number }>();
    for (const event of batch) if (event.kind === 'exec' && event.program !== undefined) early.set(event.tgid, event.program);
    const execed = new Set<number>();
    for (const event of batch) if (event.kind === 'exec') execed.add(event.tgid);
    for (const pid of execed) {
      // The command line too, while it runs; one whose exit is in the batch has nothing left to read.
      const record = reread === undefined || exited.has(pid) ? undefined : reread(pid, undefined);
      if (record !== undefined && record.state !== 'Z' && record.state !== 'X') {
        this.#book.addProgramRead(pid, { comm: record.comm, args: record.args, at: Date.now() });
        continue;
      }
      const program = early.get(pid);
      if (program !== undefined) this.#book.addProgramRead(pid, { comm: program.comm, args: undefined, at: program.at });
    }
  }

  /**
   * Who released each process that exited, where the parent's SIGCHLD says: a parent that ignores
   * it (its SigIgn, read now) has the kernel reap its children itself (exit_notify autoreap; for a
   * process whose other threads outlived its main one, at the last one's end), whether or not the
   * exit named it. An exit that named no parent, where exits do name theirs, was released before
   * the report (cn_proc.c pid_alive): by the parent's wait() at that moment, or by the kernel for a
   * parent with SA_NOCLDWAIT (which /proc does not show). The parent is the one the exit named,
   * else the forker the book knows, else the table's. One read per parent and batch.
   */
  #markReleases(exited: ReadonlySet<number>): void {
    const ignores = this.#inspector.ignoresChildSignal;
    if (ignores === undefined) return;
    const answers = new Map<number, boolean | undefined>();
    for (const pid of exited) {
      const named = this.#book.exitOf(pid)?.parent;
      if (named !== undefined) this.#exitsNameParents = true;
      const parent = named ?? this.#book.forkParent(pid) ?? this.#current?.procs.get(pid)?.ppid;
      if (parent === undefined || parent <= 0) continue;
      // Released before its report, its parent (forker or table) gone too: that parent's SigIgn can no
      // longer be read. It released the child, or, had it exited first, the adopter did (the kernel
      // sends a child's report after waking its parent, which may exit and report first).
      // An exit of the parent's pid from before the child was forked was another process's (a pid used again).
      const born = this.#book.forkAt(pid) ?? this.#current?.procs.get(pid)?.startTime ?? Number.NEGATIVE_INFINITY;
      const parentExit = this.#book.exitOf(parent)?.at ?? this.#kernelExits.get(parent)?.at;
      if (named === undefined && parentExit !== undefined && parentExit >= born) {
        if (this.#exitsNameParents) this.#book.markRelease(pid, { releasedFor: parent, parentGone: true });
        continue;
      }
      if (!answers.has(parent)) answers.set(parent, ignores(parent));
      const answer = answers.get(parent);
      if (answer === true) this.#book.markRelease(pid, { kernelReapedFor: parent });
      else if (answer === false && named === undefined && this.#exitsNameParents) this.#book.markRelease(pid, { releasedFor: parent });
    }
  }

  /**
   * A scan's table proves no reap: it listed /proc before some of the exits it is explained with (a
   * process forked after the listing is merely absent). So the processes absent from it whose exit
   * names a parent are read once more now, after those exits were taken in, and those gone get the
   * same proof as in a step (#proveReaps): their parent read alive after them, or not.
   */
  #proveScanReaps(table: Snapshot): void {
    const reread = this.#inspector.reread;
    if (reread === undefined) return;
    const gone = new Map<number, number>();
    for (const [pid, exit] of this.#book.exitEntries()) {
      if (exit.parent !== undefined && !table.procs.has(pid) && reread(pid, undefined) === undefined) gone.set(pid, exit.parent);
    }
    this.#proveGone(gone, (parent) => reread(parent, table.procs.get(parent)));
  }

  /**
   * Processes this step read gone after their exit was taken in (never read as zombies), and the
   * parent each exit named, read once more after all of them (#proveGone).
   */
  #proveReaps(done: ReadonlySet<number>, procs: ReadonlyMap<number, ProcInfo>, read: (pid: number, again: boolean) => void): void {
    const gone = new Map<number, number>();
    for (const pid of done) {
      const parent = this.#book.exitOf(pid)?.parent;
      if (parent !== undefined && !procs.has(pid)) gone.set(pid, parent);
    }
    this.#proveGone(gone, (parent) => {
      read(parent, true);
      return procs.get(parent);
    });
  }

  /**
   * `gone`: processes read gone after their exit was taken in → the parent their exit named; each
   * parent is read once (`readParent`), after them. Alive then, it was still their parent when they
   * went (only its own exit hands children on), so it reaped them; read dead or gone, it may have
   * left them to an adopter (explain.ts reapedUnseen).
   */
  #proveGone(gone: ReadonlyMap<number, number>, readParent: (pid: number) => ProcInfo | undefined): void {
    const alive = new Map<number, boolean>();
    for (const parent of new Set(gone.values())) {
      const record = readParent(parent);
      alive.set(parent, record !== undefined && record.state !== 'Z' && record.state !== 'X');
    }
    for (const [pid, parent] of gone) this.#book.addReadGone(pid, alive.get(parent) === true ? parent : undefined);
  }

  /** An exit status for an event of the coming frame that was found without it. */
  #lateStatus(pid: number): void {
    const index = this.#awaitingStatus.get(pid);
    const event = index === undefined ? undefined : this.#events[index];
    const fact = this.#book.exitOf(pid);
    // A main thread's end alone is not the process's (ExitFact.leaderAlone): its last thread's report is awaited.
    if (index === undefined || fact === undefined || fact.leaderAlone === 'main' || (event?.kind !== 'zombie' && event?.kind !== 'exit')) return;
    if (fact.leaderAlone === 'thread') {
      // A thread's report: the last one's, or one that ended alone before it. The latest stands, and
      // the line still waits out the hold for a later one (#awaitingStatus is cleared as it goes out).
      this.#events[index] = { ...event, at: fact.at, status: fact.status, source: 'kernel' };
      return;
    }
    const at = Math.min(event.at, fact.at);
    this.#events[index] = { ...event, at, status: fact.status, source: 'kernel' };
    this.#awaitingStatus.delete(pid);
    const last = this.#stoppedAwaiting.get(pid);
    this.#stoppedAwaiting.delete(pid);
    // Before the first line of it since its stop (an exec, a child it forked), else its exit line.
    let stop = -1;
    this.#events.forEach((e, k) => {
      if (k < index && e.pid === pid && e.kind === 'stop') stop = k;
    });
    const first = this.#events.findIndex((e, k) => k > stop && k <= index && (e.pid === pid || (e.kind === 'spawn' && e.ppid === pid)));
    const place = first < 0 ? index : first;
    const resumed = continuedBeforeExit(pid, last, fact, false, event.comm, Math.min(at, this.#events[place]?.at ?? at));
    if (resumed !== undefined) this.#insertEvent(place, resumed);
    if (event.kind === 'exit') {
      const exitAt = this.#events.findIndex((e, k) => k >= index && e.pid === pid && e.kind === 'exit');
      const reap = this.#lateReap(pid, event.comm, fact);
      if (reap !== undefined && exitAt >= 0) this.#insertEvent(exitAt + 1, reap);
    }
    this.#endHold();
  }

  /** `event` at `place` among the coming frame's events: the lines from there on, and their places, move down by one. */
  #insertEvent(place: number, event: ProcEvent): void {
    this.#events.splice(place, 0, event);
    this.#awaitingStatus.forEach((later, other) => {
      if (later >= place) this.#awaitingStatus.set(other, later + 1);
    });
  }

  /**
   * The reap of a process a step read gone before its exit report came in (its exit line went out
   * waiting for the status): inferred as a step infers it (infer.ts reapedUnseen), now that the
   * report says who its parent was. That parent is read now, after the child was found gone: alive,
   * it reaped the child; dead, it or its adopter did. A release at exit (SIGCHLD ignored, no parent
   * named) was learnt as the report came in (#markReleases).
   */
  #lateReap(pid: number, comm: string | undefined, fact: ExitFact): ProcEvent | undefined {
    const current = this.#current;
    if (current === undefined || current.procs.has(pid)) return undefined;
    const parent = fact.parent;
    const reread = this.#inspector.reread;
    let readGone: Map<number, number | undefined> | undefined;
    if (fact.kernelReapedFor === undefined && fact.releasedFor === undefined && parent !== undefined && reread !== undefined) {
      const record = reread(parent, current.procs.get(parent));
      const before = current.procs.get(parent);
      const alive = record !== undefined && record.state !== 'Z' && record.state !== 'X' && (before === undefined || sameProcess(before, record));
      readGone = new Map([[pid, alive ? parent : undefined]]);
    }
    const parentExit = parent === undefined ? undefined : this.#book.exitOf(parent);
    const facts = { ...NO_FACTS, readGone, exits: parent === undefined || parentExit === undefined ? new Map() : new Map([[parent, parentExit]]) };
    return reapedUnseen({ pid, comm }, fact, { ...current, takenAt: Date.now() }, facts);
  }

  #requestScan(): void {
    if (this.#scanning) {
      this.#resync = true;
      return;
    }
    clearTimeout(this.#scanTimer);
    void this.#scan();
  }

  async #scan(): Promise<void> {
    if (this.#closed) return;
    this.#scanning = true;
    const begunAt = performance.now();
    const forgetBefore = Date.now() - EXIT_MEMORY_MS;
    this.#kernelExits.forEach((exit, pid) => {
      if (exit.at < forgetBefore) this.#kernelExits.delete(pid);
    });
    try {
      const scanned = await this.#inspector.snapshot();
      const readBy = performance.now();
      // Kernel batches for what the scan's last slice read (an exit, before the Z it saw) may wait
      // in the socket, and the addon reads a bounded number of datagrams per turn.
      // Turns of the event loop let them in first, until one brings nothing (libuv polls I/O
      // before it runs the next setImmediate), so the diff below is explained with them.
      if (this.choice.source === 'kernel') {
        // The addon also spaces batches a few ms apart: wait until a short quiet spell, bounded.
        for (let turn = 0; turn < DRAIN_TURNS; turn += 1) {
          const before = this.#batches;
          await new Promise((resolve) => setTimeout(resolve, DRAIN_QUIET_MS));
          if (this.#batches === before) break;
        }
      }
      if (this.#closed) return;
      const table = this.#announced(this.#newerReads(scanned, begunAt, readBy));
      if (this.#current !== undefined) this.#proveScanReaps(table);
      this.#advance(this.#current === undefined ? table : this.#earlyAdoptions(this.#current, table));
      this.#scanBegunAt = begunAt;
      this.#scheduleFrame(begunAt, true);
    } catch (error) {
      if (!this.#closed) this.#onError(error);
    } finally {
      this.#scanning = false;
    }
    if (this.#closed) return;
    if (this.#resync) {
      this.#resync = false;
      this.#scanTimer = setTimeout(() => void this.#scan(), 0);
      return;
    }
    const wait = Math.max(0, this.#options.intervalMs - (performance.now() - begunAt));
    this.#scanTimer = setTimeout(() => void this.#scan(), wait);
  }

  /**
   * The scan's table, except for the pids a step re-read since the scan began (the scan yields
   * between slices, and kernel batches are taken in after it): a stale row must not bring back a
   * process already reported gone, so the step's record stands. A step's read during the scan may
   * be older than the scan's own read of that pid, so those pids are read once more at the next step.
   */
  #newerReads(scanned: Snapshot, begunAt: number, readBy: number): Snapshot {
    const current = this.#current;
    const newer: number[] = [];
    this.#touched.forEach((at, pid) => {
      if (at <= begunAt) return;
      newer.push(pid);
      if (at <= readBy) this.#pending.add(pid);
    });
    this.#touched.clear();
    if (current === undefined || newer.length === 0) return scanned;
    if (this.#pending.size > 0) this.#scheduleStep();
    const procs = new SealedMap<number, ProcInfo>();
    scanned.procs.forEach((proc, pid) => procs.set(pid, proc));
    for (const pid of newer) {
      const proc = current.procs.get(pid);
      if (proc === undefined) procs.delete(pid);
      else procs.set(pid, proc);
    }
    return sealSnapshot(scanned.takenAt, procs);
  }

  /**
   * The scan's table without the processes new to it whose fork the kernel has not reported yet
   * (kernel source): a child is in /proc a moment before copy_process() sends its fork event, and
   * a forker preempted in between (a busy machine) sends it milliseconds later. Shown at once, such
   * a child would have no known parent ("first seen under 1"); held back, it comes in with its fork
   * event's step. Held for one scan at most (a fork event lost without a loss count must not hide a
   * process), and not at all after a loss, when the scan resynchronises.
   */
  #announced(table: Snapshot): Snapshot {
    const current = this.#current;
    const before = this.#held;
    this.#held = new Set();
    const lostSince = this.#lost !== this.#lostAtScan;
    this.#lostAtScan = this.#lost;
    if (this.choice.source !== 'kernel' || current === undefined || lostSince) return table;
    table.procs.forEach((_proc, pid) => {
      if (!current.procs.has(pid) && !before.has(pid) && !this.#book.hasFork(pid)) this.#held.add(pid);
    });
    if (this.#held.size === 0) return table;
    const procs = new SealedMap<number, ProcInfo>();
    table.procs.forEach((proc, pid) => {
      if (!this.#held.has(pid)) procs.set(pid, proc);
    });
    return sealSnapshot(table.takenAt, procs);
  }

  #scheduleStep(): void {
    if (this.#stepTimer !== undefined || this.#closed) return;
    // One step for all the batches that arrive in the same turn of the event loop, and at most one
    // every STEP_GAP_MS: each step copies and diffs the whole table, and a busy machine sends batches
    // every few milliseconds.
    const wait = Math.max(0, this.#lastStepAt + STEP_GAP_MS - performance.now());
    this.#stepTimer = setTimeout(() => {
      this.#stepTimer = undefined;
      this.#guarded(() => this.#step());
    }, wait);
  }

  /** Re-reads the pending pids (and the children of any that exited), then diffs. */
  #step(): void {
    const current = this.#current;
    // The backend reads a named process alone (Backend.reread), where it can.
    const reread = this.#inspector.reread;
    if (current === undefined || this.#closed) return;
    if (reread === undefined) {
      // No per-process reads on this platform: a full scan answers instead.
      if (this.#pending.size > 0) this.#requestScan();
      this.#pending.clear();
      return;
    }
    // The step's time is set first: a batch taken in below schedules the next step STEP_GAP_MS
    // from this one, not at once.
    const begunAt = performance.now();
    this.#lastStepAt = begunAt;
    // What the kernel has sent by now comes first (#onBatch, synchronously): an exec chain or a
    // fork is held in the socket for the addon's coalescing window, and a read now would show
    // its result before its events (an exec named from a program it did not start from).
    if (this.choice.source === 'kernel') this.choice.kernel.takeNow();
    if (this.#closed) return;
    // Filled by set(): SealedMap's own set() cannot run inside the Map constructor (its field is not there yet).
    // Copied at the first read: a step that reads nothing (a batch of thread events) keeps the table.
    const procs = new SealedMap<number, ProcInfo>();
    const ended = new Set<number>();
    const done = new Set<number>();
    /** When each pid's read ended (ms since the epoch, whole). */
    const readBy = new Map<number, number>();
    const read = (pid: number, again = false): void => {
      if (done.has(pid) && !again) return;
      if (done.size === 0) current.procs.forEach((proc, known) => procs.set(known, proc));
      done.add(pid);
      // After an exec, nothing of the last record holds (a program can exec its own binary, comm
      // unchanged) but its %CPU, which is measured over time: kept until the next scan, as for any reread.
      const last = current.procs.get(pid);
      const execed = this.#book.hasExec(pid);
      const read = reread(pid, execed ? undefined : last);
      const record =
        execed && read !== undefined && last !== undefined && sameProcess(last, read) && read.cpuPercent === undefined
          ? freezeProc({ ...read, cpuPercent: last.cpuPercent })
          : read;
      readBy.set(pid, Date.now());
      this.#touched.set(pid, performance.now());
      if (record === undefined) procs.delete(pid);
      else procs.set(pid, record);
      if (record === undefined || record.state === 'Z' || record.state === 'X') ended.add(pid);
    };
    for (const pid of this.#pending) read(pid);
    this.#pending.clear();
    // A child read under another parent than the one that forked it (or than the one it had): that
    // parent is read too (gone or a zombie, it orphaned the child; its exit event comes after the
    // adoption, maybe next batch).
    for (const pid of [...done]) {
      const parent = this.#book.forkParent(pid) ?? current.procs.get(pid)?.ppid;
      const ppid = procs.get(pid)?.ppid;
      if (parent !== undefined && ppid !== undefined && ppid !== parent) read(parent);
    }
    this.#lookAtZombies(current, begunAt, read);
    for (const [pid, until] of this.#exiting) {
      read(pid);
      if (ended.has(pid) || begunAt > until) this.#exiting.delete(pid);
    }
    if (ended.size > 0) {
      // The kernel reparents the children of a process as it exits (exit_notify, before the
      // parent reads Z or gone): read them under their adopter, again if this step read them
      // before their parent, while it still ran.
      const orphans: number[] = [];
      procs.forEach((proc, pid) => {
        if (proc.ppid !== undefined && ended.has(proc.ppid)) orphans.push(pid);
      });
      for (const pid of orphans) read(pid, true);
    }
    this.#proveReaps(done, procs, read);
    if (this.#exiting.size > 0 && this.#stepTimer === undefined) {
      this.#stepTimer = setTimeout(() => {
        this.#stepTimer = undefined;
        this.#guarded(() => this.#step());
      }, EXIT_RETRY_MS);
    }
    if (done.size === 0) return;
    const { ahead, later } = this.#execsReadAhead(readBy);
    try {
      // Nothing is taken in between the reads and the step's explanation: a fact taken in now would be
      // about a process this step did not read (one forked meanwhile would be said gone, then new).
      this.#advance(this.#earlyAdoptions(current, sealSnapshot(Date.now(), procs), done), done, ahead);
      this.#scheduleFrame(begunAt);
    } finally {
      // Taken out of the socket: taken in whatever became of the step (an error is reported by #guarded).
      for (const [batch, lost] of later) this.#onBatch(batch, lost);
    }
  }

  /**
   * The pids whose read may show a program a later exec started: an exec the kernel had not
   * handed over when the step took in its batches (it came in during the reads, or its exec was
   * between showing its new command line and reporting: fs/exec.c installs the new program before
   * proc_exec_connector). Such a read is not what the execs this step knows led to. Looked for in
   * what the kernel has sent by the end of the reads, which is then taken in after the step (`later`),
   * as it would have come in anyway.
   */
  #execsReadAhead(readBy: ReadonlyMap<number, number>): { ahead: Set<number>; later: [readonly KernelEvent[], number][] } {
    const ahead = new Set<number>();
    if (this.choice.source !== 'kernel') return { ahead, later: [] };
    const later: [readonly KernelEvent[], number][] = [];
    this.#deferred = later;
    try {
      this.choice.kernel.takeNow();
    } finally {
      this.#deferred = undefined;
    }
    for (const [batch] of later) {
      for (const event of batch) {
        if (event.kind !== 'exec') continue;
        const read = readBy.get(event.tgid);
        // Whole ms taken after the read: an exec before it, or in its last millisecond, may show in it.
        if (read !== undefined && event.at < read + 1) ahead.add(event.tgid);
      }
    }
    return { ahead, later };
  }

  /**
   * A zombie is reaped without a kernel event, so steps look at the table's zombies again: at most
   * every ZOMBIE_LOOK_MS, and at most ZOMBIE_LOOK_MAX of them per look, in turn. Usually they are
   * few and all are read; a machine with thousands (a killed process group its parent has not
   * reaped yet) must not cost a read of each on every step. A reap not looked for here is still
   * reported: the next full scan reads every process, and its diff has the reap.
   */
  #lookAtZombies(current: Snapshot, now: number, read: (pid: number) => void): void {
    if (now - this.#zombiesLookedAt < ZOMBIE_LOOK_MS) return;
    this.#zombiesLookedAt = now;
    const zombies: number[] = [];
    current.procs.forEach((proc, pid) => {
      if (proc.state === 'Z') zombies.push(pid);
    });
    if (zombies.length <= ZOMBIE_LOOK_MAX) {
      for (const pid of zombies) read(pid);
      return;
    }
    const from = this.#zombieTurn % zombies.length;
    this.#zombieTurn = from + ZOMBIE_LOOK_MAX;
    for (let i = 0; i < ZOMBIE_LOOK_MAX; i += 1) read(zombies[(from + i) % zombies.length] as number);
  }

  /**
   * `next` without the adoptions read before the old parent reads dead. exit_notify() hands the
   * children to their adopter (forget_original_parent) a moment before the exiting parent's state
   * turns Z, and a read in between (or a scan that read the parent before it began to exit, and
   * the child after) shows the child under its adopter and the parent alive: taken in, the
   * reparent would say "not orphaned". A real parent changes only when the old one exits (ptrace
   * does not change the ppid /proc shows), so the child keeps its previous record (a new child
   * stays out, its fork carried) and both are read again at the next step, for at most
   * EXIT_WATCH_MS; after that the table takes in what was read. `reread`: a step's pids (the
   * rest of its table is `prev`'s).
   */
  #earlyAdoptions(prev: Snapshot, next: Snapshot, reread?: ReadonlySet<number>): Snapshot {
    if (this.#inspector.reread === undefined) return next;
    const now = performance.now();
    const held = new Map<number, ProcInfo | undefined>();
    const look = (proc: ProcInfo, pid: number): void => {
      const before = prev.procs.get(pid);
      if (before === proc) {
        if (this.#adoptionHeld.size > 0) this.#adoptionHeld.delete(pid);
        return;
      }
      const known = before !== undefined && sameProcess(before, proc);
      const parent = known ? before.ppid : this.#book.forkParent(pid);
      if (parent === undefined || proc.ppid === undefined || proc.ppid === parent || parentIsGone(parent, prev, next)) {
        this.#adoptionHeld.delete(pid);
        return;
      }
      const since = this.#adoptionHeld.get(pid) ?? now;
      if (now - since > EXIT_WATCH_MS) {
        this.#adoptionHeld.delete(pid);
        return;
      }
      this.#adoptionHeld.set(pid, since);
      held.set(pid, known ? before : undefined);
      this.#pending.add(pid);
      this.#pending.add(parent);
    };
    // A step's table differs from `prev` only in the pids it re-read: those alone are looked at.
    if (reread === undefined) next.procs.forEach(look);
    else
      for (const pid of reread) {
        const proc = next.procs.get(pid);
        if (proc !== undefined) look(proc, pid);
      }
    if (held.size === 0) return next;
    const procs = new SealedMap<number, ProcInfo>();
    next.procs.forEach((proc, pid) => {
      if (!held.has(pid)) procs.set(pid, proc);
    });
    held.forEach((before, pid) => {
      if (before !== undefined) procs.set(pid, before);
    });
    // The parent is exiting now: read again soon, as for an exit event (EXIT_RETRY_MS).
    if (this.#stepTimer === undefined && !this.#closed) {
      this.#stepTimer = setTimeout(() => {
        this.#stepTimer = undefined;
        this.#guarded(() => this.#step());
      }, EXIT_RETRY_MS);
    }
    return sealSnapshot(next.takenAt, procs);
  }

  /**
   * current → next: diff, explain with the facts so far, keep the events for the next frame.
   * `reread`: a step's table, which differs from the current one only in those pids (diffReread).
   */
  #advance(next: Snapshot, reread?: ReadonlySet<number>, readAhead?: ReadonlySet<number>): void {
    const prev = this.#current;
    this.#advancedBatch = this.#batches;
    this.#current = next;
    this.#changed = true;
    this.#scheduleLook();
    if (prev === undefined) {
      // Before the first table there is nothing to compare with: what the kernel said of the
      // processes it holds is history. A process it does not hold was forked after the scan read
      // past its pid (a program started as procview started): its fork, execs and exit wait for
      // the next step, as a carried fork does, instead of leaving it "first seen, under 1" later.
      const { forks, exits, execs, programs } = this.#book.take();
      const unread = <T>(facts: ReadonlyMap<number, T>): Map<number, T> => new Map([...facts].filter(([pid]) => !next.procs.has(pid)));
      this.#book.carry(unread(forks), exits, unread(execs), programs === undefined ? undefined : unread(programs));
      return;
    }
    const facts = this.#book.take();
    const changes = reread === undefined ? diffSnapshots(prev, next) : diffReread(prev, next, reread);
    // Exits the kernel reported before this step (kept EXIT_MEMORY_MS): a zombie of one found gone now.
    const exitedBefore = (pid: number): boolean => this.#kernelExits.has(pid) && !facts.exits.has(pid);
    const explained = explainStep(changes, prev, next, facts, Date.now(), this.#started, readAhead, exitedBefore);
    for (const event of explained.events) {
      if (event.kind === 'exec' || event.kind === 'exit' || event.kind === 'reap') this.#started.delete(event.pid);
    }
    this.#book.carry(
      explained.carry,
      explained.carryExits,
      explained.carryExecs,
      explained.carryPrograms,
      explained.carryNames,
      explained.carryForkedAs,
      explained.carryRenames,
    );
    // A rename still to say is said when a read shows it: read again at the next step.
    for (const [pid, carried] of explained.carryRenames) if (carried.renames.length > 0) this.#pending.add(pid);
    if (explained.carryRenames.size > 0 && this.#pending.size > 0) this.#scheduleStep();
    const events = inferOrphans(explained.events, prev, next);
    const shown = this.#lastFrame;
    const awaited = this.#awaitingForkers.size;
    for (const pid of this.#awaitingForkers) if (!explained.carry.has(pid)) this.#awaitingForkers.delete(pid);
    for (const event of events) {
      const index = this.#place(event);
      // A child said now whose forker is carried: the forker lived between two reads and its exit is
      // not taken in yet (the kernel hands the children over, then sends the exit: exit_notify, then
      // proc_exit_connector), so its start, exec and exit come with a later step. The frame waits a
      // moment for them, and they go before the child's lines (#place), as they happened.
      const forker = event.kind === 'spawn' ? event.ppid : event.kind === 'reparent' ? event.from : undefined;
      if (this.choice.source === 'kernel' && forker !== undefined && explained.carry.has(forker)) {
        this.#awaitingForkers.add(forker);
        this.#holdUntil = Math.max(this.#holdUntil, performance.now() + (this.#options.holdMs ?? STATUS_HOLD_MS));
      }
      // A child read under its adopter before its parent's exit was taken in: the kernel hands the
      // children over, then sends the exit (exit_notify, then proc_exit_connector). The frame waits
      // a moment for that exit, which goes before the orphaning (#place), as it happened.
      if (
        this.choice.source === 'kernel' &&
        event.kind === 'reparent' &&
        event.orphaned &&
        event.from !== undefined &&
        !facts.exits.has(event.from) &&
        !this.#kernelExits.has(event.from) &&
        // Said already (read dead before its report): nothing more to wait for.
        !this.#events.some((said) => said.pid === event.from && (said.kind === 'exit' || said.kind === 'zombie'))
      ) {
        this.#awaitingParentExits.add(event.from);
        this.#holdUntil = Math.max(this.#holdUntil, performance.now() + (this.#options.holdMs ?? STATUS_HOLD_MS));
      }
      // A process whose main thread ended alone: the status it has is a thread's, maybe not its last one's (ExitFact.leaderAlone).
      const ended = this.choice.source === 'kernel' && (event.kind === 'zombie' || event.kind === 'exit');
      if (ended && (event.status === undefined || (this.#book.exitOf(event.pid) ?? facts.exits.get(event.pid))?.leaderAlone !== undefined)) {
        // Read dead before the kernel's exit event was taken in (the addon reads a bounded number
        // of messages per turn): the frame waits a moment for the status.
        this.#awaitingStatus.set(event.pid, index);
        // Not a pid forked again in the step: a late exit status would then be the new process's.
        const last = facts.forks.has(event.pid) ? undefined : prev.procs.get(event.pid);
        if (last?.state === 'T' || last?.state === 't') this.#stoppedAwaiting.set(event.pid, last);
        else this.#stoppedAwaiting.delete(event.pid);
        this.#holdUntil = Math.max(this.#holdUntil, performance.now() + (this.#options.holdMs ?? STATUS_HOLD_MS));
      }
      if (event.kind !== 'exit' && event.kind !== 'reap') continue;
      // Gone before a frame showed it: keep its last record (or what the kernel said) for the view.
      if (shown?.procs.has(event.pid) === true) continue;
      const last = prev.procs.get(event.pid);
      const ppid = event.kind === 'exit' ? event.ppid : (event.by ?? event.lastParent ?? event.kernelReapedFor ?? event.releasedFor);
      this.#glimpses.set(event.pid, last ?? freezeProc({ pid: event.pid, ppid, comm: event.comm }));
    }
    const parentsAwaited = this.#awaitingParentExits.size;
    for (const event of events) if (event.kind === 'exit' || event.kind === 'zombie') this.#awaitingParentExits.delete(event.pid);
    // The forkers and parents this frame waited for are all said: it need not wait out the hold.
    if ((awaited > 0 && this.#awaitingForkers.size === 0) || (parentsAwaited > 0 && this.#awaitingParentExits.size === 0)) this.#endHold();
  }

  /**
   * Puts a step's event among the frame's: after the last one at or before its time. A step's own
   * events are in order; one from an earlier step can be later than an event a later step
   * explained (a forker carried to the next step, whose child was said first).
   */
  #place(event: ProcEvent): number {
    let index = placeAmong(this.#events, event);
    // A parent's end goes before the orphaning of its children that a read said first (a read between
    // the kernel's handing over and its exit report): those lines move after it, at its time.
    const moved: ProcEvent[] = [];
    // Only for a parent a frame waits for (#awaitingParentExits): a storm's thousands of exits scan nothing.
    if ((event.kind === 'exit' || event.kind === 'zombie') && this.#awaitingParentExits.has(event.pid)) {
      for (let k = index - 1; k >= 0; k -= 1) {
        const earlier = this.#events[k];
        if (earlier?.kind !== 'reparent' || !earlier.orphaned || earlier.from !== event.pid) continue;
        this.#events.splice(k, 1);
        this.#shiftAwaiting(k + 1, -1);
        moved.unshift({ ...earlier, at: Math.max(earlier.at, event.at) });
        index -= 1;
      }
    }
    this.#events.splice(index, 0, event, ...moved);
    this.#shiftAwaiting(index, 1 + moved.length);
    return index;
  }

  /** The awaited events at or after `from` in #events moved by `by` places. */
  #shiftAwaiting(from: number, by: number): void {
    this.#awaitingStatus.forEach((at, pid) => {
      if (at >= from) this.#awaitingStatus.set(pid, at + by);
    });
  }

  /** Whether the coming frame still waits for something a step said it would (a status, a forker, a parent's exit). */
  #waiting(): boolean {
    return this.#awaitingStatus.size > 0 || this.#awaitingForkers.size > 0 || this.#awaitingParentExits.size > 0;
  }

  /** What held the frame (exit statuses, forkers) came: it goes out now (or after FRAME_GAP_MS), not at the hold's end. */
  #endHold(): void {
    if (this.#waiting()) return;
    this.#holdUntil = 0;
    if (this.#frameTimer === undefined) return;
    clearTimeout(this.#frameTimer);
    this.#frameTimer = undefined;
    this.#scheduleFrame(this.#frameBegunAt, this.#frameAlways);
  }

  /**
   * A reap, a stop, a continue and a renice come with no kernel event: they showed at the next step
   * some kernel batch brought, or at the next full scan, up to intervalMs late (a zombie's life read
   * a second too long). With the kernel source, while the table holds zombies or stopped processes
   * (T, t), or the caller follows a scope (roots), those processes are read every LOOK_MS (at most
   * ZOMBIE_LOOK_MAX a look, in turn), and one that changed (gone, stopped or continued, a zombie, a
   * new nice) is stepped on at once: its line is at most LOOK_MS late for up to ZOMBIE_LOOK_MAX of
   * them. A look that finds nothing changed costs those reads only (no copy of the table, no frame).
   */
  #scheduleLook(): void {
    if (this.#lookTimer !== undefined || this.#closed || this.choice.source !== 'kernel' || this.#inspector.reread === undefined) return;
    this.#lookTimer = setTimeout(() => {
      this.#lookTimer = undefined;
      this.#guarded(() => this.#look());
    }, this.#options.lookIntervalMs ?? LOOK_MS);
  }

  #look(): void {
    const current = this.#current;
    const reread = this.#inspector.reread;
    if (current === undefined || reread === undefined || this.#closed) return;
    const waiting = new Map<number, ProcInfo>();
    current.procs.forEach((proc, pid) => {
      if (proc.state === 'Z' || proc.state === 'T' || proc.state === 't') waiting.set(pid, proc);
    });
    // A scoped view's processes too (the roots the caller follows: events --watch, run, the
    // dashboard's --watch): a stop and a renice come with no kernel event either.
    for (const pid of this.#options.roots?.() ?? []) {
      const proc = current.procs.get(pid);
      if (proc !== undefined && waiting.size < TRACK_LIMIT) waiting.set(pid, proc);
    }
    if (waiting.size === 0) return;
    const list = [...waiting.values()];
    const from = this.#lookTurn % list.length;
    this.#lookTurn = from + ZOMBIE_LOOK_MAX;
    for (let i = 0; i < Math.min(list.length, ZOMBIE_LOOK_MAX); i += 1) {
      const last = list[(from + i) % list.length];
      if (last === undefined) continue;
      const now = reread(last.pid, last);
      if (now === undefined || !sameProcess(last, now) || lookedChange(last, now)) this.#pending.add(last.pid);
    }
    if (this.#pending.size > 0) this.#scheduleStep();
    this.#scheduleLook();
  }

  /** A scan's frame goes out even without events (`always`); a step's only with some. */
  #scheduleFrame(begunAt: number, always = false): void {
    if (this.#frameTimer !== undefined || (this.#events.length === 0 && !always)) return;
    this.#frameBegunAt = begunAt;
    this.#frameAlways = always;
    const now = performance.now();
    const wait = Math.max(FRAME_GAP_MS - (now - this.#lastFrameAt), this.#holdUntil - now, always ? 0 : -1);
    if (wait <= 0) {
      this.#emit(begunAt);
      return;
    }
    this.#frameTimer = setTimeout(() => {
      this.#frameTimer = undefined;
      // A wait a later step set after this timer was (a status, a forker, a parent's exit): held out too.
      if (this.#waiting() && this.#holdUntil > performance.now()) {
        this.#scheduleFrame(begunAt, always);
        return;
      }
      if (this.#awaitingStatus.size > 0) this.#emitAfterPendingBatches(begunAt, this.#batches, STATUS_TURNS);
      else this.#emit(begunAt);
    }, wait);
  }

  /**
   * The hold for an exit status ended. After a stall (a busy machine) the timer runs first in the
   * loop's turn, before the poll phase hands over the kernel batches that came meanwhile: take
   * those in first (setImmediate runs after the poll phase), for as long as each turn still
   * brings batches, at most `turns` turns. An exit status still missing then stays unknown.
   */
  #emitAfterPendingBatches(begunAt: number, batchesBefore: number, turns: number): void {
    setImmediate(() => {
      if (this.#closed || this.#frameTimer !== undefined) return;
      const more = this.#batches !== batchesBefore;
      if (this.#awaitingStatus.size > 0 && more && turns > 1) this.#emitAfterPendingBatches(begunAt, this.#batches, turns - 1);
      else this.#emit(begunAt);
    });
  }

  #emit(begunAt: number): void {
    const snapshot = this.#current;
    if (snapshot === undefined || this.#closed || !this.#changed) return;
    this.#awaitingStatus.clear();
    this.#stoppedAwaiting.clear();
    this.#awaitingForkers.clear();
    this.#awaitingParentExits.clear();
    this.#holdUntil = 0;
    clearTimeout(this.#frameTimer);
    this.#frameTimer = undefined;
    this.#seq += 1;
    const frame: WatchFrame = Object.freeze({
      seq: this.#seq,
      // When the full scan under this table began: a pid announced later is bound by a later scan
      // (a step re-reads only the pids events name, so its table is no proof of absence).
      begunAt: Math.min(begunAt, this.#scanBegunAt),
      snapshot,
      previous: this.#lastFrame,
      events: Object.freeze(this.#ownReaps.size === 0 ? this.#events : this.#events.map((event) => this.#ownReap(event))),
      source: this.choice.source,
      lost: this.#lost,
      glimpses: this.#glimpses,
      ...this.#kin(snapshot),
    });
    this.#events = [];
    this.#glimpses = new Map();
    this.#changed = false;
    this.#lastFrame = snapshot;
    this.#lastFrameAt = performance.now();
    this.#emittedBatch = this.#advancedBatch;
    this.#onFrame(frame);
  }

  /**
   * StreamOptions.kinEntry's holders among the processes this frame's table has and the last did not.
   * At most KIN_READS_PER_FRAME reads a frame; those not read yet (a burst of new processes elsewhere)
   * wait for the next frames, oldest first, while they are in the table.
   */
  #kin(snapshot: Snapshot): { kin?: readonly number[] } {
    const entry = this.#options.kinEntry;
    const carries = this.#inspector.carriesEnvironment;
    if (entry === undefined || carries === undefined) return {};
    const last = this.#lastFrame;
    // The first frame comes before `procview run` starts its program: nothing of it to find yet.
    if (last === undefined) return {};
    const candidates = this.#kinWaiting.filter((pid) => snapshot.procs.has(pid));
    for (const pid of snapshot.procs.keys()) if (!last.procs.has(pid)) candidates.push(pid);
    this.#kinWaiting = candidates.slice(KIN_READS_PER_FRAME);
    const kin = candidates.slice(0, KIN_READS_PER_FRAME).filter((pid) => carries(pid, entry) === true);
    return { kin: kin.sort((a, b) => a - b) };
  }

  /**
   * A reap of a process this one reaped (noteExit): a fact, procview's own wait, not the inference a
   * step drew from the table (`gone … while its parent lived`, or a release at exit), with the
   * status that wait gave. Said when the read found it gone, after its exit line (which, polling,
   * is procview's own, stamped as its wait returned).
   */
  #ownReap(event: ProcEvent): ProcEvent {
    const own = event.kind === 'reap' ? this.#ownReaps.get(event.pid) : undefined;
    if (own === undefined || event.kind !== 'reap') return event;
    this.#ownReaps.delete(event.pid);
    return { kind: 'reap', at: Math.max(own.at, event.at), pid: event.pid, comm: event.comm, by: process.pid, status: own.status, source: 'waitpid' };
  }

  /**
   * The tracker's next tick: every trackIntervalMs while the subtree is busy (something changed
   * in it within TRACK_BUSY_MS: a new process, a fork, an exit), twice that when it has been
   * quiet. Each wake-up has a cost of its own (an empty 5 ms timer is about 2% of a core on a
   * loaded virtual machine); a subtree that just started, as under `procview run`, is busy.
   */
  #scheduleTrack(): void {
    if (this.#closed) return;
    const pace = this.#options.trackIntervalMs ?? TRACK_INTERVAL_MS;
    const quiet = performance.now() - this.#trackBusyAt > TRACK_BUSY_MS;
    this.#trackTimer = setTimeout(
      () => {
        this.#guarded(() => this.#track());
        this.#scheduleTrack();
      },
      quiet ? 2 * pace : pace,
    );
  }

  /** One tick of the scoped tracker (polling source with roots). */
  #track(): void {
    const tracker = this.#tracker;
    const current = this.#current;
    const roots = this.#options.roots;
    if (tracker === undefined || current === undefined || roots === undefined || this.#closed) return;
    const watched = this.#watchedPids(current, roots);
    // A subtree that large (--watch 1) is the system: the full scans follow it.
    if (watched.size === 0 || watched.size > TRACK_LIMIT) return;
    const at = performance.now();
    const statPass = at - this.#statPassAt >= (at - this.#trackBusyAt > TRACK_BUSY_MS ? STAT_QUIET_MS : STAT_BUSY_MS);
    if (statPass) this.#statPassAt = at;
    const tick = tracker.tick(watched, (pid) => current.procs.has(pid), statPass);
    const now = Date.now();
    for (const [child, parent] of tick.sightings) {
      this.#book.addSighting(child, parent, now);
      this.#pending.add(child);
    }
    for (const pid of tick.changed) this.#pending.add(pid);
    if (!samePids(watched, this.#lastWatched) || tick.sightings.length > 0 || tick.changed.length > 0) this.#trackBusyAt = performance.now();
    this.#lastWatched = watched;
    if (this.#pending.size > 0) this.#step();
  }

  /**
   * The roots and their descendants in `current`, with thread counts (cached per table and roots),
   * and the roots `current` does not hold yet (a program just started: its children are looked for
   * from the first tick, before any read has its record), unless the tracker found them gone.
   */
  #watchedPids(current: Snapshot, roots: () => Iterable<number>): ReadonlyMap<number, number | undefined> {
    const cached = this.#watched;
    // Compared in place: this runs every tick, and the roots rarely change.
    if (cached?.of === current && sameOrder(cached.roots, roots())) return cached.pids;
    const rootList = [...roots()];
    const children = new Map<number, number[]>();
    current.procs.forEach((proc, pid) => {
      if (proc.ppid === undefined) return;
      const list = children.get(proc.ppid);
      if (list === undefined) children.set(proc.ppid, [pid]);
      else list.push(pid);
    });
    const pids = new Map<number, number | undefined>();
    const queue = rootList.filter((pid) => pid > 1);
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      if (pids.has(pid)) continue;
      const proc = current.procs.get(pid);
      if (proc === undefined) {
        if (this.#tracker?.isGone(pid) !== true) pids.set(pid, undefined);
        continue;
      }
      if (proc.state === 'Z') continue;
      pids.set(pid, proc.threads);
      queue.push(...(children.get(pid) ?? []));
    }
    this.#watched = { of: current, roots: rootList, pids };
    return pids;
  }
}

/** Whether a kernel of this release (os.release(): `6.1.0-18-amd64`) names the parent in exit events (Linux 4.17). */
export function namesExitParents(kernelRelease: string): boolean {
  const match = /^(\d+)\.(\d+)/u.exec(kernelRelease);
  if (match === null) return false;
  const major = Number(match[1]);
  return major > 4 || (major === 4 && Number(match[2]) >= 17);
}
