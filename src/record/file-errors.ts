// What a failed open, read or write of a recording means, in words: the
// person who typed the path learns what to change, with the errno name kept
// for a search. The words are the catalogs' (file.<errno name>).
import { errnoOf } from '../process/errno.js';
import { type PlainMessageId, t } from '../text/i18n/message.js';

const WORDS: Readonly<Record<string, PlainMessageId>> = {
  ENOENT: 'file.ENOENT',
  ENOTDIR: 'file.ENOTDIR',
  EISDIR: 'file.EISDIR',
  EACCES: 'file.EACCES',
  EPERM: 'file.EPERM',
  EROFS: 'file.EROFS',
  ENOSPC: 'file.ENOSPC',
  EDQUOT: 'file.EDQUOT',
  EFBIG: 'file.EFBIG',
  ENAMETOOLONG: 'file.ENAMETOOLONG',
  ELOOP: 'file.ELOOP',
  EIO: 'file.EIO',
  ERR_FS_FILE_TOO_LARGE: 'file.ERR_FS_FILE_TOO_LARGE',
};

/** `permission denied (EACCES)`; an error without an errno name gives its message. */
export function fileProblem(error: unknown): string {
  const code = errnoOf(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  // Own keys only: an errno name such as `constructor` must not find an inherited property.
  const id = Object.hasOwn(WORDS, code) ? WORDS[code] : undefined;
  return id === undefined ? code : t('file.problem', { words: t(id), code });
}
