import { describe, expect, it } from 'vitest';
import { goToFrame, parseGoTo, spanWords, SPEEDS, speedWords, timelineWords } from '../../../src/ui/model/replay.js';

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
    // After a colon, minutes and seconds under 60.
    expect(parseGoTo('1:99')).toBeUndefined();
    expect(parseGoTo('1:60:00')).toBeUndefined();
    expect(parseGoTo('99')).toBe(99_000);
  });

  it('goes to the frame shown at the time asked for, or the next one when only that one is labelled so (g 1: a frame at 1.04 s reads 0:01.0)', () => {
    const times = [12, 400, 1040, 1500];
    const timeOf = (i: number): number => times[i] ?? 0;
    // g 1: shown at 1.0 s is the frame of 0.4 s (0:00.4); the next, 0:01.0, is the one labelled so.
    expect(goToFrame(1000, 1, times.length, timeOf)).toBe(2);
    // g 0: the first frame, labelled 0:00.0 itself.
    expect(goToFrame(0, 0, times.length, timeOf)).toBe(0);
    // g 1.2: no frame labelled so, the one shown then.
    expect(goToFrame(1200, 2, times.length, timeOf)).toBe(2);
    // The last frame has no next.
    expect(goToFrame(1600, 3, times.length, timeOf)).toBe(3);
  });

  it('puts state, speed, place and frame in one line', () => {
    expect(timelineWords({ playing: false, speed: 0.25, at: 1500, length: 65_000, frame: 2, frames: 40 })).toBe('replay ⏸ ¼× 0:01.5/1:05.0 frame 3/40');
  });
});
