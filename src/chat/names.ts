// Which names the room accepts (issue 4, hardening): non-empty, no spaces or
// control characters, at most 32 characters, and never the admin's name in
// any language.
import { sanitizeForDisplay } from '../text/sanitize.js';
import { WORDING, LANGS, type Wording } from './messages.js';

export const MAX_NAME_CHARS = 32;

export type NameProblem = 'empty' | 'bad-chars' | 'too-long' | 'reserved';

// \s covers ASCII and Unicode spaces; \p{Z} adds the separators \s misses.
const SPACE = /[\s\p{Z}]/u;

/**
 * The key names are compared by: NFKC folds compatibility forms (full-width
 * `ａｄｍｉｎ` is `admin`), lower-casing makes `Alice` and `alice` one name.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

const RESERVED = new Set(LANGS.map((lang) => nameKey(WORDING[lang].adminName)));

export function nameProblem(name: string): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  // sanitizeForDisplay marks C0, DEL, C1, U+FFFD and bidi/line separators.
  if (SPACE.test(name) || sanitizeForDisplay(name) !== name) return 'bad-chars';
  if ([...name].length > MAX_NAME_CHARS) return 'too-long';
  if (RESERVED.has(nameKey(name))) return 'reserved';
  return undefined;
}

export function describeNameProblem(problem: NameProblem, wording: Wording): string {
  switch (problem) {
    case 'empty':
      return wording.nameEmpty;
    case 'bad-chars':
      return wording.nameBadChars;
    case 'too-long':
      return wording.nameTooLong(MAX_NAME_CHARS);
    case 'reserved':
      return wording.nameReserved;
  }
}
