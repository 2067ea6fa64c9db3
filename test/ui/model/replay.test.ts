import { describe, expect, it } from 'vitest';
import { labelledUpTo, parseGoTo, spanWords, SPEEDS, speedWords, timelineWords } from '../../../src/ui/model/replay.js';

describe('replay controls', () => {
  it('speeds run from a quarter to sixteen times', () => {
    expect(SPEEDS.map(speedWords)).toEqual(['¼×', '½×', '1×', '2×', '4×', '8×', '16×']);
  });

  it('says spans as m:ss.s, with hours when there are some', () => {
    expect(spanWords(0)).toBe('0:00.0');
    expect(spanWords(12_345)).toBe('0:12.3');
    expect(spanWords(3_723_400)).toBe('1:02:03.4');
  });

  it('reads go-to times as seconds, m:ss or h:mm:ss, and refuses anything else', () => {
    expect(parseGoTo('90')).toBe(90_000);
    expect(parseGoTo('1:30')).toBe(90_000);
    expect(parseGoTo('1:02:03.5')).toBe(3_723_500);
    expect(parseGoTo('')).toBeUndefined();
    expect(parseGoTo('1:2:3:4')).toBeUndefined();
    expect(parseGoTo('-5')).toBeUndefined();
  });

  it('goes to the last moment the clock labels as the time asked for (g 1: a frame at 1.04 s reads 0:01.0)', () => {
    const to = labelledUpTo(1000);
    expect(spanWords(1040)).toBe('0:01.0');
    expect(1040).toBeLessThanOrEqual(to);
    // 1.05 s reads 0:01.1: past it.
    expect(spanWords(1050)).toBe('0:01.1');
    expect(1050).toBeGreaterThan(to);
  });

  it('puts state, speed, place and frame in one line', () => {
    expect(timelineWords({ playing: false, speed: 0.25, at: 1500, length: 65_000, frame: 2, frames: 40 })).toBe('replay ⏸ ¼× 0:01.5/1:05.0 frame 3/40');
  });
});
