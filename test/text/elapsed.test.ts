import { describe, expect, it } from 'vitest';
import { elapsedStamp } from '../../src/text/elapsed.js';

describe('elapsedStamp', () => {
  it('cuts to the millisecond, as a whole-ms clock reads it: a fractional kernel time is never stamped after a later line', () => {
    const start = 1_700_000_000_000;
    // An exit at 346.5 ms, then the parent's output about it received at 346.9 ms (stamped 346).
    expect(elapsedStamp(start + 346.5, start)).toBe('[+0.346s]');
    expect(elapsedStamp(start + 346, start)).toBe('[+0.346s]');
    expect(elapsedStamp(start + 1999.999, start)).toBe('[+1.999s]');
    expect(elapsedStamp(start - 5, start)).toBe('[+0.000s]');
  });
});
