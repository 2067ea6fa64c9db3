// The sweep of a scan (htop Table.c prepares, reads, then sweeps what it did
// not see): two snapshots in, the process events between them out. Pure, so
// every kind can be tested on hand-made snapshots.
//
// Event order is deterministic, in three phases, each by ascending pid:
//   1. gone:    `reap` for a zombie that disappeared, `exit` for any other;
//   2. changed: per process `reparent`, `exec`, `renice`, `stop`|`continue`, `zombie`;
//   3. new:     `spawn`, then `zombie` when it was already a zombie at first sight.
// Gone comes first so that a parent's exit precedes its children's reparent.
// A pid whose start time changed is a different process (pid reuse, the rule
// of identity.ts): it is reported in phase 1 for the old one and phase 3
// for the new one.
//
// A kernel thread changing its name is not an exec. Linux starts every kernel
// thread from kthreadd (pid 2), so they are pid 2 and its children (ppid 2),
// and they have no command line; a kworker renames itself after the work it
// picks up (`kworker/0:1-events`), many times a minute. Both conditions are
// required: in a PID namespace (a container) pid 2 is an ordinary process,
// and its children's execs have a command line.
//
// Backends hand out the same frozen record for a process whose fields did not
// change, so a record identical by reference on both sides is skipped unread:
// a steady refresh costs what changed, not what exists.
import { sameProcess } from './identity.js';
import { isKernelThreadRecord } from './kernel-thread.js';
import type { Adopter, ProcEvent, ProcInfo, Snapshot } from './types.js';
import { isDeadZombie } from './thread-group.js';

/** Stopped by job control (`T`) or by a tracer (`t`). */
const STOPPED = new Set(['T', 't']);
/** Dead: exited but not reaped yet (`Z`), or being torn down (`X`). */
const DEAD = new Set(['Z', 'X']);

export function isDead(proc: ProcInfo | undefined): boolean {
  return proc?.state !== undefined && DEAD.has(proc.state);
}

/**
 * A zombie process (thread-group.ts): not a leader whose main thread exited while its other threads
 * run on (pthread_exit in main: ps says Zl). Such a process is alive; it turns zombie when its last
 * thread ends.
 */
const isZombie = isDeadZombie;

function isStopped(proc: ProcInfo): boolean {
  return proc.state !== undefined && STOPPED.has(proc.state);
}

/** A stop as read: `t` is a tracer's stop (ptrace), which SIGCONT does not end. */
function stopEvent(at: number, pid: number, comm: string | undefined, after: ProcInfo): ProcEvent {
  return after.state === 't' ? { kind: 'stop', at, pid, comm, traced: true } : { kind: 'stop', at, pid, comm };
}

/** Process events that explain how `prev` became `next`; `at` is `next.takenAt`. */
export function diffSnapshots(prev: Snapshot, next: Snapshot): ProcEvent[] {
  const at = next.takenAt;
  const gone: ProcEvent[] = [];
  const changed: ProcEvent[] = [];
  const born: ProcEvent[] = [];

  // forEach, not for…of: no [pid, record] pair allocated per process.
  prev.procs.forEach((before, pid) => {
    const after = next.procs.get(pid);
    if (after === before) return;
    if (after !== undefined && sameProcess(before, after)) changesOf(before, after, prev, next, at, changed);
    else gone.push(goneEvent(before, prev, next, at));
  });

  // Every pid of prev that is not gone is the same process in next, so next
  // holds prev.size - gone.length pids it had before; any more are births (a
  // new pid, or a reused one, whose old process is among the gone).
  if (next.procs.size !== prev.procs.size - gone.length) {
    next.procs.forEach((after, pid) => {
      const before = prev.procs.get(pid);
      if (before === after || (before !== undefined && sameProcess(before, after))) return;
      bornEvents(after, at, born);
    });
  }

  // Maps iterate in insertion order, not necessarily by pid; the sort is stable,
  // so one process's events keep the order they were found in.
  return byPid(gone).concat(byPid(changed), byPid(born));
}

/**
 * diffSnapshots for a `next` that is `prev` with only the processes in `reread` read again (an
 * event stream's step between scans): the same events, found by looking at those pids alone, so
 * a step costs what it read, not what the table holds. Every other pid must hold the very same
 * record on both sides.
 */
export function diffReread(prev: Snapshot, next: Snapshot, reread: Iterable<number>): ProcEvent[] {
  const at = next.takenAt;
  const gone: ProcEvent[] = [];
  const changed: ProcEvent[] = [];
  const born: ProcEvent[] = [];
  for (const pid of reread) {
    const before = prev.procs.get(pid);
    const after = next.procs.get(pid);
    if (after === before) continue;
    if (before !== undefined && after !== undefined && sameProcess(before, after)) {
      changesOf(before, after, prev, next, at, changed);
      continue;
    }
    if (before !== undefined) gone.push(goneEvent(before, prev, next, at));
    if (after !== undefined) bornEvents(after, at, born);
  }
  return byPid(gone).concat(byPid(changed), byPid(born));
}

/**
 * A process new to the table: its spawn, and its zombie or its stop when it was
 * one at first sight (a program that stops itself at once, raise(SIGSTOP), was
 * otherwise never said to be stopped).
 */
function bornEvents(after: ProcInfo, at: number, born: ProcEvent[]): void {
  const { pid, comm, ppid } = after;
  born.push({ kind: 'spawn', at, pid, comm, ppid });
  if (isZombie(after)) born.push({ kind: 'zombie', at, pid, comm, ppid });
  else if (isStopped(after)) born.push(stopEvent(at, pid, comm, after));
}

function byPid(events: ProcEvent[]): ProcEvent[] {
  return events.length < 2 ? events : events.sort((a, b) => a.pid - b.pid);
}

function goneEvent(before: ProcInfo, prev: Snapshot, next: Snapshot, at: number): ProcEvent {
  const { pid, comm, ppid } = before;
  // A leader read Zl (its other threads ran on) was never said to be a zombie: gone, it exited.
  if (!isZombie(before)) return { kind: 'exit', at, pid, comm, ppid };
  // Only the parent can reap its zombie. If that parent is itself gone now,
  // the zombie was adopted first and reaped by the adopter, which we did not
  // see: the reaper is unknown.
  const reaper = ppid !== undefined && !parentIsGone(ppid, prev, next) ? ppid : undefined;
  return { kind: 'reap', at, pid, comm, by: reaper };
}

/** Appends to `events` what changed between two sightings of the same process. */
function changesOf(before: ProcInfo, after: ProcInfo, prev: Snapshot, next: Snapshot, at: number, events: ProcEvent[]): void {
  const { pid, comm } = after;

  if (before.ppid !== undefined && after.ppid !== undefined && before.ppid !== after.ppid) {
    const orphaned = parentIsGone(before.ppid, prev, next);
    events.push({
      kind: 'reparent',
      at,
      pid,
      comm,
      from: before.ppid,
      to: after.ppid,
      orphaned,
      adopter: orphaned ? adopterOf(after.ppid) : undefined,
    });
  }

  // A zombie's cmdline reads empty: that is death, not an exec.
  if (!isDead(before) && !isDead(after) && (differs(before.comm, after.comm) || differs(before.args, after.args)) && !isKernelThreadRename(before, after)) {
    events.push({ kind: 'exec', at, pid, comm, fromComm: before.comm, fromArgs: before.args, args: after.args });
  }

  if (before.nice !== undefined && after.nice !== undefined && before.nice !== after.nice) {
    events.push({ kind: 'renice', at, pid, comm, from: before.nice, to: after.nice });
  }

  if (before.state !== undefined && !isStopped(before) && isStopped(after)) {
    events.push(stopEvent(at, pid, comm, after));
  } else if (isStopped(before) && after.state !== undefined && !isStopped(after) && !isDead(after)) {
    // Killing a stopped process ends it (Z), it does not continue it.
    events.push({ kind: 'continue', at, pid, comm });
  }

  if (!isZombie(before) && isZombie(after)) {
    events.push({ kind: 'zombie', at, pid, comm, ppid: after.ppid });
  }
}

/** A kernel thread (kernel-thread.ts) naming itself anew: it had no command line before either (see the top). */
function isKernelThreadRename(before: ProcInfo, after: ProcInfo): boolean {
  return isKernelThreadRecord(after) && before.args === '';
}

/** Both known and different: a field going unreadable (EACCES) is not a change. */
function differs(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * The kernel reparents children when their parent exits, while the parent
 * itself may linger as a zombie: gone, replaced by a new process with the same
 * pid, or dead all mean "orphaned".
 */
export function parentIsGone(ppid: number, prev: Snapshot, next: Snapshot): boolean {
  const then = prev.procs.get(ppid);
  const now = next.procs.get(ppid);
  if (now === undefined) return true;
  if (then !== undefined && !sameProcess(then, now)) return true;
  return isDead(now);
}

/** PID 1 is init; any other new parent of an orphan is a child subreaper (prctl PR_SET_CHILD_SUBREAPER). */
export function adopterOf(ppid: number): Adopter {
  return ppid === 1 ? 'init' : 'subreaper';
}
