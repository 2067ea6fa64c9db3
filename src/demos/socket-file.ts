// May the file at a socket path be removed? Only when it is a socket (lstat,
// so a symbolic link is judged itself, never what it points to) owned by our
// uid: even in a sticky directory root may remove anyone's file, and a name
// in a shared /tmp can be taken by another user.
import { lstatSync } from 'node:fs';
import { fileTypeLetter } from './file-mode.js';
import { errorCode } from './problem.js';

/** Why the file at `path` is not a socket of ours to remove; undefined when it is. */
export function notOurSocket(path: string, uid: number | undefined = process.getuid?.()): string | undefined {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    return `cannot lstat ${path} (${errorCode(error) ?? String(error)})`;
  }
  if (stats.isSymbolicLink()) return `${path} is a symbolic link, not a socket`;
  if (!stats.isSocket()) return `${path} is not a socket (ls -l type '${fileTypeLetter(stats.mode)}')`;
  if (uid !== undefined && stats.uid !== uid) return `${path} belongs to uid ${stats.uid}, not to uid ${uid}`;
  return undefined;
}
