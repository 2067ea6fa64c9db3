// May the file at a Unix socket's path be removed before bind? A server that
// died without cleaning up leaves its socket file behind, and bind() then
// fails with EADDRINUSE. Only a stale socket of ours may go:
// - judged by lstat, so a symbolic link is judged itself, never its target;
// - a socket (S_IFSOCK), not any other file someone keeps there;
// - owned by our uid: in a sticky directory root may remove anyone's file,
//   and a name in a shared /tmp can be taken by another user;
// - nothing accepts on it: connect() is refused (ECONNREFUSED), so no live
//   server's socket is ever stolen.
import { lstatSync, unlinkSync, type Stats } from 'node:fs';
import { createConnection } from 'node:net';
import { errnoOf } from '../process/errno.js';
import { t } from '../text/i18n/message.js';
import { fileTypeLetter } from '../text/file-mode.js';

export type SocketFileVerdict =
  | { readonly kind: 'absent' }
  /** Something accepts connections on it: leave it. */
  | { readonly kind: 'live' }
  /** A socket of ours nobody listens on: safe to remove. */
  | { readonly kind: 'stale' }
  /** Not a socket of ours (or not judged): never remove; `reason` says why. */
  | { readonly kind: 'foreign'; readonly reason: string };

function ownUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

function lstatOrCode(path: string): Stats | string {
  try {
    return lstatSync(path);
  } catch (error) {
    return errnoOf(error) ?? String(error);
  }
}

function refusal(path: string, stats: Stats, uid: number | undefined): string | undefined {
  if (stats.isSymbolicLink()) return t('socket.symlink', { path });
  if (!stats.isSocket()) return t('socket.notSocket', { path, type: fileTypeLetter(stats.mode) });
  if (uid !== undefined && stats.uid !== uid) return t('socket.owner', { path, owner: stats.uid, uid });
  return undefined;
}

/** Why the file at `path` is not a socket of ours to remove; undefined when it is. Does not probe it. */
export function notOurSocket(path: string, uid: number | undefined = ownUid()): string | undefined {
  const stats = lstatOrCode(path);
  return typeof stats === 'string' ? t('socket.cannotLstat', { path, code: stats }) : refusal(path, stats, uid);
}

/**
 * Removes the file at `path` if it is a socket of ours, without asking whether
 * anyone listens: for the owner of that socket, cleaning up after its own
 * server. Returns whether it removed one.
 */
export function removeOurSocketFile(path: string, uid: number | undefined = ownUid()): boolean {
  if (notOurSocket(path, uid) !== undefined) return false;
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
    return false;
  }
}

/** True when something accepts connections on `path`. */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection({ path });
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    // ECONNREFUSED: a socket file nobody listens on.
    probe.once('error', () => resolve(false));
  });
}

/** Judges the file at `path`; checks the file itself first, so it never connects through a link. */
export async function judgeSocketFile(path: string, uid: number | undefined = ownUid()): Promise<SocketFileVerdict> {
  const stats = lstatOrCode(path);
  if (stats === 'ENOENT') return { kind: 'absent' };
  if (typeof stats === 'string') return { kind: 'foreign', reason: t('socket.cannotLstat', { path, code: stats }) };
  const reason = refusal(path, stats, uid);
  if (reason !== undefined) return { kind: 'foreign', reason };
  return (await socketAnswers(path)) ? { kind: 'live' } : { kind: 'stale' };
}

/**
 * Removes the file at `path` if it is a stale socket of ours; says what it
 * found. The file is looked at again right before unlink: one swapped in
 * meanwhile (another inode) is left alone and reported as foreign.
 */
export async function removeStaleSocket(path: string, uid: number | undefined = ownUid()): Promise<SocketFileVerdict> {
  const before = lstatOrCode(path);
  const verdict = await judgeSocketFile(path, uid);
  if (verdict.kind !== 'stale') return verdict;
  const now = lstatOrCode(path);
  if (typeof before === 'string' || typeof now === 'string' || now.ino !== before.ino || now.dev !== before.dev) {
    return { kind: 'foreign', reason: t('socket.changed', { path }) };
  }
  try {
    unlinkSync(path);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
  }
  return verdict;
}
