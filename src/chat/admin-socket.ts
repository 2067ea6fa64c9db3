// Binding the admin's Unix socket safely: a stale file from a crashed run is
// removed first, but only once nothing answers on it (a live server's socket
// is never stolen); the file is created 0600 and removed again on exit.
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';

const SOCKET_MODE = 0o600;

/** True when something accepts connections on `path`. */
async function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection({ path });
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    // ECONNREFUSED: a socket file nobody listens on, i.e. stale.
    probe.once('error', () => resolve(false));
  });
}

export async function removeStaleSocket(path: string): Promise<void> {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!stat.isSocket()) throw new Error(`refusing to replace ${path}: it is not a socket`);
  if (await answers(path)) throw new Error(`another chat server already answers at ${path}`);
  unlinkSync(path);
}

export interface BoundSocket {
  readonly server: Server;
  /** Removes the file if it is still the one we bound (same inode). */
  removeFile(): void;
}

export async function bindAdminSocket(path: string, server: Server = createServer()): Promise<BoundSocket> {
  await removeStaleSocket(path);
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
