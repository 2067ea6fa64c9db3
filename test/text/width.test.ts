// The one width table. Expected values are glibc 2.36's wcwidth() in C.UTF-8
// (checked with a C call per code point on Debian 12), except where noted.
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, indexAfterCells, truncateToWidth } from '../../src/text/width.js';

const cases: readonly (readonly [string, number, string])[] = [
  ['a', 1, 'ASCII'],
  ['\u00e9', 1, 'Latin-1'],
  ['\u00ad', 1, 'soft hyphen: Cf, but drawn'],
  ['\u0300', 0, 'combining grave (Mn)'],
  ['\u20dd', 0, 'combining enclosing circle (Me)'],
  ['\u200b', 0, 'zero width space (Cf)'],
  ['\u200d', 0, 'zero width joiner'],
  ['\ufeff', 0, 'BOM (Cf)'],
  ['\ufe0f', 0, 'variation selector 16 (Mn)'],
  ['\u0600', 1, 'Arabic number sign: a prepended concatenation mark, drawn'],
  ['\u{110bd}', 1, 'Kaithi number sign: the same'],
  ['\u1100', 2, 'Hangul choseong (W)'],
  ['\u1160', 0, 'Hangul jungseong filler: joins the syllable'],
  ['\u11ff', 0, 'Hangul jongseong'],
  ['\ud7b0', 0, 'Hangul jungseong, Extended-B'],
  ['\uac00', 2, 'Hangul syllable'],
  ['\u231a', 2, 'watch (W emoji)'],
  ['\u2614', 2, 'umbrella with rain (W)'],
  ['\u2615', 2, 'hot beverage (W)'],
  ['\u2616', 1, 'white shogi piece (N)'],
  ['\u3000', 2, 'ideographic space (F)'],
  ['\u302a', 0, 'ideographic level tone mark: Mn before W'],
  ['\u303f', 1, 'ideographic half fill space (N)'],
  ['\u3248', 2, 'circled number ten on black square: A, wide in glibc'],
  ['\u4dbf', 2, 'last CJK Extension A'],
  ['\u4dc0', 2, 'Yijing hexagram: wide in glibc (W from Unicode 16)'],
  ['\u4dff', 2, 'last Yijing hexagram'],
  ['\u4e00', 2, 'CJK unified ideograph'],
  ['\ua4cf', 1, 'unassigned after Yi: not wide (glibc: -1, not printable)'],
  ['\ua960', 2, 'Hangul Jamo Extended-A (W)'],
  ['\ue000', 1, 'private use'],
  ['\uff01', 2, 'fullwidth exclamation (F)'],
  ['\uff61', 1, 'halfwidth ideographic full stop (H)'],
  ['\u{1f321}', 1, 'thermometer (N)'],
  ['\u{1f600}', 2, 'grinning face (W)'],
  ['\u{1f93c}', 2, 'wrestlers (W)'],
  ['\u{20000}', 2, 'CJK Extension B'],
  ['\u{2fffd}', 2, 'unassigned in plane 2: W by EastAsianWidth.txt default (glibc: -1)'],
  ['\u{3134a}', 2, 'CJK Extension G'],
  ['\u{10fffd}', 1, 'plane 16 private use'],
];

describe('charWidth', () => {
  it.each(cases)('%s is %i cells (%s)', (char, width) => {
    expect(charWidth(char)).toBe(width);
  });
});

describe('displayWidth, indexAfterCells and truncateToWidth', () => {
  it('adds up cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\u{1f642}x')).toBe(3);
    expect(displayWidth('\u4dc0\u4dc1')).toBe(4);
    // Past a run of one-cell characters (counted by length), the rest is still measured by code point.
    expect(displayWidth('sleep 日本')).toBe(10);
    expect(displayWidth('café e\u0301\u{1f642}')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });

  it('ends a prefix at the last whole character that fits, keeping its combining marks', () => {
    expect(indexAfterCells('abc   rest', 6)).toBe(6);
    expect(indexAfterCells('\u65e5\u672c  x', 5)).toBe(3);
    expect(indexAfterCells('e\u0301e\u0301  x', 4)).toBe(6);
    expect(indexAfterCells('\u{1f600}ab', 3)).toBe(3);
    expect(indexAfterCells('ab', 10)).toBe(2);
    expect(truncateToWidth('abcdef', 4)).toBe('abcd');
    expect(truncateToWidth('ab日本', 3)).toBe('ab');
    expect(truncateToWidth('ab日本', 4)).toBe('ab日');
    expect(truncateToWidth('a\u{1f642}b', 2)).toBe('a');
    expect(truncateToWidth('e\u0301x', 1)).toBe('e\u0301');
    expect(truncateToWidth('short', 80)).toBe('short');
  });
});
