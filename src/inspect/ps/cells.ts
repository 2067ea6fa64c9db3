// Terminal cells a character takes, as ps pads columns by them in a UTF-8
// locale (wcwidth): 0 for combining marks, 2 for East Asian wide and
// fullwidth characters and emoji, 1 for the rest. ps has already turned
// everything unprintable into `?`.

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

// Ranges of East Asian Width W/F (Unicode EastAsianWidth.txt), coarsely.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

export function cellWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  for (const [low, high] of WIDE) if (code >= low && code <= high) return 2;
  return 1;
}

/** The index in `text` where `cells` terminal cells end (or text.length). */
export function indexAfterCells(text: string, cells: number): number {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const width = cellWidth(char);
    if (used + width > cells) break;
    used += width;
    index += char.length;
  }
  return index;
}
