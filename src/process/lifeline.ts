// A lifeline: an inherited pipe whose other end only the starter holds. When
// the starter dies, however it dies (SIGKILL and crashes included), the kernel
// closes its end and this end reads end-of-file. Unlike watching a pid, a
// pipe cannot be fooled by the pid being reused.
import { Socket } from 'node:net';
import { errnoOf } from './errno.js';
import { t } from '../text/i18n/message.js';

export interface LifelineOptions {
  /**
   * Whether the lifeline alone keeps the process alive (default false). A
   * chat server's own socket does that; a lesson process that only sleeps has
   * nothing else to wait for.
   */
  readonly keepAlive?: boolean;
}

/** Calls `onGone` once when the other end of `fd` closes. Returns a function that stops watching. */
export function watchLifeline(fd: number, onGone: () => void, options: LifelineOptions = {}): () => void {
  let socket: Socket;
  try {
    socket = new Socket({ fd, readable: true, writable: false });
  } catch (error) {
    const reason = errnoOf(error) ?? (error as Error).message;
    throw new Error(t('process.lifelineBad', { fd, reason }));
  }
  let done = false;
  const gone = (): void => {
    if (done) return;
    done = true;
    onGone();
  };
  socket.on('data', () => undefined); // the starter says nothing; only the end matters
  socket.once('end', gone);
  socket.once('close', gone);
  socket.on('error', gone);
  if (options.keepAlive !== true) socket.unref();
  return () => {
    done = true;
    socket.destroy();
  };
}
