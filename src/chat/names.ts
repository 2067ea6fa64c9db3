// Which names the room accepts (issue 4, hardening): non-empty, no spaces or
// control characters, at most 32 characters, and never the admin's name in
// any language.
import { sanitizeForDisplay } from '../text/sanitize.js';
import { WORDING, LANGS, type Wording } from './messages.js';

export const MAX_NAME_CHARS = 32;

export type NameProblem = 'empty' | 'bad-chars' | 'too-long' | 'reserved';

// \s covers ASCII and Unicode spaces; \p{Z} adds the separators \s misses.
const SPACE = /[\s\p{Z}]/u;

// Invisible characters: format characters (U+200B zero width space, U+2060
// word joiner, U+061C Arabic letter mark, U+200E/F marks…), the rest of
// Unicode's default-ignorables, and the blanks that are letters or symbols
// (U+2800 braille pattern blank). A name holding one would show as another
// member's, or as the admin's ("ad\u200Bmin says: …"), with nothing to see.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;

// What names need of those: a joiner (ZWNJ U+200C, ZWJ U+200D) between letters
// (Persian علی‌رضا, Indic half forms) or between emoji (👨‍👩‍👧), and a variation
// selector after a character (emoji presentation ❤️, Japanese ideographic
// variants). Allowed there; nameKey leaves them out, so they tell no two names apart.
const JOINED = /(?<=[\p{L}\p{M}\p{Extended_Pictographic}]|\ufe0f)[\u200c\u200d](?=[\p{L}\p{Extended_Pictographic}])/gu;
const VARIANT = /(?<=[^\p{Cf}\p{Z}\p{Cc}])[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const IGNORED = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Capitals of other scripts drawn as Latin capitals (Cyrillic `А`, Greek `Ν`),
 * folded before lower-casing: lower-cased first, Greek `Ν` became `ν`, which
 * looks like `v`, and `АDМIN` was no admin.
 */
const CAPITAL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const CAPITAL_LOOK_ALIKE = new RegExp(`[${Object.keys(CAPITAL_LOOK_ALIKES).join('')}]`, 'gu');

/**
 * Letters of other scripts that are drawn as Latin ones (Cyrillic `а` U+0430
 * is Latin `a` on screen; Unicode's confusables.txt lists them), folded to the
 * Latin letter for comparing, so `аdmin` is the admin's name and `аlice` is
 * alice's. Lower case: the capitals are folded first (CAPITAL_LOOK_ALIKES).
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  // Greek
  α: 'a',
  ϲ: 'c',
  ι: 'i',
  ϳ: 'j',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  // Armenian, and Latin letters NFKC leaves alone
  հ: 'h',
  ո: 'n',
  օ: 'o',
  ս: 'u',
  ɑ: 'a',
  ı: 'i',
  ɡ: 'g',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * The key names are compared by: NFKC folds compatibility forms (full-width
 * `ａｄｍｉｎ` is `admin`), what draws nothing (joiners, selectors) is left
 * out, lower-casing makes `Alice` and `alice` one name, and look-alike letters
 * of other scripts count as the Latin letter they show.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(IGNORED, '')
    .replace(CAPITAL_LOOK_ALIKE, (letter) => CAPITAL_LOOK_ALIKES[letter] ?? letter)
    .toLowerCase()
    .replace(LOOK_ALIKE, (letter) => LOOK_ALIKES[letter] ?? letter);
}

const RESERVED = new Set(LANGS.map((lang) => nameKey(WORDING[lang].adminName)));

export function nameProblem(name: string): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  // sanitizeForDisplay marks C0, DEL, C1, U+FFFD and bidi/line separators.
  if (SPACE.test(name) || INVISIBLE.test(name.replace(JOINED, '').replace(VARIANT, '')) || sanitizeForDisplay(name) !== name) return 'bad-chars';
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
