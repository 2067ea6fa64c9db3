// Terminal cell widths, so columns line up and a line can be cut at the
// terminal edge. An approximation of wcwidth for sanitized text (no controls
// reach here): combining marks take no cell, East Asian wide and emoji take two.

const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x200b, 0x200f], // zero-width space/joiners, LRM/RLM
  [0xfe00, 0xfe0f], // variation selectors
];

const DOUBLE_WIDTH: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0xa4cf], // kana, CJK unified ideographs, Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions
];

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => code >= low && code <= high);
}

function cellsOf(code: number): number {
  if (code < 0x0300) return 1;
  if (inRanges(code, ZERO_WIDTH)) return 0;
  return inRanges(code, DOUBLE_WIDTH) ? 2 : 1;
}

/** Terminal cells `text` takes. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const char of text) cells += cellsOf(char.codePointAt(0) ?? 0);
  return cells;
}

/** `text` cut so it takes at most `columns` cells (ps cuts at the terminal edge the same way, without a marker). */
export function truncateToWidth(text: string, columns: number): string {
  let cells = 0;
  let end = 0;
  for (const char of text) {
    cells += cellsOf(char.codePointAt(0) ?? 0);
    if (cells > columns) return text.slice(0, end);
    end += char.length;
  }
  return text;
}
