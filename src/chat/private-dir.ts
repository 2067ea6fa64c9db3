// The admin socket lives in a directory only its owner can enter: the socket
// file's own mode is not checked by every kernel on connect, a 0700 parent
// directory is (path resolution needs search permission).
import { lstatSync, mkdirSync, chmodSync } from 'node:fs';
import { errnoOf } from '../process/errno.js';
import { t } from '../text/i18n/message.js';

const PRIVATE_MODE = 0o700;

function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/**
 * Creates `dir` with mode 0700 if absent; refuses (throws) a directory that is
 * a symlink, not ours, or open to group or others — someone else could swap
 * or read our socket there.
 */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: PRIVATE_MODE });
    // mkdir's mode is filtered by the umask; say it again.
    chmodSync(dir, PRIVATE_MODE);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  const uid = currentUid();
  if (!stat.isDirectory()) throw new Error(t('chat.dir.notDirectory', { dir }));
  if (uid !== undefined && stat.uid !== uid) {
    throw new Error(t('chat.dir.owner', { dir, owner: stat.uid, uid }));
  }
  const mode = stat.mode & 0o777;
  if (mode !== PRIVATE_MODE) {
    throw new Error(t('chat.dir.mode', { dir, mode: mode.toString(8).padStart(4, '0') }));
  }
}
