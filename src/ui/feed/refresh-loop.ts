// The one refresh loop: take a snapshot, diff it against the last one, and
// hand out an immutable Frame. The UI only consumes frames; it never reads the
// OS itself (uptime and load come through src/inspect too). Turns never
// overlap: the next starts `intervalMs` after the last one began, or at once
// if a scan took longer than that.
import { performance } from 'node:perf_hooks';
import { diffSnapshots } from '../../inspect/diff.js';
import { metersBetween, readMeterSample, type MeterSample } from '../../inspect/procfs/meters.js';
import { readSystemLoad } from '../../inspect/system-load.js';
import type { Inspector, Snapshot } from '../../inspect/types.js';
import type { Frame } from '../model/watch.js';

export interface RefreshLoop {
  stop(): void;
}

export interface RefreshLoopOptions {
  readonly inspector: Inspector;
  readonly intervalMs: number;
  readonly onFrame: (frame: Frame) => void;
  readonly onError: (error: unknown) => void;
}

export function startRefreshLoop({ inspector, intervalMs, onFrame, onError }: RefreshLoopOptions): RefreshLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let previous: Snapshot | undefined;
  let lastSample: MeterSample | undefined;
  let seq = 0;

  const turn = async (): Promise<void> => {
    const begunAt = performance.now();
    try {
      const snapshot = await inspector.snapshot();
      if (stopped) return;
      const events = previous === undefined ? [] : diffSnapshots(previous, snapshot);
      seq += 1;
      // /proc/stat and /proc/meminfo, once per refresh: the meters' CPU shares are the change since the last turn.
      const sample = readMeterSample();
      const meters = sample === undefined ? undefined : metersBetween(lastSample, sample);
      lastSample = sample;
      const frame: Frame = Object.freeze({
        seq,
        begunAt,
        snapshot,
        previous,
        events: Object.freeze(events),
        host: readSystemLoad(),
        meters,
        intervalMs,
      });
      previous = snapshot;
      onFrame(frame);
    } catch (error) {
      if (!stopped) onError(error);
    }
    if (!stopped) timer = setTimeout(() => void turn(), Math.max(0, intervalMs - (performance.now() - begunAt)));
  };
  void turn();
  return {
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
