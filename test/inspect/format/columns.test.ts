// The columns of ps and tree output are measured with the one width table
// (src/text/width.ts, tested in test/text/width.test.ts).
import { describe, expect, it } from 'vitest';
import { formatColumns } from '../../../src/inspect/format/columns.js';

describe('formatColumns measures by terminal cells', () => {
  it('lines up columns by terminal cells, U+4DC0 hexagrams counted as two', () => {
    const columns = [
      { header: 'NAME', width: 6, align: 'left' as const, value: (row: string) => row },
      { header: 'END', width: 3, align: 'right' as const, value: () => 'x' },
    ];
    expect(formatColumns(columns, ['\u4dc0\u4dc1', 'e\u0301', '日本語'])).toEqual(['NAME   END', '\u4dc0\u4dc1     x', 'e\u0301        x', '日本語   x']);
  });
});
