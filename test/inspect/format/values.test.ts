// Cells of the ps listings (src/inspect/format/values.ts) that depend on the
// local time zone: START, and the per-minute memory that serves it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCell, startCells } from '../../../src/inspect/format/values.js';

const MINUTE = 60_000;
const zoneBefore = process.env.TZ;

describe.each(['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Berlin'])('START in %s', (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it('is the same remembered by the minute as worked out each time, across days, a year and a DST change', () => {
    const seen = new Set<string>();
    // `now` just after a new year in UTC, at noon of New Year's Day (the same day in every zone here), and on the day Europe/Berlin leaves summer time (2026-10-25).
    for (const now of [Date.UTC(2027, 0, 1, 0, 20, 5), Date.UTC(2027, 0, 1, 12, 0, 0), Date.UTC(2026, 9, 25, 1, 30, 0)]) {
      const cells = startCells(now);
      for (let start = now - 3 * 24 * 60 * MINUTE; start <= now; start += 7 * MINUTE + 13_017) {
        const expected = startCell(start, now);
        seen.add(expected.length === 5 && expected.includes(':') ? 'time' : /^\d{4}$/u.test(expected) ? 'year' : 'day');
        expect(cells(start)).toBe(expected);
        // The second time comes from memory; a start later in the same minute too.
        expect(cells(start)).toBe(expected);
        const sameMinute = Math.floor(start / MINUTE) * MINUTE + 59_999;
        expect(cells(sameMinute)).toBe(startCell(sameMinute, now));
      }
    }
    // Every kind of cell was checked: HH:MM, MmmDD and the year.
    expect([...seen].sort()).toEqual(['day', 'time', 'year']);
    expect(startCells(Date.now())(undefined)).toBe('?');
  });
});
