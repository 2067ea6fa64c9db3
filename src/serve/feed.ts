// The exporter's refresh loop: each frame of the event stream (inspect/events/
// stream.ts: by default plain polling, a scan every `intervalMs` diffed
// against the one before) moves the metrics state on. Scrapes only read the latest
// state (`current()`), so however many scrapes arrive at once there is never
// more than the loop's one scan under way, and a scrape never waits for a
// scan except the very first. Turns never overlap: the next starts
// `intervalMs` after the last one began, or at once if a scan took longer.
import { performance } from 'node:perf_hooks';
import { EventStream, type WatchFrame } from '../inspect/events/stream.js';
import { watch as watchProcesses } from '../inspect/watch.js';
import type { Inspector, ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';
import { advanceMetrics, type MetricsState } from '../metrics/state.js';
import { ALL, advanceScope, EMPTY_FOLLOW, type Scope, type Seed, scopedProcs, targetSeeds, type WatchTarget } from '../inspect/scope.js';

/** `--watch`: everything, processes by pid, or by a name in comm or the command line; descendants included. */
export type ServeScope = WatchTarget;

export interface FeedOptions {
  readonly inspector: Inspector;
  readonly intervalMs: number;
  readonly scope: ServeScope;
  readonly groupOf: (proc: ProcInfo) => number;
  readonly groupCount: number;
  /** A failed scan (the process table could not be listed); the loop goes on. */
  readonly onError: (error: unknown) => void;
  /** Each new state, as soon as its scan is done. */
  readonly onState?: (state: MetricsState) => void;
  /** 'poll' (default): scans of `inspector` diffed; 'watch': the inspector's watch() stream (kernel events where live). */
  readonly source?: 'poll' | 'watch';
  /** With 'watch': where the latest frame's events came from. */
  readonly onSource?: (source: 'kernel' | 'polling') => void;
}

export interface MetricsFeed {
  /** The latest state; before the first scan has finished, that scan's result. */
  current(): Promise<MetricsState>;
  /** How many frames (with polling: scans) have moved the state on (for tests and the benchmark). */
  readonly scans: number;
  stop(): void;
}

/** Events about processes in scope before or after the change (an exit is about a process no longer there). */
function eventsInScope(events: readonly ProcEvent[], before: Scope, after: Scope): readonly ProcEvent[] {
  if (after.kind === 'all') return events;
  const member = (scope: Scope, pid: number): boolean => scope.kind === 'all' || scope.members.has(pid);
  return events.filter((event) => member(before, event.pid) || member(after, event.pid));
}

export function startMetricsFeed(options: FeedOptions): MetricsFeed {
  const { inspector, intervalMs, scope: watch } = options;
  const startedAt = performance.now();
  // A table without events: the exporter's scans come without the kernel's (a name matches what they hold).
  const seeds = (snapshot: Snapshot): Iterable<Seed> => targetSeeds(watch, { snapshot }, startedAt);

  let scope: Scope = watch.kind === 'all' ? ALL : EMPTY_FOLLOW;
  let state: MetricsState | undefined;
  let resolveFirst: (state: MetricsState) => void = () => undefined;
  const first = new Promise<MetricsState>((resolve) => (resolveFirst = resolve));

  let scans = 0;
  const onFrame = ({ snapshot, events, begunAt }: Pick<WatchFrame, 'snapshot' | 'events' | 'begunAt'>): void => {
    scans += 1;
    const nextScope = advanceScope(scope, snapshot, seeds(snapshot), begunAt);
    state = advanceMetrics(
      state,
      {
        snapshot,
        procs: scopedProcs(nextScope, snapshot),
        events: eventsInScope(events, scope, nextScope),
        scanSeconds: (performance.now() - begunAt) / 1000,
      },
      options.groupOf,
      options.groupCount,
    );
    scope = nextScope;
    resolveFirst(state);
    options.onState?.(state);
  };
  let stopWatch: AbortController | undefined;
  let stream: EventStream | undefined;
  if (options.source === 'watch') {
    // The inspector's event stream: kernel events where live (so adoptions between scans are counted), else polling.
    stopWatch = new AbortController();
    const { signal } = stopWatch;
    void (async () => {
      try {
        for await (const frame of watchProcesses({ intervalMs, signal })) {
          options.onSource?.(frame.source);
          onFrame(frame);
        }
      } catch (error) {
        if (!signal.aborted) options.onError(error);
      }
    })();
  } else {
    // The same stream, polling only: no kernel source, no tracker (no roots), so nothing between scans.
    stream = new EventStream({ source: 'polling', reason: 'disabled', message: undefined }, { intervalMs, inspector }, onFrame, options.onError);
  }

  return {
    current: () => (state === undefined ? first : Promise.resolve(state)),
    get scans() {
      return scans;
    },
    stop: () => {
      stream?.close();
      stopWatch?.abort();
    },
  };
}
