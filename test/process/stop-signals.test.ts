// Waiting for a stop signal (src/process/stop-signals.ts), with real
// signals to this process: when done it removes its own listeners and leaves
// everyone else's in place.
import { describe, expect, it } from 'vitest';
import { awaitStopSignal } from '../../src/process/stop-signals.js';

describe('awaitStopSignal', () => {
  it('resolves with the signal, absorbs a second one, and removes only its own listeners', async () => {
    const signal: NodeJS.Signals = 'SIGUSR2';
    const seenByOthers: NodeJS.Signals[] = [];
    const someoneElse = (received: NodeJS.Signals): void => void seenByOthers.push(received);
    process.on(signal, someoneElse);
    try {
      const before = process.listeners(signal);
      const stop = awaitStopSignal([signal, 'SIGWINCH']);
      expect(process.listenerCount(signal)).toBe(before.length + 1);
      process.kill(process.pid, signal);
      expect(await stop.received).toBe(signal);
      process.kill(process.pid, signal); // during the goodbye: still ours to absorb
      await new Promise((resolve) => setImmediate(resolve));
      stop.dispose();
      stop.dispose();
      expect(process.listeners(signal)).toEqual(before);
      expect(process.listeners('SIGWINCH')).not.toContain(someoneElse);
      expect(seenByOthers.length).toBeGreaterThan(0);
    } finally {
      process.removeListener(signal, someoneElse);
    }
  });

  it('tells which signal came, at once, without awaiting', async () => {
    const stop = awaitStopSignal(['SIGUSR2']);
    try {
      expect(stop.caught).toBeUndefined();
      process.kill(process.pid, 'SIGUSR2');
      expect(await stop.received).toBe('SIGUSR2');
      expect(stop.caught).toBe('SIGUSR2');
    } finally {
      stop.dispose();
    }
  });
});
