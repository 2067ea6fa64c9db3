// Everything the refresh loop feeds the view, advanced once per frame as a
// pure step: scope, new/exited highlights, the event timeline, the counts and
// their history for the chart.
import type { Meters } from '../../inspect/procfs/meters.js';
import type { SystemLoad } from '../../inspect/system-load.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../../inspect/types.js';
import { countTasks, type TaskCounts } from './header.js';
import { advanceLife, NO_LIFE, type Life } from './life.js';
import { advanceScope, forkedFrom, inScope, scopedProcs, type Scope, type Seed } from '../../inspect/scope.js';
import { appendTimeline, EMPTY_TIMELINE, type Timeline } from './timeline.js';

/** What one turn of the refresh loop produces; never changed after. */
export interface Frame {
  readonly seq: number;
  /** performance.now() when this turn's scan began: tracked pids bind to the first scan begun after they were announced. */
  readonly begunAt: number;
  readonly snapshot: Snapshot;
  readonly previous: Snapshot | undefined;
  readonly events: readonly ProcEvent[];
  /** Uptime and load, read by the loop alongside the snapshot. */
  readonly host: SystemLoad;
  /** CPU, memory and swap for the header meters; undefined where /proc cannot tell. */
  readonly meters?: Meters | undefined;
  readonly intervalMs: number;
  /** The event source in words, for the header (inspect/events/choose.ts sourceWords). */
  readonly sourceWords?: string;
  /** Processes that appeared and vanished between two frames (their last record), for the highlights. */
  readonly glimpses?: ReadonlyMap<number, ProcInfo>;
  /** New processes carrying the run token (WatchFrame.kin): the program's, found by what they inherited. */
  readonly kin?: readonly number[];
}

export const HISTORY_LENGTH = 120;

export interface WatchState {
  readonly frame: Frame | undefined;
  readonly scope: Scope;
  readonly life: Life;
  readonly timeline: Timeline;
  readonly counts: TaskCounts;
  /** A chosen scope: `pid@startTime` of every process it has held; undefined for the whole system. */
  readonly seen: ReadonlySet<string> | undefined;
  /** Process and zombie counts of the scope, oldest first: one column per refresh interval (historyColumn). */
  readonly history: History;
}

export interface History {
  readonly procs: readonly number[];
  readonly zombies: readonly number[];
  /** takenAt where the last column's interval began; undefined before the first frame. */
  readonly since: number | undefined;
}

export function initialWatch(scope: Scope): WatchState {
  return {
    frame: undefined,
    scope,
    life: NO_LIFE,
    timeline: EMPTY_TIMELINE,
    counts: { total: 0, running: 0, sleeping: 0, stopped: 0, zombie: 0, kernel: 0, seen: scope.kind === 'all' ? undefined : 0 },
    seen: scope.kind === 'all' ? undefined : new Set(),
    history: { procs: [], zombies: [], since: undefined },
  };
}

/**
 * The chart's columns stand for time, not frames: kernel events bring frames
 * milliseconds apart, and a column per frame scrolled a two-second zombie off
 * the chart within a second. Each column is one refresh interval and holds the
 * highest counts seen in it (a zombie of 200 ms still shows); an interval with
 * no frame (a pause) repeats the column before it.
 */
export function historyColumn(history: History, takenAt: number, intervalMs: number, procs: number, zombies: number): History {
  const keep = (list: readonly number[]): number[] => list.slice(-HISTORY_LENGTH);
  const { since } = history;
  const step = Math.max(1, intervalMs);
  if (since === undefined || history.procs.length === 0) return { procs: [procs], zombies: [zombies], since: takenAt };
  const passed = Math.floor((takenAt - since) / step);
  if (passed <= 0) {
    const last = (list: readonly number[], value: number): number[] => [...list.slice(0, -1), Math.max(list.at(-1) ?? value, value)];
    return { procs: last(history.procs, procs), zombies: last(history.zombies, zombies), since };
  }
  // Intervals without a frame repeat what the last one ended with, at most a chart's width of them.
  const repeats = Math.min(passed - 1, HISTORY_LENGTH);
  const fill = (list: readonly number[], value: number): number[] => keep([...list, ...Array<number>(repeats).fill(list.at(-1) ?? value), value]);
  return { procs: fill(history.procs, procs), zombies: fill(history.zombies, zombies), since: since + passed * step };
}

/**
 * Pids a process of the scope forked in this frame (spawn's real parent), and bare-pid seeds gone
 * before any snapshot held them (a program that forks and exits at once): they belong to the view.
 */
function forkedBy(events: readonly ProcEvent[], before: Scope, after: Scope, seeds: readonly Seed[]): Set<number> {
  const out = new Set<number>();
  if (after.kind === 'all') return out;
  for (const seed of seeds) if (typeof seed === 'number' && !after.members.has(seed)) out.add(seed);
  const forkers = [...after.members.keys(), ...(before.kind === 'follow' ? before.members.keys() : []), ...out];
  for (const pid of forkedFrom(forkers, events)) out.add(pid);
  return out;
}

export function advanceWatch(prev: WatchState, frame: Frame, seeds: Iterable<Seed>): WatchState {
  const before = prev.frame?.snapshot;
  const after = frame.snapshot;
  const seedList = [...seeds];
  const scope = advanceScope(prev.scope, after, seedList, frame.begunAt, frame.events);
  const forkedInScope = forkedBy(frame.events, prev.scope, scope, seedList);
  const wasShown = (pid: number): boolean =>
    (before !== undefined && inScope(prev.scope, before, pid)) || (forkedInScope.has(pid) && frame.glimpses?.has(pid) === true);
  const isShown = (pid: number): boolean => inScope(scope, after, pid) || forkedInScope.has(pid);
  const life = advanceLife(prev.life, frame.events, before, after, wasShown, isShown, frame.intervalMs, frame.glimpses);
  const nameOf = (pid: number): string | undefined => after.procs.get(pid)?.comm ?? before?.procs.get(pid)?.comm ?? frame.glimpses?.get(pid)?.comm;
  const timeline = appendTimeline(prev.timeline, frame.events, (pid) => wasShown(pid) || isShown(pid), nameOf);
  // A process the scope forked that lived and died between two frames was held too (the run's program, often).
  const glimpsed = new Map<number, number | undefined>();
  for (const pid of forkedInScope) {
    const glimpse = frame.glimpses?.get(pid);
    if (glimpse !== undefined && !after.procs.has(pid)) glimpsed.set(pid, glimpse.startTime);
  }
  const seen = scope.kind === 'all' ? undefined : seenSince(seenSince(prev.seen, scope.members), glimpsed);
  const counts = { ...countTasks(scope.kind === 'all' ? after.procs.values() : scopedProcs(scope, after)), seen: seen?.size };
  const history = historyColumn(prev.history, after.takenAt, frame.intervalMs, counts.total, counts.zombie);
  return { frame, scope, life, timeline, counts, seen, history };
}

/** The set grown by the members of this frame; the same set when nothing new joined. */
function seenSince(prev: ReadonlySet<string> | undefined, members: ReadonlyMap<number, number | undefined>): ReadonlySet<string> {
  let next: Set<string> | undefined;
  for (const [pid, startTime] of members) {
    const id = `${pid}@${startTime ?? '?'}`;
    if (prev?.has(id) === true || next?.has(id) === true) continue;
    next ??= new Set(prev);
    next.add(id);
  }
  return next ?? prev ?? new Set();
}
