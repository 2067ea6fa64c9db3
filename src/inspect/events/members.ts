// Which processes a scoped event stream (`procview events --watch`, `procview
// run`) is about: the seeds, everything they fork (by the spawn event's real
// parent, so a child already adopted by PID 1 when first read still counts),
// and their descendants in the table; a member stays until it is gone.
// Identity is pid + start time.
import { sameStartTime } from '../identity.js';
import type { ProcEvent, Snapshot } from '../types.js';

export type Members = ReadonlyMap<number, number | undefined>;

/** The members after a frame: `seeds` are pids to take in (kept while they are in the snapshot). */
export function advanceMembers(prev: Members, snapshot: Snapshot, events: readonly ProcEvent[], seeds: Iterable<number>): Map<number, number | undefined> {
  const members = new Map<number, number | undefined>();
  for (const [pid, startTime] of prev) {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined && sameStartTime(startTime, proc.startTime)) members.set(pid, startTime);
  }
  const take = (pid: number): boolean => {
    if (members.has(pid)) return false;
    members.set(pid, snapshot.procs.get(pid)?.startTime);
    return true;
  };
  // A seed is taken even when it is already gone: its events of this frame still count.
  for (const pid of seeds) take(pid);
  // Forked by a member (real parent), in the order they happened: a grandchild follows its parent.
  for (const event of events) {
    if (event.kind === 'spawn' && event.ppid !== undefined && (members.has(event.ppid) || prev.has(event.ppid))) take(event.pid);
  }
  const children = new Map<number, number[]>();
  snapshot.procs.forEach((proc, pid) => {
    if (proc.ppid === undefined) return;
    const list = children.get(proc.ppid);
    if (list === undefined) children.set(proc.ppid, [pid]);
    else list.push(pid);
  });
  const queue = [...members.keys()];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) if (take(child)) queue.push(child);
  }
  return members;
}

/** Whether `event` is about a member (before or after the frame), or a process one of them forked. */
export function concernsMembers(event: ProcEvent, before: Members, after: Members): boolean {
  if (before.has(event.pid) || after.has(event.pid)) return true;
  return event.kind === 'spawn' && event.ppid !== undefined && (before.has(event.ppid) || after.has(event.ppid));
}
