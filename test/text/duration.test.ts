// How long, in words (src/text/duration.ts): the detail pane's "started … ago".
import { afterEach, describe, expect, it } from 'vitest';
import { durationWords } from '../../src/text/duration.js';
import { setLanguage } from '../../src/text/i18n/lang.js';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('durationWords', () => {
  afterEach(() => setLanguage(undefined));

  it('gives the two largest units, rounded down', () => {
    setLanguage('en');
    expect(durationWords(45)).toBe('45s');
    expect(durationWords(59.9)).toBe('59s');
    expect(durationWords(MINUTE)).toBe('1m0s');
    expect(durationWords(12 * MINUTE + 5)).toBe('12m5s');
    expect(durationWords(77_789)).toBe('21h36m');
    expect(durationWords(DAY - 1)).toBe('23h59m');
    expect(durationWords(3 * DAY + 4 * HOUR + 59 * MINUTE)).toBe('3d4h');
    expect(durationWords(400 * DAY)).toBe('400d0h');
  });

  it('reads a start just after now (clocks a second apart) as no time at all', () => {
    setLanguage('en');
    expect(durationWords(-0.4)).toBe('0s');
  });

  it('speaks Chinese', () => {
    setLanguage('zh');
    expect(durationWords(45)).toBe('45 秒');
    expect(durationWords(12 * MINUTE + 5)).toBe('12 分钟 5 秒');
    expect(durationWords(77_789)).toBe('21 小时 36 分钟');
    expect(durationWords(3 * DAY + 4 * HOUR)).toBe('3 天 4 小时');
  });
});
