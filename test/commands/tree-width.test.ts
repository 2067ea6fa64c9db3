// The width procview tree cuts at, as psmisc pstree's get_output_width finds it.
import { describe, expect, it } from 'vitest';
import { treeOutputWidth } from '../../src/commands/tree-width.js';

describe('treeOutputWidth', () => {
  it('takes COLUMNS first, read as strtol(…, 0) reads it, when it is a whole number above 0', () => {
    expect(treeOutputWidth({ COLUMNS: '40' }, 100)).toBe(40);
    expect(treeOutputWidth({ COLUMNS: '0x40' }, 100)).toBe(64);
    expect(treeOutputWidth({ COLUMNS: '010' }, 100)).toBe(8);
    expect(treeOutputWidth({ COLUMNS: ' 7' }, 100)).toBe(7);
  });

  it('falls back to the terminal, then to 132, when COLUMNS is unset, empty, 0, negative or not a number', () => {
    for (const COLUMNS of [undefined, '', '0', '-5', 'abc', '40x', '08']) {
      expect(treeOutputWidth({ COLUMNS }, 100)).toBe(100);
      expect(treeOutputWidth({ COLUMNS }, undefined)).toBe(132);
    }
    expect(treeOutputWidth({}, 0)).toBe(132);
  });
});
