// Binding the admin's Unix socket safely: a stale file from a crashed run is
// removed first, but only once nothing answers on it (a live server's socket
// is never stolen); the file is created 0600 and removed again on exit.
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { removeStaleSocket } from '../sockets/stale-socket.js';
import { t } from '../text/i18n/message.js';

const SOCKET_MODE = 0o600;

/** Clears the way for bind: a stale socket of ours goes, anything else is an error. */
async function clearStaleSocket(path: string): Promise<void> {
  const verdict = await removeStaleSocket(path);
  if (verdict.kind === 'live') throw new Error(t('chat.admin.live', { path }));
  if (verdict.kind === 'foreign') throw new Error(t('chat.admin.foreign', { why: verdict.reason }));
}

export interface BoundSocket {
  readonly server: Server;
  /** Removes the file if it is still the one we bound (same inode). */
  removeFile(): void;
}

export async function bindAdminSocket(path: string, server: Server = createServer()): Promise<BoundSocket> {
  await clearStaleSocket(path);
  // The file is born 0600 (umask) rather than made so after a window; this
  // process does nothing else meanwhile, so changing its umask is safe.
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(path, SOCKET_MODE);
  const inode = lstatSync(path).ino;
  return {
    server,
    removeFile() {
      try {
        if (lstatSync(path).ino === inode) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
  };
}
