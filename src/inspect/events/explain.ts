// One step of the event stream, explained: the changes two process tables show
// (diffSnapshots) joined with what the kernel (or the scoped tracker) said in
// between. Pure. What joining adds:
//   - spawn gets its real parent (the forker), and when the process is already
//     under another parent by the time it is read, an `orphaned` reparent from
//     the forker (the fork was seen, the forker's exit or absence too);
//   - exit and zombie get the exit status;
//   - a process that was forked and gone between two reads (milliseconds) gets
//     spawn, exec and exit from the kernel's facts alone;
//   - exec is reported also when the program exec'd the same command line, and
//     when the kernel's fact comes in after the process ended;
//   - a new name the kernel reported as a comm change and not as an exec (a
//     program that retitled itself) is no exec.
// Facts that cannot be explained yet (a fork whose process is neither read nor
// reported exited) are handed back to be carried to the next step.
import { adopterOf, isDead, parentIsGone } from '../diff.js';
import { forkedNoExec } from '../fork-mark.js';
import { sameProcess } from '../identity.js';
import { hasOtherThreads } from '../thread-group.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../types.js';
import type { ExecFact, ExitFact, Facts, ForkedAs, ForkedName, ForkFact, ProgramRead, Rename } from './facts.js';
import { reapedByParentOrAdopter, reapedUnseen } from './infer.js';

/** A fork never explained after this long: its process is reported as gone, its exit unheard. */
export const CARRY_LIMIT_MS = 2000;

export interface Explained {
  readonly events: ProcEvent[];
  /** Forks to try again at the next step. */
  readonly carry: ReadonlyMap<number, ForkFact>;
  /** Exits of processes that still read alive (the kernel reports an exit before the process is a zombie). */
  readonly carryExits: ReadonlyMap<number, ExitFact>;
  /** Execs of the carried forks (they belong to the same unexplained process), and execs timed after `next` was read. */
  readonly carryExecs: ReadonlyMap<number, ExecFact>;
  /** The program reads of the processes whose execs are carried: they still name those execs. */
  readonly carryPrograms: ReadonlyMap<number, ProgramRead>;
  /** Children read now under the names they were forked with, whose parents are carried: they may name those parents' execs. */
  readonly carryNames: readonly ForkedName[];
  /** Children read after an exec whose event has not come: what they were forked as, for that exec's line. */
  readonly carryForkedAs: ReadonlyMap<number, ForkedAs>;
  /**
   * Renames of processes this step said nothing of (a rename after their read, or of a carried
   * fork): for the step whose read shows the new name, which would otherwise be a change with no
   * exec and no rename, and read as an exec that never happened.
   */
  readonly carryRenames: ReadonlyMap<number, CarriedRenames>;
}

/** Renames to take into the next step: those still to say, and the name the last one said gave. */
export interface CarriedRenames {
  readonly renames: readonly Rename[];
  readonly comm: string;
}

/**
 * An adoption and the exit that caused it carry the same time (the kernel reparents a process's
 * children as it exits): the end of the parent is said first, then the adoptions.
 */
function endsBeforeAdoptions(events: ProcEvent[]): void {
  for (let i = 0; i < events.length; i += 1) {
    const adoption = events[i];
    if (adoption?.kind !== 'reparent' || adoption.from === undefined) continue;
    const from = adoption.from;
    const j = events.findIndex((event, k) => k > i && event.at === adoption.at && event.pid === from && (event.kind === 'exit' || event.kind === 'zombie'));
    if (j < 0) continue;
    const [end] = events.splice(j, 1);
    if (end === undefined) continue;
    events.splice(i, 0, end);
    i += 1; // the adoption is one further on now
  }
}

/**
 * A child's end goes before its parent's. A child whose exit report names its parent (or that this
 * parent released, ExitFact.releasedFor) ended while the parent lived, but the kernel sends the
 * report after waking the parent (exit_notify, then proc_exit_connector), and a parent that exits
 * at once can report first: its lines then said a parent had exited before the child that ended it.
 * Such a child's end, and the reap said with it, take the parent's time (the report's time was a
 * bound, not the moment). A child read gone in the same read as its parent (the same time, no
 * report) is said first too: a parent that exits as its child ends has usually waited for it.
 */
function childEndsBeforeParentEnds(events: ProcEvent[], exits: Facts['exits']): void {
  // Only a parent that ends in this step is looked for (a fork storm's step holds thousands of ends
  // of children whose parent lives on): moving lines changes no one's membership of this set.
  const ending = new Set<number>();
  for (const event of events) if (event.kind === 'exit' || event.kind === 'zombie') ending.add(event.pid);
  for (let i = 0; i < events.length; i += 1) {
    const end = events[i];
    if ((end?.kind !== 'exit' && end?.kind !== 'zombie') || end.ppid === undefined || end.ppid <= 1 || !ending.has(end.ppid)) continue;
    const parent = end.ppid;
    const j = events.findIndex((event, k) => k < i && event.pid === parent && (event.kind === 'exit' || event.kind === 'zombie'));
    const parentEnd = events[j];
    if (parentEnd === undefined) continue;
    const fact = exits.get(end.pid);
    const reported = fact !== undefined && (fact.parent ?? fact.releasedFor) === parent;
    if (!reported && parentEnd.at !== end.at) continue;
    let count = 1;
    while (events[i + count]?.pid === end.pid && events[i + count]?.kind === 'reap') count += 1;
    const moved = events.splice(i, count).map((event) => (event.at > parentEnd.at ? { ...event, at: parentEnd.at } : event));
    events.splice(j, 0, ...moved);
  }
}

/** A reap placed at its reaper's exit goes before that exit's line: the reaper waited, then exited. */
function reapsBeforeReaperEnds(events: ProcEvent[]): void {
  for (let i = 0; i < events.length; i += 1) {
    const reap = events[i];
    if (reap?.kind !== 'reap') continue;
    const by = reap.by ?? reap.lastParent;
    if (by === undefined) continue;
    const j = events.findIndex((event, k) => k < i && event.at === reap.at && event.pid === by && (event.kind === 'exit' || event.kind === 'zombie'));
    if (j < 0) continue;
    events.splice(i, 1);
    events.splice(j, 0, reap);
  }
}

/**
 * A zombie gone from the table whose parent exited (infer.ts reapedByParentOrAdopter): in this
 * step, said at the parent's exit (put before that exit's line: reapsBeforeReaperEnds); in an
 * earlier one (`exitedBefore`: a step looks at a few of many zombies, the rest are found gone
 * later), said when found. Its last record still names that parent, so it was read before the
 * parent's exit, which hands a zombie on like any child.
 */
function inferReaper(event: ProcEvent, prev: Snapshot, exits: Facts['exits'], exitedBefore: (pid: number) => boolean): ProcEvent {
  if (event.kind !== 'reap' || event.by !== undefined) return event;
  const parent = prev.procs.get(event.pid)?.ppid;
  if (parent === undefined) return event;
  const parentExit = exits.get(parent);
  if (parentExit !== undefined) return reapedByParentOrAdopter(event, parent, Math.min(event.at, parentExit.at));
  return exitedBefore(parent) ? reapedByParentOrAdopter(event, parent, event.at) : event;
}

/**
 * A process last read stopped that then exited with an exit code ran again
 * first: a stopped process runs no code until it is continued (SIGCONT, or its
 * tracer), while a signal that ends it kills it where it stands (a fatal signal
 * to a stopped process is a group exit: kernel/signal.c complete_signal). A
 * job-control stop (T) stops every thread; a tracer (t) may have stopped the
 * leader alone, and another thread's exit_group then ends it with a code, so t
 * counts only for a process of one thread. When no read fell between the
 * continue and the exit, the continue is said, inferred, before the first thing
 * the kernel reported of it since (`firstSign`: an exec, a fork, else the exit)
 * — here, or in stream.ts when the exit's status comes after the read found it
 * gone. `reborn`: a fork of the pid since the read began another process,
 * whose exit says nothing of the stopped one.
 */
export function continuedBeforeExit(
  pid: number,
  last: ProcInfo | undefined,
  exit: ExitFact,
  reborn: boolean,
  comm: string | undefined,
  firstSign: number = exit.at,
): ProcEvent | undefined {
  const stopped = last?.state === 'T' || (last?.state === 't' && last.threads === 1);
  if (!stopped || exit.status.code === undefined || reborn) return undefined;
  return {
    kind: 'continue',
    // Just before its first sign of running: the order of the lines, not a time anyone saw.
    at: Math.min(exit.at, firstSign) - CONTINUE_BEFORE_MS,
    pid,
    comm,
    source: 'kernel',
    inferred: `exited with code ${exit.status.code} after it was last read stopped: a stopped process runs again only once continued`,
  };
}

/** How far before its first sign of running an inferred continue is stamped (1 µs: it sorts before that line, and before adoptions at its exit; it shows the same time). */
const CONTINUE_BEFORE_MS = 0.001;

/** When the kernel first reported `pid` running since `since` (an exec of it, or a fork by it), or undefined. */
function firstSignOfRunning(pid: number, since: number, facts: Facts): number | undefined {
  let first: number | undefined;
  for (const time of facts.execs.get(pid)?.times ?? []) if (time >= since && (first === undefined || time < first)) first = time;
  facts.forks.forEach((fork) => {
    if (fork.parent === pid && fork.at >= since && (first === undefined || fork.at < first)) first = fork.at;
  });
  return first;
}

/**
 * What a process exec'd into, read as the batch with that exec came in (the
 * step reads later, when a short program may be gone): only when no exec of it
 * is timed after that read, which would have changed the program read.
 */
function programRead(pid: number, facts: Facts): Program | undefined {
  const read = facts.programs?.get(pid);
  if (read === undefined) return undefined;
  const times = facts.execs.get(pid)?.times ?? [];
  return times.every((time) => time <= read.at) ? { comm: read.comm, args: read.args } : undefined;
}

/**
 * Processes whose read may show the program of an exec the kernel reported only after the read
 * (stream.ts #execsReadAhead): the last exec this step knows did not necessarily lead to what was
 * read, so what it led to is unknown (`two execs in a row: the first named with the second's
 * command line` otherwise), unless procview started that program itself. A change the diff saw
 * with no exec the kernel had reported yet waits for that exec's event, next step.
 */
function programsReadAhead(out: ProcEvent[], readAhead: ReadonlySet<number>, started: StartedPrograms): Map<number, ForkedAs> {
  // What a change left for the kernel's exec started from (read before it): that exec's "before", next step.
  const from = new Map<number, ForkedAs>();
  for (const pid of readAhead) {
    const execs = out.filter((event) => event.pid === pid && event.kind === 'exec');
    const last = execs.filter((event) => event.source === 'kernel').at(-1);
    for (let i = out.length - 1; i >= 0; i -= 1) {
      const event = out[i];
      if (event?.pid !== pid || event.kind !== 'exec') continue;
      if (event.source !== 'kernel') {
        out.splice(i, 1);
        from.set(pid, { comm: event.fromComm, args: event.fromArgs, at: event.at });
      } else if (event === last) {
        const own = execs.length === 1 ? started.get(pid) : undefined;
        out[i] = { ...event, comm: own?.comm, args: own?.args };
      }
    }
  }
  return from;
}

/**
 * The renames (PROC_EVENT_COMM) of processes this step also saw start or exec: a program that
 * names itself right after its fork or exec (prctl(PR_SET_NAME), Perl's $0) was read under the new
 * name, which the start or exec line took for the name fork copied or exec gave. Each such line
 * loses the name no fork or exec gave (a start keeps its parent's, an exec's is unknown: the
 * kernel names the program after the path it was given, not read), and a rename line says the
 * change, from the name before it: the start's or the previous rename's, unknown after an exec.
 */
function renamesAmongStarts(
  out: ProcEvent[],
  facts: Facts,
  reported: ReadonlySet<number>,
  prev: Snapshot,
  nameOf: (pid: number) => string | undefined,
  started: StartedPrograms,
): void {
  facts.renames?.forEach((renames, pid) => {
    if (reported.has(pid) || renames.length === 0) return;
    // A process this step says something of: one that renamed itself and ended before a read saw the
    // new name has only its exit here (its last name is the rename's).
    if (!out.some((event) => event.pid === pid)) return;
    // A name one of its later renames gave: read after that rename, not given by this fork or exec.
    const renamedLater = (event: ProcEvent): boolean => renames.some((rename) => rename.at > event.at && rename.comm === event.comm);
    const firstExec = out.find((event) => event.pid === pid && event.kind === 'exec');
    for (let i = 0; i < out.length; i += 1) {
      const event = out[i];
      if (event?.pid !== pid) continue;
      const lastRename = renames.filter((rename) => rename.at <= event.at).at(-1);
      // An end after a rename, under the name it took (the table's record may be from before it), unless
      // an exec since gave it another.
      const execSince =
        lastRename !== undefined && out.some((other) => other.pid === pid && other.kind === 'exec' && other.at > lastRename.at && other.at <= event.at);
      if ((event.kind === 'exit' || event.kind === 'zombie' || event.kind === 'reap') && lastRename !== undefined && !execSince)
        out[i] = { ...event, comm: lastRename.comm };
      if (!renamedLater(event)) continue;
      // Fork copies the parent's comm.
      if (event.kind === 'spawn' && event.ppid !== undefined) out[i] = { ...event, comm: nameOf(event.ppid) };
      // What exec named it was not read, but for the program procview started (its path's last part).
      else if (event.kind === 'exec') out[i] = { ...event, comm: event === firstExec ? started.get(pid)?.comm : undefined };
    }
    const starts = out.filter((event) => event.pid === pid && (event.kind === 'spawn' || event.kind === 'exec'));
    let name = prev.procs.get(pid)?.comm;
    let lastAt = Number.NEGATIVE_INFINITY;
    for (const rename of renames) {
      const latest = starts.filter((event) => event.at > lastAt && event.at <= rename.at).at(-1);
      if (latest !== undefined) name = latest.comm;
      // A name set to what it already was changes nothing to say ('tmux: client → tmux: client').
      if (name !== rename.comm) out.push({ kind: 'rename', at: rename.at, pid, comm: rename.comm, from: name, source: 'kernel' });
      name = rename.comm;
      lastAt = rename.at;
    }
  });
}

/**
 * Each event names its process as it was at that moment. A read after an exec
 * shows the new program, so an event before that exec (its start, its
 * orphaning) takes what the exec started from, when that is known:
 * `7 (sh) orphaned`, then `7 exec: sh → sleep 1`, not `7 (sleep) orphaned`.
 * A start line ends the walk back: before it, the pid was another process's.
 */
function namesBeforeExecs(events: ProcEvent[]): void {
  const before = new Map<number, string | undefined>();
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event === undefined) continue;
    if (event.kind === 'exec' || event.kind === 'rename') {
      before.set(event.pid, event.kind === 'exec' ? event.fromComm : event.from);
      continue;
    }
    const then = before.get(event.pid);
    if (then !== undefined && then !== event.comm) events[i] = { ...event, comm: then };
    if (event.kind === 'spawn') before.delete(event.pid);
  }
}

/**
 * A program that exec'd and forked faster than a read (the classic learner's
 * fork: the parent prints and exits at once) has its exec line say what it
 * exec'd, by the name of a child it forked after that exec: fork copies the
 * parent's name (task->comm) to the child (kernel/fork.c dup_task_struct), and a
 * child read before any exec of its own (none in its facts) and with no rename
 * reported (PROC_EVENT_COMM, by it or by the parent) still has that copy. The
 * fork must come after the exec and before the parent's next exec, the
 * parent's pid not be born again in between, and the fork be the main thread's
 * (a child copies the name of the thread that forked it, and another thread may
 * have renamed itself). Only the name (comm, 15 bytes) is known this way, never
 * the command line; `nameFrom` says which child told it. A child that exec'd
 * between the step's intake of the kernel's events and its read (its exec
 * event not taken in yet) tells nothing: its read shows PF_FORKNOEXEC clear
 * (fork-mark.ts), and it is not among `forked`.
 */
function namesFromChildren(events: ProcEvent[], forked: readonly ForkedName[], facts: Facts): void {
  if (forked.length === 0) return;
  for (let i = 0; i < events.length; i += 1) {
    const exec = events[i];
    if (exec?.kind !== 'exec' || exec.comm !== undefined || facts.comms.has(exec.pid)) continue;
    const nextExec = facts.execs.get(exec.pid)?.times.find((time) => time > exec.at) ?? Number.POSITIVE_INFINITY;
    const born = facts.forks.get(exec.pid)?.at;
    let told: ForkedName | undefined;
    for (const child of forked) {
      if (child.parent !== exec.pid || child.at <= exec.at || child.at >= nextExec) continue;
      if (born !== undefined && born > exec.at && born < child.at) continue;
      if (told === undefined || child.at < told.at) told = child;
    }
    if (told === undefined) continue;
    events[i] = { ...exec, comm: told.comm, nameFrom: told.child };
    // Its end, before any later exec, has that name too (a dashboard's glimpse of it, a JSON exit line, its reap).
    for (let j = i + 1; j < events.length; j += 1) {
      const end = events[j];
      if (end?.pid !== exec.pid || end.at >= nextExec || (end.kind !== 'exit' && end.kind !== 'zombie' && end.kind !== 'reap') || end.comm !== undefined)
        continue;
      events[j] = { ...end, comm: told.comm };
    }
  }
}

/**
 * A child runs its parent's program from its fork until its own exec (fork copies the name and the
 * command line's memory). When the parent exec'd in this step, that program is known from its execs,
 * not from a table: what its last exec before the fork started, else what its first exec after the
 * fork started from. A table read before the first shows the program it left; one read after the
 * second, the program it went to (`bash -c './orphan; exec sleep 3'`: the child said `(sleep)
 * started`, `exec: sleep 3 → …`); and the parent may be in no table at all (`sh -c 'sleep 1 & exit
 * 0'`: the child's orphaning named it sleep before it exec'd). The child's start and its first exec's
 * "before" take that program; unknown when that exec's side was not read.
 */
function childrenStartFromForkers(
  events: ProcEvent[],
  facts: Facts,
  read: (pid: number) => ProcInfo | undefined,
  ranBefore: (pid: number) => ProcInfo | undefined,
): Map<number, ForkedAs> {
  const ahead = new Map<number, ForkedAs>();
  // The step's execs by pid, looked up once per child (a fork storm's step holds thousands of events).
  const execsOf = new Map<number, Extract<ProcEvent, { kind: 'exec' }>[]>();
  for (const event of events) if (event.kind === 'exec') execsOf.set(event.pid, [...(execsOf.get(event.pid) ?? []), event]);
  const programAt = (pid: number, at: number): Program | undefined => {
    let before: Extract<ProcEvent, { kind: 'exec' }> | undefined;
    let after: Extract<ProcEvent, { kind: 'exec' }> | undefined;
    // A fork of the pid itself in the step began the process: its execs are the ones after that.
    const born = facts.forks.get(pid)?.at ?? Number.NEGATIVE_INFINITY;
    for (const event of execsOf.get(pid) ?? []) {
      if (event.at < born) continue;
      if (event.at < at && (before === undefined || event.at >= before.at)) before = event;
      if (event.at > at && (after === undefined || event.at < after.at)) after = event;
    }
    if (before !== undefined) return { comm: before.comm, args: before.args };
    return after === undefined ? undefined : { comm: after.fromComm, args: after.fromArgs };
  };
  events.forEach((event, i) => {
    const fork = facts.forks.get(event.pid);
    // Forked by another thread: the child copied that thread's name, not the program's.
    if (fork === undefined || fork.byOtherThread === true || facts.comms.has(fork.parent)) return;
    if (event.kind === 'spawn') {
      // A parent with no exec in the step ran what a table shows of it (a shell that forked a command).
      const shown = read(fork.parent);
      const program = programAt(fork.parent, fork.at) ?? (shown === undefined ? undefined : { comm: shown.comm, args: shown.args });
      if (program === undefined || facts.comms.has(event.pid)) return;
      const readAfterExec = forkedNoExec(read(event.pid)) === false || (program.comm !== undefined && event.comm !== undefined && event.comm !== program.comm);
      if (!facts.execs.has(event.pid) && readAfterExec) {
        // Read after an exec of it (PF_FORKNOEXEC clear, fork-mark.ts; or under another name than
        // it was forked with), with no exec of it taken in: that exec's event is still on its way
        // (the kernel sets the new name before it sends the exec event, and a child on another core
        // can exec between the step's intake and its read). Its lines now are about the copy it was
        // until then, unnamed when that copy's name is unknown; its exec line, when the event comes,
        // starts from that copy.
        ahead.set(event.pid, { ...program, at: fork.at });
        return;
      }
      // Unknown replaces a name only where the child exec'd: one that did not may have been read under its own.
      if (program.comm !== undefined || facts.execs.has(event.pid)) events[i] = { ...event, comm: program.comm };
      return;
    }
    if (event.kind !== 'exec') return;
    const firstExec = facts.execs.get(event.pid)?.times.find((time) => time >= fork.at);
    if (firstExec !== event.at) return;
    // A parent with no exec in the step ran, at the fork, what the last table read of it alive shows
    // (this step's read may find it a zombie already, its command line gone: `exec: sh → sleep`).
    const before = ranBefore(fork.parent);
    const program = programAt(fork.parent, fork.at) ?? (before === undefined ? undefined : { comm: before.comm, args: before.args });
    if (program === undefined) return;
    const started = { ...event, fromComm: program.comm, fromArgs: program.args };
    events[i] = started;
    // A child it forked before this exec ran what the exec started from (programAt reads the index).
    execsOf.set(
      event.pid,
      (execsOf.get(event.pid) ?? []).map((exec) => (exec === event ? started : exec)),
    );
  });
  events.forEach((event, i) => {
    const was = ahead.get(event.pid);
    if (was !== undefined && event.kind !== 'exec') events[i] = { ...event, comm: was.comm };
  });
  return ahead;
}

function lookup(pid: number, prev: Snapshot, next: Snapshot): ProcInfo | undefined {
  return next.procs.get(pid) ?? prev.procs.get(pid);
}

export interface Program {
  readonly comm: string | undefined;
  readonly args: string | undefined;
}

/**
 * Processes procview started itself (procview run), by pid: the program their
 * first exec led to, which procview asked execve for. Known however fast the
 * program ends; a read, when one came, still says what it shows.
 */
export type StartedPrograms = ReadonlyMap<number, Program>;

const UNREAD: Program = { comm: undefined, args: undefined };

/**
 * One exec event per exec the kernel reported, at its own time: the first from
 * `before`, the last to `after`; the programs in between (an exec chain faster
 * than a read) were not read, so they are unknown, except the first one's
 * result in a process procview started (`started`: what it exec'd), when no
 * read showed it.
 */
function pushExecs(out: ProcEvent[], fact: ExecFact, pid: number, before: Program, after: Program, started?: Program): void {
  const { times } = fact;
  const firstLedTo = started ?? UNREAD;
  // One exec: what the read shows, field by field, else what procview exec'd (a zombie's read has
  // its name but an empty command line).
  const only: Program = { comm: after.comm ?? firstLedTo.comm, args: after.args || (firstLedTo.args ?? after.args) };
  times.forEach((at, i) => {
    const first = i === 0;
    const last = i === times.length - 1;
    const to = first && last ? only : last ? after : first ? firstLedTo : UNREAD;
    const from = first ? before : i === 1 ? firstLedTo : UNREAD;
    out.push({ kind: 'exec', at, pid, source: 'kernel', comm: to.comm, fromComm: from.comm, fromArgs: from.args, args: to.args });
  });
}

/**
 * The last moment a table's reads can be said to precede. takenAt is Date.now(), whole
 * milliseconds taken after the reads; the kernel's times have fractions. An event in the same
 * millisecond counts as before the read: what it led to is then said to be unknown rather than
 * named wrongly.
 */
function readBy(table: Snapshot): number {
  return table.takenAt + 1;
}

/**
 * The name of a process on its exit line. The diff names an exit from the last
 * table that held the process; an exec the kernel reported after that read
 * replaced the name (exec sets task->comm), so the one read is its program
 * before: the new one if the kernel reported it (comm event) or procview
 * started that program, else unknown, never the old one.
 */
function exitName(event: ProcEvent, facts: Facts, prev: Snapshot, started: StartedPrograms): string | undefined {
  if (event.kind !== 'exit') return event.comm;
  // A fork of the pid in this step began another process: the execs from then on, and what was read of them, are its.
  const reborn = facts.forks.get(event.pid)?.at;
  const execTimes = (facts.execs.get(event.pid)?.times ?? []).filter((time) => reborn === undefined || time < reborn);
  // An exec in the very millisecond of the read may have come after it: the name read is then not trusted.
  const later = execTimes.filter((time) => time >= prev.takenAt);
  if (later.length === 0) return event.comm;
  // A name the kernel reported (a rename) only when it came after the last exec: an exec renames too.
  const lastExec = execTimes.at(-1) ?? Number.NEGATIVE_INFINITY;
  // (Facts without their times, as some callers build them: the name last reported.)
  const renamedSince =
    facts.renames === undefined
      ? facts.comms.get(event.pid)
      : facts.renames
          .get(event.pid)
          ?.filter((rename) => rename.at > lastExec)
          .at(-1)?.comm;
  return (
    (reborn === undefined ? programRead(event.pid, facts)?.comm : undefined) ??
    (later.length === execTimes.length && execTimes.length === 1 ? started.get(event.pid)?.comm : undefined) ??
    renamedSince
  );
}

/**
 * Execs of processes `next` holds, timed after it was read (a scan takes in the kernel's batches
 * after its reads), cannot show in it: they wait for the next step, which reads the process again
 * (their batch named it). Those of processes it does not hold are explained now (a process gone
 * between two reads is known from the facts alone).
 */
function splitLateExecs(execs: ReadonlyMap<number, ExecFact>, next: Snapshot): { now: Map<number, ExecFact>; later: Map<number, ExecFact> } {
  const now = new Map<number, ExecFact>();
  const later = new Map<number, ExecFact>();
  const by = readBy(next);
  for (const [pid, fact] of execs) {
    const after = next.procs.has(pid) ? fact.times.filter((at) => at > by) : [];
    if (after.length === 0) {
      now.set(pid, fact);
      continue;
    }
    later.set(pid, { times: after });
    const before = fact.times.filter((at) => at <= by);
    if (before.length > 0) now.set(pid, { times: before });
  }
  return { now, later };
}

export function explainStep(
  diff: readonly ProcEvent[],
  prev: Snapshot,
  next: Snapshot,
  facts: Facts,
  now: number,
  started: StartedPrograms = new Map(),
  readAhead: ReadonlySet<number> = new Set(),
  /** Whether the kernel reported an exit of this pid in an earlier step (recently). */
  exitedBefore: (pid: number) => boolean = () => false,
): Explained {
  const { forks, exits, comms } = facts;
  const { now: execs, later: laterExecs } = splitLateExecs(facts.execs, next);
  const out: ProcEvent[] = [];
  // Children read in an earlier step whose parents were carried to this one, then this step's.
  const forkedNames: ForkedName[] = [...(facts.childNames ?? [])];
  const execReported = new Set<number>();
  const exitReported = new Set<number>();
  const renameReported = new Set<number>();
  for (const event of diff) {
    switch (event.kind) {
      case 'spawn': {
        const fork = forks.get(event.pid);
        if (fork === undefined) {
          out.push(event);
          break;
        }
        const parent = lookup(fork.parent, prev, next);
        const execFact = execs.get(event.pid);
        // Read after an exec, the child shows its new program; at its fork it was its parent's copy
        // (fork copies comm), as the exec line below says it was: `7 (bash) started`, then `exec: bash → ls`.
        const comm = execFact === undefined ? event.comm : parent?.comm;
        out.push({ ...event, comm, at: Math.min(fork.at, event.at), ppid: fork.parent, source: fork.source });
        // Read with the name it was forked with: no exec before the read (PF_FORKNOEXEC still set in
        // that read, fork-mark.ts: an exec whose event is still on its way has cleared it), no rename
        // the kernel reported.
        if (
          execFact === undefined &&
          forkedNoExec(next.procs.get(event.pid)) === true &&
          fork.source === 'kernel' &&
          fork.byOtherThread !== true &&
          event.comm !== undefined &&
          !comms.has(event.pid)
        ) {
          forkedNames.push({ parent: fork.parent, at: fork.at, child: event.pid, comm: event.comm });
        }
        if (execFact !== undefined) {
          // A forked child runs its parent's program until it execs: that is its "before".
          pushExecs(
            out,
            execFact,
            event.pid,
            { comm: parent?.comm, args: parent?.args },
            { comm: event.comm, args: next.procs.get(event.pid)?.args },
            started.get(event.pid),
          );
          execReported.add(event.pid);
        }
        const ppidNow = next.procs.get(event.pid)?.ppid;
        if (ppidNow !== undefined && ppidNow !== fork.parent) {
          const orphaned = exits.has(fork.parent) || parentIsGone(fork.parent, prev, next);
          out.push({
            kind: 'reparent',
            at: exits.get(fork.parent)?.at ?? event.at,
            pid: event.pid,
            comm: event.comm,
            source: fork.source,
            from: fork.parent,
            to: ppidNow,
            orphaned,
            adopter: orphaned ? adopterOf(ppidNow) : undefined,
          });
        }
        break;
      }
      case 'exit':
      case 'zombie':
      case 'reap': {
        const base = inferReaper(event, prev, exits, exitedBefore);
        // A main thread's end alone is not the process's (ExitFact.leaderAlone): its status comes with its last thread's report.
        const fact = exits.get(event.pid);
        const exit = fact?.leaderAlone === 'main' ? undefined : fact;
        if (exit === undefined) {
          // Its status comes later (stream.ts #lateStatus); its name is decided now.
          out.push(base.kind === 'exit' ? { ...base, comm: exitName(base, facts, prev, started) } : base);
          break;
        }
        exitReported.add(event.pid);
        // A reap happens when it is read (or inferred at its reaper's exit), not when the process exited
        // (its status may come late: see carryExits).
        const at = base.kind === 'reap' ? base.at : Math.min(exit.at, base.at);
        const comm = exitName(base, facts, prev, started);
        // The kernel reports no reap: a reap stays what the read that found it says it is (README: source), with the kernel's status.
        const known = base.kind === 'reap' ? { at, status: exit.status, comm } : { at, status: exit.status, source: 'kernel' as const, comm };
        const resumed =
          base.kind === 'reap'
            ? undefined
            : continuedBeforeExit(
                event.pid,
                prev.procs.get(event.pid),
                exit,
                facts.forks.has(event.pid),
                known.comm,
                Math.min(at, firstSignOfRunning(event.pid, prev.takenAt, facts) ?? at),
              );
        if (resumed !== undefined) out.push(resumed);
        // The zombie's parent is the one it had when it exited (the kernel says which), even if that
        // parent has exited too by the time the zombie was read.
        out.push(base.kind === 'zombie' && exit.parent !== undefined ? { ...base, ...known, ppid: exit.parent } : { ...base, ...known });
        const reap = base.kind === 'exit' ? reapedUnseen({ pid: event.pid, comm: known.comm }, exit, next, facts) : undefined;
        if (reap !== undefined) out.push(reap);
        break;
      }
      case 'exec': {
        const execFact = execs.get(event.pid);
        if (execFact !== undefined) {
          execReported.add(event.pid);
          pushExecs(out, execFact, event.pid, { comm: event.fromComm, args: event.fromArgs }, { comm: event.comm, args: event.args }, started.get(event.pid));
        } else if (!comms.has(event.pid)) {
          out.push(event);
        } else {
          // The kernel reported a new name (PROC_EVENT_COMM: prctl(PR_SET_NAME), which Node's
          // process.title and Perl's $0 call after rewriting argv, or a write to /proc/PID/comm) and
          // no exec, which it reports for every execve: the program renamed itself, a line per name.
          let from = event.fromComm;
          for (const rename of facts.renames?.get(event.pid) ?? []) {
            if (from !== rename.comm) out.push({ kind: 'rename', at: rename.at, pid: event.pid, comm: rename.comm, from, source: 'kernel' });
            from = rename.comm;
          }
          renameReported.add(event.pid);
        }
        break;
      }
      case 'reparent': {
        // The kernel reparents the children of a process as it exits (exit_notify): an adoption read
        // now happened at the old parent's exit, when the kernel said when that was.
        const exit = event.from === undefined ? undefined : exits.get(event.from);
        out.push(exit === undefined ? event : { ...event, at: Math.min(exit.at, event.at) });
        break;
      }
      default:
        out.push(event);
    }
  }

  // Execs the kernel reported that no read showed: the same command line exec'd again, or facts
  // taken in late. The kernel saw them either way. A fact can come in a batch after the read that
  // already shows its result (an exec chain faster than the batch), or after the process ended.
  // A chain that began before the previous table was read led to the program it shows (or to one
  // after it): what it started from was not read, and is not the program shown. What it ran last
  // is known while it lives; a zombie keeps its last comm (task->comm) but no command line; a
  // reaped one, neither.
  for (const [pid, fact] of execs) {
    if (execReported.has(pid) || forks.has(pid)) continue;
    const before = prev.procs.get(pid);
    const after = next.procs.get(pid);
    if (before === undefined || (after !== undefined && !sameProcess(before, after))) continue;
    const alive = after !== undefined && after.state !== 'Z' && after.state !== 'X';
    // A child read after this exec, before its event came (childrenStartFromForkers): it was its parent's copy.
    const forkedAs = facts.forkedAs?.get(pid);
    const from = forkedAs ?? ((fact.times[0] ?? 0) <= readBy(prev) ? UNREAD : { comm: before.comm, args: before.args });
    const read = after === undefined ? programRead(pid, facts) : undefined;
    pushExecs(out, fact, pid, from, { comm: after?.comm ?? read?.comm, args: alive ? after.args : read?.args }, started.get(pid));
  }

  // Processes that lived between two reads: known from the kernel's facts only.
  const carry = new Map<number, ForkFact>();
  for (const [pid, fork] of forks) {
    if (prev.procs.has(pid) || next.procs.has(pid)) continue;
    const exit = exits.get(pid);
    if (exit === undefined && now - fork.at < CARRY_LIMIT_MS) {
      carry.set(pid, fork);
      continue;
    }
    const parent = lookup(fork.parent, prev, next);
    const execFact = execs.get(pid);
    // Until it execs, a child runs its parent's program under its parent's name; after an exec
    // nobody read, its name is unknown (the kernel reports a new name only for prctl, not exec).
    // One exec of a program procview started: that program.
    const read = programRead(pid, facts);
    const comm = comms.get(pid) ?? (execFact === undefined ? parent?.comm : (read?.comm ?? (execFact.times.length === 1 ? started.get(pid)?.comm : undefined)));
    out.push({ kind: 'spawn', at: fork.at, pid, comm: parent?.comm, ppid: fork.parent, source: fork.source });
    if (execFact !== undefined)
      pushExecs(out, execFact, pid, { comm: parent?.comm, args: parent?.args }, { comm: comms.get(pid) ?? read?.comm, args: read?.args }, started.get(pid));
    out.push(
      exit === undefined
        ? { kind: 'exit', at: now, pid, comm, ppid: fork.parent, source: fork.source }
        : { kind: 'exit', at: exit.at, pid, comm, ppid: exit.parent ?? fork.parent, status: exit.status, source: 'kernel' },
    );
    const reap = exit === undefined ? undefined : reapedUnseen({ pid, comm }, exit, next, facts);
    if (reap !== undefined) out.push(reap);
  }
  const carryExecs = laterExecs;
  for (const pid of carry.keys()) {
    const fact = execs.get(pid);
    if (fact !== undefined) carryExecs.set(pid, fact);
  }
  const carryExits = new Map<number, ExitFact>();
  for (const [pid, exit] of exits) {
    const proc = next.procs.get(pid);
    if (proc === undefined) continue;
    // Still reads alive: the kernel reports an exit a moment before the process reads Z.
    const exiting = !exitReported.has(pid) && proc.state !== 'Z' && proc.state !== 'X' && now - exit.at < CARRY_LIMIT_MS;
    // A zombie keeps its exit for its reap line, however late, whether its zombie line said the
    // status or went out before the exit event was taken in (a busy machine). One fact per
    // zombie, gone with it. Read Zl, the exit was its main thread's alone (ExitFact.leaderAlone).
    if (proc.state === 'Z' && hasOtherThreads(proc)) carryExits.set(pid, exit.leaderAlone === undefined ? { ...exit, leaderAlone: 'main' } : exit);
    else if (exiting || proc.state === 'Z') carryExits.set(pid, exit);
  }
  const changesLeft = programsReadAhead(out, readAhead, started);
  renamesAmongStarts(out, facts, renameReported, prev, (pid) => lookup(pid, prev, next)?.comm, started);
  // In the order things happened: a step can hold a fork, its exec and its parent's exit.
  out.sort((a, b) => a.at - b.at);
  childEndsBeforeParentEnds(out, exits);
  endsBeforeAdoptions(out);
  reapsBeforeReaperEnds(out);
  namesFromChildren(out, forkedNames, facts);
  const alive = (proc: ProcInfo | undefined): ProcInfo | undefined => (isDead(proc) ? undefined : proc);
  const ahead = childrenStartFromForkers(
    out,
    facts,
    (pid) => lookup(pid, prev, next),
    (pid) => alive(prev.procs.get(pid)) ?? alive(next.procs.get(pid)),
  );
  for (const [pid, was] of changesLeft) if (!ahead.has(pid)) ahead.set(pid, was);
  // Children still waiting for the exec event their read showed the result of (not for ever).
  facts.forkedAs?.forEach((was, pid) => {
    if (!execs.has(pid) && now - was.at < CARRY_LIMIT_MS && next.procs.has(pid)) ahead.set(pid, was);
  });
  namesBeforeExecs(out);
  const carryPrograms = new Map<number, ProgramRead>();
  for (const pid of carryExecs.keys()) {
    const read = facts.programs?.get(pid);
    if (read !== undefined) carryPrograms.set(pid, read);
  }
  // A parent renamed in this step (comm event, not carried) no longer has the name its children copied.
  const carryNames = forkedNames.filter((name) => (carry.has(name.parent) || carryExecs.has(name.parent)) && !comms.has(name.parent));
  const carryRenames = new Map<number, CarriedRenames>();
  facts.renames?.forEach((renames, pid) => {
    const last = renames.at(-1);
    if (last === undefined || renameReported.has(pid) || (!next.procs.has(pid) && !carry.has(pid))) return;
    // Said here (renamesAmongStarts): the read may predate the rename, and the next one show the new
    // name. Its name goes on, so that change is the rename said, not an exec nobody reported.
    if (out.some((event) => event.pid === pid)) {
      if (next.procs.has(pid)) carryRenames.set(pid, { renames: [], comm: last.comm });
      return;
    }
    // Not said: for the step whose read shows it. Not for ever: a rename to the name it had shows no change.
    const recent = renames.filter((rename) => now - rename.at < CARRY_LIMIT_MS);
    if (recent.length > 0) carryRenames.set(pid, { renames: recent, comm: last.comm });
  });
  return { events: out, carry, carryExits, carryExecs, carryPrograms, carryNames, carryForkedAs: ahead, carryRenames };
}
