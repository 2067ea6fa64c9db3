// Terminal cells a character takes, as glibc's wcwidth() counts them in a
// UTF-8 locale; ps pads its columns by it, and terminals draw by much the same
// rule. One table for the whole project (ps parsing, ps-like columns, cutting
// lines at the terminal edge). Text reaching here is sanitized: no controls.
//   0  nonspacing and enclosing marks (Mn, Me) and format characters (Cf),
//      except the soft hyphen and the prepended concatenation marks, which
//      glibc draws; Hangul medial vowels and final consonants (they join the
//      syllable before them).
//   2  East Asian Width W and F (Unicode EastAsianWidth.txt), including the
//      ideograph blocks whose unassigned points the file defaults to W, plus
//      U+3248–324F and U+4DC0–4DFF, which glibc also counts as wide.
//   1  everything else.

const ZERO_CATEGORY = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

// Cf characters that glibc gives one cell: the soft hyphen and the prepended
// concatenation marks (Arabic number signs and the like), which are visible.
const DRAWN_FORMAT = new Set([0x00ad, 0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd]);

// Hangul Jamo medial vowels and final consonants, and their Extended-B block.
const HANGUL_JOINING: readonly (readonly [number, number])[] = [
  [0x1160, 0x11ff],
  [0xd7b0, 0xd7ff],
];

// East Asian Width W and F, Unicode 14 (the version of glibc 2.36), sorted, merged.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x2ff0, 0x2ffb],
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31e3],
  [0x31f0, 0x321e],
  [0x3220, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1],
  [0x17000, 0x187f7],
  [0x18800, 0x18cd5],
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1aff3],
  [0x1aff5, 0x1affb],
  [0x1affd, 0x1affe],
  [0x1b000, 0x1b122],
  [0x1b150, 0x1b152],
  [0x1b164, 0x1b167],
  [0x1b170, 0x1b2fb],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0],
  [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567],
  [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4],
  [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7],
  [0x1f6dd, 0x1f6df],
  [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fc],
  [0x1f7e0, 0x1f7eb],
  [0x1f7f0, 0x1f7f0],
  [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945],
  [0x1f947, 0x1f9ff],
  [0x1fa70, 0x1fa74],
  [0x1fa78, 0x1fa7c],
  [0x1fa80, 0x1fa86],
  [0x1fa90, 0x1faac],
  [0x1fab0, 0x1faba],
  [0x1fac0, 0x1fac5],
  [0x1fad0, 0x1fad9],
  [0x1fae0, 0x1fae7],
  [0x1faf0, 0x1faf6],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function inSortedRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle];
    if (range === undefined) return false;
    if (code < range[0]) high = middle - 1;
    else if (code > range[1]) low = middle + 1;
    else return true;
  }
  return false;
}

/** Cells the character `char` (one code point) takes: 0, 1 or 2. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  // Everything printable below U+0300 (the first combining mark) is one cell.
  if (code < 0x0300) return 1;
  if (inSortedRanges(code, HANGUL_JOINING)) return 0;
  if (ZERO_CATEGORY.test(char) && !DRAWN_FORMAT.has(code)) return 0;
  return inSortedRanges(code, WIDE) ? 2 : 1;
}

/** A character at or above U+0300 (a surrogate pair or lone surrogate counts as one). */
const NOT_NARROW = /[^\u0000-\u02ff]/u;

/** Terminal cells `text` takes. */
export function displayWidth(text: string): number {
  // Most text (numbers, names, command lines) is all below U+0300, one cell
  // per UTF-16 unit. The regular expression finds the first other character in
  // machine code even before V8 has optimised this function: `procview ps`
  // measures every cell of thousands of rows in its first, interpreted run.
  const i = text.search(NOT_NARROW);
  if (i < 0) return text.length;
  let cells = i;
  for (const char of text.slice(i)) cells += charWidth(char);
  return cells;
}

/** The index in `text` where the first `cells` terminal cells end (a wide character that would cross it is left out). */
export function indexAfterCells(text: string, cells: number): number {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const width = charWidth(char);
    if (used + width > cells) break;
    used += width;
    index += char.length;
  }
  return index;
}

/** `text` cut so it takes at most `columns` cells (ps cuts at the terminal edge the same way, without a marker). */
export function truncateToWidth(text: string, columns: number): string {
  return text.slice(0, indexAfterCells(text, columns));
}
