import { describe, expect, it } from 'vitest';
import { decodeRange } from '../../../src/inspect/procfs/text.js';

describe('decodeRange', () => {
  it('decodes ASCII as is and invalid UTF-8 lossily, within the range only', () => {
    const bytes = Buffer.from('xx(sleep)yy');
    expect(decodeRange(bytes, 3, 8)).toBe('sleep');
    expect(decodeRange(bytes, 3, 3)).toBe('');
    expect(decodeRange(Buffer.from([0x61, 0xff, 0x62]), 0, 3)).toBe('a\ufffdb');
    expect(decodeRange(Buffer.from('caf\u00e9'), 0, 5)).toBe('caf\u00e9');
  });

  it('gives the text of these bytes when many short texts share the recent slots', () => {
    // More distinct texts than slots, each decoded twice from different buffers: any two that
    // share a slot must still come out as their own bytes, long ones (past the lookup) too.
    const texts = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919).toString(36)}${i % 3 === 0 ? '' : '-x'}`);
    texts.push('a'.repeat(65), `${'a'.repeat(64)}b`, 'a'.repeat(64));
    for (const round of [0, 1]) {
      for (const text of texts) {
        const bytes = Buffer.from(`${round}(${text})`);
        expect(decodeRange(bytes, 2, bytes.length - 1)).toBe(text);
      }
    }
  });

  it('takes the caller’s word that a long range is ASCII (cmdline.ts has just looked at every byte)', () => {
    const long = Buffer.from(`${'x'.repeat(70)}\u00e9`);
    expect(decodeRange(long, 0, long.length, false)).toBe(`${'x'.repeat(70)}\u00e9`);
    expect(decodeRange(long, 0, 70, true)).toBe('x'.repeat(70));
  });
});
