// The one feed: the inspector's event stream (full scans every `intervalMs`,
// kernel events or the scoped tracker in between) turned into immutable UI
// Frames. The UI only consumes frames; it never reads the OS itself (uptime,
// load and the meters come through src/inspect too).
import { performance } from 'node:perf_hooks';
import { sourceWords, type EventsChoice } from '../../inspect/events/choose.js';
import { EventStream } from '../../inspect/events/stream.js';
import { metersBetween, readMeterSample, type Meters, type MeterSample } from '../../inspect/procfs/meters.js';
import { readSystemLoad, type SystemLoad } from '../../inspect/system-load.js';
import type { ExitStatus, Inspector } from '../../inspect/types.js';
import type { Frame } from '../model/watch.js';

export interface RefreshLoop {
  stop(): void;
  /** The exit status of a process the dashboard started (procview run), learnt from waitpid. */
  noteProgram(pid: number, command: string, args: readonly string[]): void;
  noteExit(pid: number, status: ExitStatus): void;
}

export interface RefreshLoopOptions {
  readonly inspector: Inspector;
  readonly intervalMs: number;
  readonly choice: EventsChoice;
  /** Roots of the subtree the polling source follows closely (a scoped view). */
  readonly roots?: () => Iterable<number>;
  /** StreamOptions.kinEntry: `procview run`'s token, polling. */
  readonly kinEntry?: string;
  readonly onFrame: (frame: Frame) => void;
  readonly onError: (error: unknown) => void;
}

export function startRefreshLoop({ inspector, intervalMs, choice, roots, kinEntry, onFrame, onError }: RefreshLoopOptions): RefreshLoop {
  // Uptime, load and the meters are read once per interval: frames can come every few ms with the
  // kernel source, and CPU shares over a few ms say nothing.
  let host: { at: number; load: SystemLoad; meters: Meters | undefined } | undefined;
  let lastSample: MeterSample | undefined;
  const hostNow = (): { load: SystemLoad; meters: Meters | undefined } => {
    const now = performance.now();
    if (host !== undefined && now - host.at < intervalMs * 0.9) return host;
    // /proc/stat and /proc/meminfo: the meters' CPU shares are the change since the last reading.
    const sample = readMeterSample();
    const meters = sample === undefined ? undefined : metersBetween(lastSample, sample);
    lastSample = sample;
    host = { at: now, load: readSystemLoad(), meters };
    return host;
  };
  const stream = new EventStream(
    choice,
    { intervalMs, inspector, ...(roots === undefined ? {} : { roots }), ...(kinEntry === undefined ? {} : { kinEntry }) },
    (frame) => {
      const { load, meters } = hostNow();
      onFrame(
        Object.freeze({
          seq: frame.seq,
          begunAt: frame.begunAt,
          snapshot: frame.snapshot,
          previous: frame.previous,
          events: frame.events,
          host: load,
          meters,
          intervalMs,
          sourceWords: sourceWords(choice, intervalMs, frame.lost),
          glimpses: frame.glimpses,
          ...(frame.kin === undefined ? {} : { kin: frame.kin }),
        }),
      );
    },
    onError,
  );
  return {
    stop: () => stream.close(),
    noteProgram: (pid, command, args) => stream.noteProgram(pid, command, args),
    noteExit: (pid, status) => stream.noteExit(pid, status),
  };
}
