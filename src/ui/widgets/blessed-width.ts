// blessed 0.1.81 measures characters with its own table from 2015: an emoji is
// one cell to it, a ZWJ or a newer combining mark is a character of its own.
// The terminal disagrees, and every cell after such a character shifts. This
// is the one place that teaches blessed procview's width (text/width.ts,
// glibc's wcwidth): applied once, before the first screen is made.
//
// What blessed asks, and where:
// - unicode.charWidth(str, i): the screen's writer skips the cell after a
//   character of width 2 (Screen#draw) — the cells our panes lay out
//   (widgets/cells.ts) rely on exactly this.
// - unicode.strWidth: label and shrink-to-fit widths.
// - unicode.chars.all: Element#parseContent puts a filler cell after every
//   wide character of text blessed lays out itself (labels, sparklines).
// - unicode.combining: Element#render folds a zero-width character into the
//   cell before it.
import { unicode as blessedUnicode } from './blessed-parts.js';
import { charWidth, displayWidth } from '../../text/width.js';

interface BlessedUnicode {
  charWidth(str: string | number, i?: number): number;
  strWidth(str: string): number;
  codePointAt(str: string, position: number): number;
  combining: Record<number, boolean>;
  chars: { all: unknown };
}

let applied = false;

/** Code points below U+0020 keep blessed's meaning (NUL 0 cells, TAB its tab width). */
function widthOfPoint(point: number, original: (str: number) => number): number {
  if (point < 0x20) return original(point);
  return charWidth(String.fromCodePoint(point));
}

export function teachBlessedWidths(): void {
  if (applied) return;
  applied = true;
  const unicode = blessedUnicode as BlessedUnicode;
  const original = unicode.charWidth.bind(unicode);
  unicode.charWidth = (str, i) => widthOfPoint(typeof str === 'number' ? str : unicode.codePointAt(str, i ?? 0), original);
  unicode.strWidth = (str) => displayWidth(str.replace(/[\u0000-\u001f]/g, ''));
  // A zero-width character joins the cell before it: ZWJ, variation selectors, combining marks.
  unicode.combining = new Proxy({} as Record<number, boolean>, {
    get: (_, key) => typeof key === 'string' && /^\d+$/.test(key) && Number(key) >= 0x20 && charWidth(String.fromCodePoint(Number(key))) === 0,
  });
  // parseContent calls content.replace(unicode.chars.all, '$1\x03') (or '??' without full unicode):
  // String#replace hands an object with Symbol.replace the whole text.
  unicode.chars.all = {
    [Symbol.replace](text: string, replacement: string): string {
      const filler = replacement === '$1\u0003' ? '\u0003' : undefined;
      let out = '';
      for (const char of text) {
        if (charWidth(char) !== 2) out += char;
        else out += filler === undefined ? '??' : char + filler;
      }
      return out;
    },
  };
}
