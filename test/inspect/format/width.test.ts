import { describe, expect, it } from 'vitest';
import { displayWidth, truncateToWidth } from '../../../src/inspect/format/width.js';

describe('displayWidth and truncateToWidth', () => {
  it('counts wide characters as two cells and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🙂x')).toBe(3);
  });

  it('cuts at the last whole character that fits', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abcd');
    expect(truncateToWidth('ab日本', 3)).toBe('ab');
    expect(truncateToWidth('ab日本', 4)).toBe('ab日');
    expect(truncateToWidth('a🙂b', 2)).toBe('a');
    expect(truncateToWidth('short', 80)).toBe('short');
  });
});
