// Waiting for the signal that closes the room. Our listeners stay until the
// room is closed, so a second Ctrl-C during the goodbye is absorbed instead of
// killing the process (a signal with no listener takes its default action);
// then exactly these listeners go, never one someone else added.

export interface StopSignal {
  /** The first of the signals to arrive. */
  readonly received: Promise<NodeJS.Signals>;
  /** Removes the listeners this installed, and only those. Idempotent. */
  dispose(): void;
}

export function awaitStopSignal(signals: readonly NodeJS.Signals[]): StopSignal {
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((done) => {
    resolve = done;
  });
  const listener = (signal: NodeJS.Signals): void => resolve(signal);
  for (const signal of signals) process.on(signal, listener);
  return {
    received,
    dispose() {
      for (const signal of signals) process.removeListener(signal, listener);
    },
  };
}
