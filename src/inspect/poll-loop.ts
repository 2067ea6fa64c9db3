// Plain polling: take a snapshot, diff it against the one before, hand the
// pair on. The exporter (serve/feed.ts) runs it on a timer; a lesson's
// watcher (demos/watch.ts) steps a SnapshotDiffer itself, one look at a time.
// Frames with events between scans (kernel or scoped tracker) come from
// events/stream.ts instead.
import { performance } from 'node:perf_hooks';
import { diffSnapshots } from './diff.js';
import type { Inspector, ProcEvent, Snapshot } from './types.js';

/** One scan and what changed since the scan before. Frozen. */
export interface Turn {
  /** 1 for the first scan, then counting. */
  readonly seq: number;
  /** performance.now() when this turn's scan began. */
  readonly begunAt: number;
  readonly snapshot: Snapshot;
  readonly previous: Snapshot | undefined;
  /** diffSnapshots(previous, snapshot); none on the first turn. */
  readonly events: readonly ProcEvent[];
}

/** Remembers the last snapshot and turns each next one into a Turn. */
export class SnapshotDiffer {
  #previous: Snapshot | undefined;
  #seq = 0;

  next(snapshot: Snapshot, begunAt: number): Turn {
    const previous = this.#previous;
    const events = previous === undefined ? [] : diffSnapshots(previous, snapshot);
    this.#previous = snapshot;
    this.#seq += 1;
    return Object.freeze({ seq: this.#seq, begunAt, snapshot, previous, events: Object.freeze(events) });
  }
}

export interface PollLoopOptions {
  readonly inspector: Pick<Inspector, 'snapshot'>;
  readonly intervalMs: number;
  readonly onTurn: (turn: Turn) => void;
  /** A failed scan (the process table could not be listed); the loop goes on. */
  readonly onError: (error: unknown) => void;
}

export interface PollLoop {
  /** How many scans have begun. */
  readonly scans: number;
  stop(): void;
}

/**
 * Starts at once. Turns never overlap: the next starts `intervalMs` after the
 * last one began, or at once if a scan took longer than that. Nothing is
 * handed on after stop().
 */
export function startPollLoop({ inspector, intervalMs, onTurn, onError }: PollLoopOptions): PollLoop {
  const differ = new SnapshotDiffer();
  let stopped = false;
  let scans = 0;
  let timer: NodeJS.Timeout | undefined;

  const turn = async (): Promise<void> => {
    const begunAt = performance.now();
    scans += 1;
    try {
      const snapshot = await inspector.snapshot();
      if (stopped) return;
      onTurn(differ.next(snapshot, begunAt));
    } catch (error) {
      if (!stopped) onError(error);
    }
    if (!stopped) timer = setTimeout(() => void turn(), Math.max(0, intervalMs - (performance.now() - begunAt)));
  };
  void turn();
  return {
    get scans() {
      return scans;
    },
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
