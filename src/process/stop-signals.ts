// Waiting for the signal that ends a long task (the chat room, a client's
// stay in it, a lesson). Our listeners stay until the task is done, so a
// second Ctrl-C during the goodbye is absorbed instead of killing the process
// (a signal with no listener takes its default action); then exactly these
// listeners go, never one someone else added.

export interface StopSignal {
  /** The first of the signals to arrive. */
  readonly received: Promise<NodeJS.Signals>;
  /** That signal once it has arrived, else undefined (readable at once, without awaiting). */
  readonly caught: NodeJS.Signals | undefined;
  /** Removes the listeners this installed, and only those. Idempotent. */
  dispose(): void;
}

export function awaitStopSignal(signals: readonly NodeJS.Signals[]): StopSignal {
  let caught: NodeJS.Signals | undefined;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((done) => {
    resolve = done;
  });
  const listener = (signal: NodeJS.Signals): void => {
    caught ??= signal;
    resolve(signal);
  };
  for (const signal of signals) process.on(signal, listener);
  return {
    received,
    get caught() {
      return caught;
    },
    dispose() {
      for (const signal of signals) process.removeListener(signal, listener);
    },
  };
}
