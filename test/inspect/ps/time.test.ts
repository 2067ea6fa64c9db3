import { describe, expect, it } from 'vitest';
import { parseCpuTime, parseLstart } from '../../../src/inspect/ps/time.js';
import { MONTH_ABBREVIATIONS } from '../../../src/text/calendar.js';

describe('parseCpuTime', () => {
  it('reads procps [DD-]HH:MM:SS', () => {
    expect(parseCpuTime('00:00:00')).toBe(0);
    expect(parseCpuTime('01:02:03')).toBe(3723);
    expect(parseCpuTime('2-00:00:05')).toBe(172_805);
  });

  it('reads BSD [HH:]MM:SS.hh', () => {
    expect(parseCpuTime('0:00.01')).toBeCloseTo(0.01);
    expect(parseCpuTime('12:34.56')).toBeCloseTo(754.56);
    expect(parseCpuTime('1:00:00.00')).toBe(3600);
  });

  it('is undefined for anything else', () => {
    for (const text of ['', '-', 'abc', '1:2:3:4', '1.5.5', '-1:00']) expect(parseCpuTime(text), text).toBeUndefined();
  });
});

describe('parseLstart', () => {
  it('reads the C locale lstart in local time', () => {
    expect(parseLstart(['Sun', 'Nov', '29', '19:35:50', '2026'])).toBe(new Date(2026, 10, 29, 19, 35, 50).getTime());
    expect(parseLstart(['Tue', 'Apr', '1', '09:15:42', '2025'])).toBe(new Date(2025, 3, 1, 9, 15, 42).getTime());
  });

  it('reads every month by its C-locale abbreviation', () => {
    MONTH_ABBREVIATIONS.forEach((name, month) => expect(parseLstart(['Mon', name, '2', '03:04:05', '2026'])).toBe(new Date(2026, month, 2, 3, 4, 5).getTime()));
  });

  it('is undefined for text that is not a date', () => {
    expect(parseLstart(['Sun', 'Foo', '29', '19:35:50', '2026'])).toBeUndefined();
    expect(parseLstart(['Sun', 'Nov', '29', '19:35', '2026'])).toBeUndefined();
    expect(parseLstart(['-'])).toBeUndefined();
  });
});
