// What a failed open, read or write of a recording means, in words: the
// person who typed the path learns what to change, with the errno name kept
// for a search.
import { errnoOf } from '../process/errno.js';

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for its file system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than procview can read at once (2 GiB)',
};

/** `permission denied (EACCES)`; an error without an errno name gives its message. */
export function fileProblem(error: unknown): string {
  const code = errnoOf(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const words = WORDS[code];
  return words === undefined ? code : `${words} (${code})`;
}
