// What the exporter remembers between scans, and how one scan moves it on.
// Pure: the live feed (src/serve/feed.ts) calls advanceMetrics with each new
// snapshot and the events that explain it; a scrape only reads the result.
import { sameStartTime } from '../inspect/identity.js';
import type { Adopter, ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';
import { isDeadZombie } from '../inspect/thread-group.js';

/** The kinds procview_events_total counts (the orphaned kind is a reparent whose parent was gone). */
export const COUNTED_KINDS = ['spawn', 'exit', 'zombie', 'reap', 'exec', 'orphaned', 'stop', 'continue', 'renice'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];
export const ADOPTERS: readonly Adopter[] = ['init', 'subreaper'];

/** The counted kind of an event, or undefined for one not counted (a reparent whose old parent still lives). */
export function countedKind(event: ProcEvent): CountedKind | undefined {
  if (event.kind === 'reparent') return event.orphaned ? 'orphaned' : undefined;
  // The exporter's scans cannot tell a rename from an exec (only the kernel's comm event can).
  if (event.kind === 'rename') return undefined;
  return event.kind;
}

interface Sighting {
  readonly startTime: number | undefined;
  /** Zombies: takenAt of the first snapshot that showed it as Z. Group members: CPU seconds then. */
  readonly value: number;
}

export interface MetricsState {
  /** The latest snapshot (the whole system: a zombie's parent may be outside the scope). */
  readonly snapshot: Snapshot;
  /** Its processes in scope (all of them without --watch). */
  readonly procs: readonly ProcInfo[];
  /** How long the scan behind `snapshot` took, in seconds. */
  readonly scanSeconds: number | undefined;
  readonly events: Readonly<Record<CountedKind, number>>;
  readonly adoptions: Readonly<Record<Adopter, number>>;
  /** pid → when this zombie was first seen as one. */
  readonly zombies: ReadonlyMap<number, Sighting>;
  /** Per group (index of --group), CPU seconds counted so far: a counter, it never goes down. */
  readonly groupCpuSeconds: readonly number[];
  /** pid → CPU seconds of a group member at the last scan, for the next delta. */
  readonly groupMembers: ReadonlyMap<number, Sighting>;
}

export interface ScanInput {
  readonly snapshot: Snapshot;
  readonly procs: readonly ProcInfo[];
  /** The events between the previous snapshot and this one, already limited to the scope. */
  readonly events: readonly ProcEvent[];
  readonly scanSeconds: number | undefined;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/**
 * The state after one more scan. `groupOf` gives a process's group index or
 * -1 (groups.ts); `groupCount` is how many groups there are.
 */
export function advanceMetrics(prev: MetricsState | undefined, input: ScanInput, groupOf: (proc: ProcInfo) => number, groupCount: number): MetricsState {
  const events = { ...(prev?.events ?? zeroes(COUNTED_KINDS)) };
  const adoptions = { ...(prev?.adoptions ?? zeroes(ADOPTERS)) };
  for (const event of input.events) {
    const kind = countedKind(event);
    if (kind === undefined) continue;
    events[kind] += 1;
    if (event.kind === 'reparent' && event.adopter !== undefined) adoptions[event.adopter] += 1;
  }

  const zombies = new Map<number, Sighting>();
  const members = new Map<number, Sighting>();
  const groupCpuSeconds = prev?.groupCpuSeconds.slice() ?? new Array<number>(groupCount).fill(0);
  for (const proc of input.procs) {
    if (isDeadZombie(proc)) {
      const seen = prev?.zombies.get(proc.pid);
      const known = seen !== undefined && sameStartTime(seen.startTime, proc.startTime);
      // A zombie already dead before we looked is dated from our first sight: its age is a lower bound.
      zombies.set(proc.pid, known ? seen : { startTime: proc.startTime, value: input.snapshot.takenAt });
    }
    if (groupCount === 0) continue;
    const group = groupOf(proc);
    if (group < 0) continue;
    const before = prev?.groupMembers.get(proc.pid);
    const same = before !== undefined && sameStartTime(before.startTime, proc.startTime);
    const now = proc.timeSeconds;
    if (now === undefined) {
      // Unreadable this time: keep the last figure for the next delta, add nothing.
      if (same) members.set(proc.pid, before);
      continue;
    }
    // A process seen for the first time brings all the CPU it used so far; a known one, what it used since.
    const delta = same ? now - before.value : now;
    groupCpuSeconds[group] = (groupCpuSeconds[group] ?? 0) + Math.max(0, delta);
    members.set(proc.pid, { startTime: proc.startTime, value: now });
  }

  return {
    snapshot: input.snapshot,
    procs: input.procs,
    scanSeconds: input.scanSeconds,
    events,
    adoptions,
    zombies,
    groupCpuSeconds,
    groupMembers: members,
  };
}
