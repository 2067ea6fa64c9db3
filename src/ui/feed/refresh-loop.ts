// The dashboard's refresh loop: inspect/poll-loop.ts's turns (a snapshot,
// diffed against the last one), with the machine's uptime, load and meters
// read alongside, as immutable Frames. The UI only consumes frames; it never
// reads the OS itself (uptime, load and meters come through src/inspect too).
import { startPollLoop } from '../../inspect/poll-loop.js';
import { type MeterSample, metersBetween, readMeterSample } from '../../inspect/procfs/meters.js';
import { readSystemLoad } from '../../inspect/system-load.js';
import type { Inspector } from '../../inspect/types.js';
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
  let lastSample: MeterSample | undefined;
  return startPollLoop({
    inspector,
    intervalMs,
    onTurn: (turn) => {
      // /proc/stat and /proc/meminfo, once per refresh: the meters' CPU shares are the change since the last turn.
      const sample = readMeterSample();
      const meters = sample === undefined ? undefined : metersBetween(lastSample, sample);
      lastSample = sample;
      onFrame(Object.freeze({ ...turn, host: readSystemLoad(), meters, intervalMs }));
    },
    onError,
  });
}
