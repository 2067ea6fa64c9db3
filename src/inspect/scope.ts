// Which processes the view follows. A scoped view starts from seeds (the
// --watch PID, the processes matching a name, the chat room's processes, the
// pids a demo tracks) and takes in their descendants; once a process is in, it
// stays until it exits, so an orphan adopted by PID 1 is still shown.
// Identity is pid + start time (the rule of identity.ts): a member
// is remembered with its start time, and a seed named by pid alone is bound to
// the process it was when first seen, so a later process that reuses the pid
// never joins the scope.
import { sameProcess, sameStartTime } from './identity.js';
import { matchByName, matchEventsByName } from './name-match.js';
import type { ProcEvent, ProcInfo, Snapshot } from './types.js';

/**
 * Where a scoped view starts:
 * - a bare pid: a process of this very snapshot (a name or title match,
 *   recomputed every frame), taken as it is now;
 * - `{ pid, startTime }`: that process only;
 * - `{ pid, trackedAt }`: the pid as it was at `trackedAt` (performance.now()
 *   of this process, as Frame.begunAt), when it was announced without a start
 *   time (a demo's track(pid), the --watch PID): bound to the first snapshot
 *   whose scan began after that moment, or never admitted if it was gone then.
 */
export type Seed = number | { readonly pid: number; readonly startTime: number | undefined } | { readonly pid: number; readonly trackedAt: number };

/**
 * What a seed named without a start time has become. `startTime` undefined:
 * the backend cannot tell, so the seed holds only while the pid is seen in
 * every snapshot.
 */
export type SeedBinding =
  | { readonly state: 'pending'; readonly trackedAt: number }
  | { readonly state: 'bound'; readonly startTime: number | undefined }
  | { readonly state: 'gone' };

export type Scope =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'follow';
      /** pid → start time of the process in scope. */
      readonly members: ReadonlyMap<number, number | undefined>;
      /** Seeds given as `{ pid, trackedAt }`, by pid; a `gone` one stays gone. */
      readonly bindings: ReadonlyMap<number, SeedBinding>;
    };

export const ALL: Scope = { kind: 'all' };
export const EMPTY_FOLLOW: Scope = { kind: 'follow', members: new Map(), bindings: new Map() };

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

/**
 * The binding of a pid-only seed after this snapshot (scan begun at `begunAt`;
 * `forkedNow`: the frame's events say the pid was forked in it).
 */
function rebind(binding: SeedBinding, proc: ProcInfo | undefined, begunAt: number, forkedNow = false): SeedBinding {
  switch (binding.state) {
    case 'gone':
      return binding;
    case 'pending':
      // A scan that began before the pid was announced may have read it before that process existed;
      // not when the pid was forked in this very frame: the process read is that fork, the one announced
      // (a pid is announced after its fork), so its start and exec lines are shown with it.
      if (begunAt <= binding.trackedAt && !(forkedNow && proc !== undefined)) return binding;
      return proc === undefined ? { state: 'gone' } : { state: 'bound', startTime: proc.startTime };
    case 'bound':
      return proc !== undefined && sameStartTime(binding.startTime, proc.startTime) ? binding : { state: 'gone' };
  }
}

/**
 * The pids `events` say were forked by one of `forkers`, or in turn by one of those: the spawn's
 * real parent (the kernel's fork event, procview's own wait, a watched parent's children), whether
 * or not a table held it. Spawns come in the order they happened.
 */
export function forkedFrom(forkers: Iterable<number>, events: readonly ProcEvent[]): Set<number> {
  const from = new Set(forkers);
  const out = new Set<number>();
  for (const event of events) {
    if (event.kind !== 'spawn' || event.ppid === undefined || !from.has(event.ppid)) continue;
    from.add(event.pid);
    out.add(event.pid);
  }
  return out;
}

/**
 * The next scope: still-living members, seeds that are (still) the process
 * they named, and all their descendants. `begunAt` is when this snapshot's scan
 * began (Frame.begunAt).
 */
export function advanceScope(prev: Scope, snapshot: Snapshot, seeds: Iterable<Seed>, begunAt: number, events: readonly ProcEvent[] = []): Scope {
  if (prev.kind === 'all') return prev;
  const members = new Map<number, number | undefined>();
  const take = (pid: number): void => {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined && !members.has(pid)) members.set(pid, proc.startTime);
  };
  for (const [pid, startTime] of prev.members) {
    const proc = snapshot.procs.get(pid);
    if (proc !== undefined && sameStartTime(startTime, proc.startTime)) take(pid);
  }
  const bindings = new Map<number, SeedBinding>();
  const forked = new Set<number>();
  // A fork reported (kernel, waitpid, a watched parent's children), not a pid first seen by a table.
  for (const event of events) if (event.kind === 'spawn' && event.source !== undefined) forked.add(event.pid);
  for (const [pid, binding] of prev.bindings) bindings.set(pid, rebind(binding, snapshot.procs.get(pid), begunAt, forked.has(pid)));
  for (const seed of seeds) {
    if (typeof seed === 'number') {
      take(seed);
    } else if ('startTime' in seed) {
      const proc = snapshot.procs.get(seed.pid);
      if (proc !== undefined && sameProcess(seed, proc)) take(seed.pid);
    } else if (!bindings.has(seed.pid)) {
      // First announced now; a pid announced again keeps its first binding.
      bindings.set(seed.pid, rebind({ state: 'pending', trackedAt: seed.trackedAt }, snapshot.procs.get(seed.pid), begunAt, forked.has(seed.pid)));
    }
  }
  for (const [pid, binding] of bindings) if (binding.state === 'bound') take(pid);
  // Forked by a member (the spawn's real parent, from the kernel or the scoped tracker): in scope
  // even when already adopted by PID 1 when first read. The forker may be in no table: a member
  // of the last frame that exited in this one, a seed gone before any read (a program run), or a
  // process itself forked by one of these and gone since (a fork demo's parent, a double fork's
  // middle child): its children are the scope's all the same. Spawns come in the order they happened.
  const forkers = new Set<number>([...prev.members.keys(), ...members.keys()]);
  for (const seed of seeds) if (typeof seed === 'number') forkers.add(seed);
  for (const [pid, binding] of bindings) if (binding.state !== 'gone' && forked.has(pid)) forkers.add(pid);
  for (const pid of forkedFrom(forkers, events)) take(pid);
  const children = childrenIndex(snapshot.procs.values());
  const queue = [...members.keys()];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) {
      if (members.has(child)) continue;
      take(child);
      queue.push(child);
    }
  }
  return { kind: 'follow', members, bindings };
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

/**
 * `--watch NAME`: the rule of name-match.ts (never procview's own processes, as pgrep never matches
 * itself), in the table and in the events that came with it: a program that ran and ended between
 * two tables (a fork demo's parent, gone in a millisecond) is named only by its exec or exit.
 */
export function nameSeeds(snapshot: Snapshot, events: readonly ProcEvent[], pattern: string, selfPid: number): number[] {
  return [...matchByName(snapshot, pattern, selfPid), ...matchEventsByName(events, snapshot, pattern, selfPid)];
}

/** A table and the events that came with it (a frame of the stream); no events for a table alone. */
export interface SeedSource {
  readonly snapshot: Snapshot;
  readonly events?: readonly ProcEvent[];
}

/** What `--watch` names, for the dashboard and the exporter alike: everything, pids, or a name. */
export type WatchTarget =
  | { readonly kind: 'all' }
  | { readonly kind: 'pids'; readonly pids: readonly number[] }
  | { readonly kind: 'name'; readonly pattern: string };

/**
 * The seeds `target` gives in a frame: each pid as it was at `startedAt`
 * (when --watch named it), the processes a name matches now; none for all.
 */
export function targetSeeds(target: WatchTarget, { snapshot, events = [] }: SeedSource, startedAt: number, selfPid: number = process.pid): Seed[] {
  switch (target.kind) {
    case 'all':
      return [];
    case 'pids':
      return target.pids.map((pid) => ({ pid, trackedAt: startedAt }));
    case 'name':
      return nameSeeds(snapshot, events, target.pattern, selfPid);
  }
}
