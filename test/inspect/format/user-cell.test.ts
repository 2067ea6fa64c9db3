// USER in `ps aux` and the dashboard (src/inspect/format/values.ts userCell):
// cut by terminal cells as procps cuts it, never by characters.
import { describe, expect, it } from 'vitest';
import { userCell } from '../../../src/inspect/format/values.js';
import { displayWidth } from '../../../src/text/width.js';
import { proc } from '../diff-builders.js';

const cell = (user: string | undefined, uid = 1000): string => userCell(proc({ pid: 2, user, uid }));

describe('userCell', () => {
  it('keeps a name of 8 cells and cuts a longer one to 7 and `+`, as procps', () => {
    expect(cell('postgres')).toBe('postgres');
    expect(cell('postgres1')).toBe('postgre+');
  });

  it('counts a wide character as two cells and a combining accent as none', () => {
    // 8 characters, 16 cells: three fit in 7 cells.
    expect(cell('中文用户名字好长')).toBe('中文用+');
    expect(displayWidth(cell('中文用户名字好长'))).toBe(7);
    // Five letters each with a combining acute: 5 cells, not cut, accents kept.
    const accented = 'e\u0301'.repeat(5);
    expect(cell(accented)).toBe(accented);
  });

  it('marks controls in the name and falls back to the uid without one', () => {
    expect(cell('a\u001b[31m')).toBe('a?[31m');
    expect(cell(undefined, 1234)).toBe('1234');
  });
});
