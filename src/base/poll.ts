// The one "wait with a deadline": ask again and again, a pause apart, until
// an answer comes or the time is up. Never a fixed sleep in place of a
// condition: the probe says when the wait is over.

export interface PollOptions {
  /** How long to keep asking, in ms from the call. */
  readonly timeoutMs: number;
  /** The pause between two probes, in ms (0: next macrotask). */
  readonly intervalMs: number;
  /** Stops the wait: rejects with the signal's reason, probe or pause in progress. */
  readonly signal?: AbortSignal;
}

/**
 * Calls `probe` until it returns something other than undefined and resolves
 * to that; resolves to undefined once `timeoutMs` has passed. The probe runs
 * at least once, and once more after the deadline would pass mid-pause, so a
 * condition met just in time is still seen.
 */
export async function pollUntil<T>(probe: () => T | undefined | Promise<T | undefined>, options: PollOptions): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await pause(Math.min(options.intervalMs, Math.max(0, deadline - Date.now())), options.signal);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // An abort listener added after the abort would never run.
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const done = (): void => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
