// Which processes the view follows. A scoped view starts from seeds (the
// --watch PID, the processes matching a name, the chat room's processes, the
// pids a demo tracks) and takes in their descendants; once a pid is in, it
// stays until it exits, so an orphan adopted by PID 1 is still shown. A member
// is remembered with its start time: a reused pid is a different process.
import type { ProcInfo, Snapshot } from '../../inspect/types.js';

export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'follow'; readonly members: ReadonlyMap<number, number | undefined> };

export const ALL: Scope = { kind: 'all' };
export const EMPTY_FOLLOW: Scope = { kind: 'follow', members: new Map() };

export function inScope(scope: Scope, snapshot: Snapshot, pid: number): boolean {
  return scope.kind === 'all' ? snapshot.procs.has(pid) : scope.members.has(pid);
}

/** parent pid → child pids, from PPID (field 4 of /proc/PID/stat). */
export function childrenIndex(procs: Iterable<ProcInfo>): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (const proc of procs) {
    if (proc.ppid === undefined || proc.ppid === proc.pid) continue;
    const list = index.get(proc.ppid);
    if (list === undefined) index.set(proc.ppid, [proc.pid]);
    else list.push(proc.pid);
  }
  return index;
}

function sameProcess(startTime: number | undefined, proc: ProcInfo): boolean {
  return startTime === undefined || proc.startTime === undefined || startTime === proc.startTime;
}

/** The next scope: still-living members, seeds that exist now, and all their descendants. */
export function advanceScope(prev: Scope, snapshot: Snapshot, seeds: Iterable<number>): Scope {
  if (prev.kind === 'all') return prev;
  const members = new Map<number, number | undefined>();
  const take = (pid: number): void => {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined && !members.has(pid)) members.set(pid, proc.startTime);
  };
  for (const [pid, startTime] of prev.members) {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined && sameProcess(startTime, proc)) take(pid);
  }
  for (const pid of seeds) take(pid);
  const children = childrenIndex(snapshot.procs.values());
  const queue = [...members.keys()];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) {
      if (members.has(child)) continue;
      take(child);
      queue.push(child);
    }
  }
  return { kind: 'follow', members };
}

/** Live processes of the snapshot that are in scope. */
export function scopedProcs(scope: Scope, snapshot: Snapshot): ProcInfo[] {
  if (scope.kind === 'all') return [...snapshot.procs.values()];
  const out: ProcInfo[] = [];
  for (const pid of scope.members.keys()) {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined) out.push(proc);
  }
  return out;
}
