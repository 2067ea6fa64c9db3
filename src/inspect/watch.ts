// The library's stream: `for await (const frame of watch({ signal }))`. Each
// frame is an immutable snapshot with the events since the previous frame.
// A consumer slower than the stream gets the frames it missed folded into the
// next one (events concatenated, the newest snapshot), never dropped.
import { chooseEvents, modeFromEnv, type EventsMode } from './events/choose.js';
import { EventStream, type WatchFrame } from './events/stream.js';
import type { ProcInfo } from './types.js';

export type { WatchFrame } from './events/stream.js';
export type { EventsMode } from './events/choose.js';

export interface WatchOptions {
  /** Full scans this often (default 1000 ms); events arrive in between with the kernel source. */
  readonly intervalMs?: number;
  /** Event source (default: PROCVIEW_EVENTS, else `auto`). `kernel` fails when it cannot be had. */
  readonly events?: EventsMode;
  /** Ends the stream (the iterator returns). */
  readonly signal?: AbortSignal;
  /** Root of the proc filesystem (default /proc). */
  readonly procRoot?: string;
  /** Pids whose subtrees the polling source follows closely (a few ms); re-read on every tick. */
  readonly roots?: () => Iterable<number>;
}

/** Two frames the consumer has not taken yet, as one. */
export function foldFrames(older: WatchFrame, newer: WatchFrame): WatchFrame {
  const glimpses = new Map<number, ProcInfo>(older.glimpses);
  for (const [pid, proc] of newer.glimpses) glimpses.set(pid, proc);
  return Object.freeze({
    ...newer,
    previous: older.previous,
    events: Object.freeze([...older.events, ...newer.events]),
    glimpses,
  });
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export async function* watch(options: WatchOptions = {}): AsyncGenerator<WatchFrame, void, undefined> {
  const { signal } = options;
  if (signal?.aborted === true) return;
  const choice = await chooseEvents(options.events ?? modeFromEnv() ?? 'auto');
  let waiting: WatchFrame | undefined;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    wake?.();
    wake = undefined;
  };
  const stream = new EventStream(
    choice,
    {
      intervalMs: options.intervalMs ?? 1000,
      ...(options.procRoot === undefined ? {} : { procRoot: options.procRoot }),
      ...(options.roots === undefined ? {} : { roots: options.roots }),
    },
    (frame) => {
      waiting = waiting === undefined ? frame : foldFrames(waiting, frame);
      poke();
    },
    (error) => {
      failure = error;
      poke();
    },
  );
  signal?.addEventListener('abort', poke, { once: true });
  try {
    for (;;) {
      // Read through a function: TypeScript narrows `aborted` after the first check and forgets it can change.
      if (isAborted(signal)) return;
      if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
      if (waiting !== undefined) {
        const frame = waiting;
        waiting = undefined;
        yield frame;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal?.removeEventListener('abort', poke);
    stream.close();
  }
}
