import { describe, expect, it } from 'vitest';
import { sparkline } from '../../../src/ui/model/sparkline.js';

describe('sparkline', () => {
  it('scales the series from its minimum (▁) to its maximum (█), one character per value', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([100, 114, 107])).toBe('▁█▅');
  });

  it('draws a flat series, a single value and no values without dividing by zero', () => {
    expect(sparkline([3, 3, 3])).toBe('▁▁▁');
    expect(sparkline([0])).toBe('▁');
    expect(sparkline([])).toBe('');
  });
});
