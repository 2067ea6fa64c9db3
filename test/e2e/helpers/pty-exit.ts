// A pty's exit, reported only once everything the program wrote has been
// read. node-pty reports the exit when the child is reaped and then gives the
// master side 200 ms to reach end-of-file before destroying it; under load the
// unread tail (often everything after the first 4095 bytes) is lost.
//
// The output of a pty ends when its last slave descriptor is closed, and the
// master's reader learns it in one of two ways: a read fails with EIO (the
// buffer is empty and the slave side is closed), or libuv reports end-of-file
// without reading again: when the poll shows POLLHUP right after a read that
// emptied the buffer (uv__stream_io, "short-circuit iff POLLHUP"), the stream
// emits 'end' and Node destroys it with no error. Either is the end; node-pty's
// 200 ms give-up is ignored, and no timer decides anything.
import type { IPty } from '@lydell/node-pty';

export interface PtyExit {
  readonly exitCode: number;
  readonly signal?: number;
}

/** What node-pty keeps of the master side on Unix (not part of its typed API). */
interface MasterSide {
  readonly _socket?: { destroy(error?: Error): unknown; readonly readableEnded: boolean };
}

/**
 * Resolves with the exit once the output has ended (EIO or end-of-file on the
 * master). A process that keeps the slave open after the program exited (a
 * background child holding the terminal) delays it until that process closes
 * it too: its output is part of the terminal's.
 */
export function drainedExit(term: IPty): Promise<PtyExit> {
  const socket = (term as unknown as MasterSide)._socket;
  if (socket !== undefined) {
    const destroy = socket.destroy.bind(socket);
    // With an error: the read's own end (EIO). After 'end': Node's own clean-up at end-of-file.
    // Neither: node-pty's give-up after the exit notice, which would drop the unread tail.
    socket.destroy = (error?: Error) => (error !== undefined || socket.readableEnded ? destroy(error) : socket);
  }
  // node-pty emits the exit after the master side closed (its 'close'), which is now after the end of output.
  return new Promise((resolve) => term.onExit((result) => resolve(result)));
}
