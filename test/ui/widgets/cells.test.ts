// Lines laid into cells by procview's width (text/width.ts): a line with
// emoji, ZWJ sequences, CJK and combining marks is exactly the pane's width,
// and blessed, once taught, agrees on every character it is asked about.
import blessed from 'blessed';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/text/width.js';
import { line, span, textLine } from '../../../src/ui/model/styled.js';
import { fit } from '../../../src/ui/model/text.js';
import { teachBlessedWidths } from '../../../src/ui/widgets/blessed-width.js';
import { cellText, layCells } from '../../../src/ui/widgets/cells.js';
import { COLOUR_THEME } from '../../../src/ui/widgets/theme.js';

const HARD = ['zz🎉x', '名前👨\u200d👩\u200d👧テスト', 'cafe\u0301', '👍🏽 ok', '한국어', 'e\u0301\u0301x', '❤\ufe0f'];
const FILL = COLOUR_THEME.attr(undefined, undefined);

describe('cells', () => {
  for (const text of HARD) {
    it(`"${text}" fitted to any width is exactly that many cells`, () => {
      for (const width of [1, 2, 3, 5, 8, 13, 30]) {
        const fitted = fit(text, width);
        expect(displayWidth(fitted)).toBe(width);
        const cells = layCells(textLine(fitted), width, COLOUR_THEME, FILL);
        expect(cells).toHaveLength(width);
        expect(cellText(cells)).toBe(fitted);
      }
    });
  }

  it('a wide character takes its cell and a filler; zero-width ones join the cell before', () => {
    const cells = layCells(textLine('a名\u0301b👨\u200d👩'), 10, COLOUR_THEME, FILL);
    expect(cells.map(([, ch]) => ch)).toEqual(['a', '名\u0301', ' ', 'b', '👨\u200d', ' ', '👩', ' ', ' ', ' ']);
  });

  it('a wide character that would cross the edge is left out, the cell padded', () => {
    const cells = layCells(textLine('ab名'), 3, COLOUR_THEME, FILL);
    expect(cells.map(([, ch]) => ch)).toEqual(['a', 'b', ' ']);
  });

  it('spans keep their own look; the line role fills the rest of the row', () => {
    const cells = layCells(line([span('a'), span('Z', 'zombie')], 'selected'), 4, COLOUR_THEME, FILL);
    expect(cells.map(([attr]) => attr)).toEqual([
      COLOUR_THEME.attr('selected', undefined),
      COLOUR_THEME.attr('selected', 'zombie'),
      COLOUR_THEME.attr('selected', undefined),
      COLOUR_THEME.attr('selected', undefined),
    ]);
  });

  it('blessed, once taught, measures as text/width.ts does', () => {
    teachBlessedWidths();
    const unicode = (
      blessed as unknown as { unicode: { charWidth(s: string, i?: number): number; strWidth(s: string): number; combining: Record<number, boolean> } }
    ).unicode;
    for (const char of ['🎉', '名', '\u0301', '\u200d', 'a', '─', '👩']) expect(unicode.charWidth(char)).toBe(displayWidth(char));
    for (const text of HARD) expect(unicode.strWidth(text)).toBe(displayWidth(text));
    expect(unicode.combining[0x200d]).toBe(true);
    expect(unicode.combining[0x61]).toBe(false);
    expect('a🎉b'.replace((unicode as unknown as { chars: { all: RegExp } }).chars.all, '$1\u0003')).toBe('a🎉\u0003b');
  });
});
