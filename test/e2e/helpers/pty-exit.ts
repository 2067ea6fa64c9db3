// A pty's exit, reported only once everything the program wrote has been
// read. node-pty reports the exit when the child is reaped and then gives the
// master side 200 ms to reach end-of-file before destroying it; under load the
// unread tail (often everything after the first 4095 bytes) is lost. Here the
// master is read until the kernel says EIO (the slave side is closed and the
// buffer is empty) — end-of-file for a pty — and only then is the exit passed on.
import type { IPty } from '@lydell/node-pty';

export interface PtyExit {
  readonly exitCode: number;
  readonly signal?: number;
}

/** What node-pty keeps of the master side on Unix (not part of its typed API). */
interface MasterSide {
  readonly _socket?: { destroy(error?: Error): unknown; destroyed: boolean };
}

/**
 * Resolves with the exit once the output is drained. Only if something else
 * keeps the slave open (a background process of the program) is the master
 * given up, `lastResortMs` after the exit; a test then sees what was read.
 */
export function drainedExit(term: IPty, lastResortMs = 10_000): Promise<PtyExit> {
  const socket = (term as unknown as MasterSide)._socket;
  if (socket !== undefined) {
    const destroy = socket.destroy.bind(socket);
    // node-pty's give-up calls destroy() with no error; the stream's own end (EIO) passes one.
    socket.destroy = (error?: Error) => {
      if (error !== undefined) return destroy(error);
      setTimeout(() => {
        if (!socket.destroyed) destroy();
      }, lastResortMs).unref();
      return socket;
    };
  }
  // node-pty emits the exit after the master side closed (its 'close'), which is now after EIO.
  return new Promise((resolve) => term.onExit((result) => resolve(result)));
}
