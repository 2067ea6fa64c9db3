// src/inspect/format/width.ts only passes src/text/width.ts on (tested in
// test/text/width.test.ts); the columns built on it share its table.
import { describe, expect, it } from 'vitest';
import { formatColumns } from '../../../src/inspect/format/columns.js';
import { displayWidth, truncateToWidth } from '../../../src/inspect/format/width.js';
import * as shared from '../../../src/text/width.js';

describe('the format layer uses the one width table', () => {
  it('is the same functions as src/text/width.ts', () => {
    expect(displayWidth).toBe(shared.displayWidth);
    expect(truncateToWidth).toBe(shared.truncateToWidth);
  });

  it('lines up columns by terminal cells, U+4DC0 hexagrams counted as two', () => {
    const columns = [
      { header: 'NAME', width: 6, align: 'left' as const, value: (row: string) => row },
      { header: 'END', width: 3, align: 'right' as const, value: () => 'x' },
    ];
    expect(formatColumns(columns, ['\u4dc0\u4dc1', 'e\u0301', '日本語'])).toEqual(['NAME   END', '\u4dc0\u4dc1     x', 'e\u0301        x', '日本語   x']);
  });
});
