// The load generator's stamps (src/bench/chat-stamp.ts): read back from the
// delivered bytes exactly as written, and nothing else taken for one.
import { describe, expect, it } from 'vitest';
import { formatStamp, phaseMark, readStamp, SHARED_CLOCK_UNCERTAINTY_MS, sharedClockMs } from '../../src/bench/chat-stamp.js';

describe('bench stamps', () => {
  it('round-trip through a delivery, to the microsecond', () => {
    const due = sharedClockMs();
    const sent = due + 0.1234;
    const delivered = Buffer.from(`bench1-7 says: ${formatStamp('m', due, sent)}`);
    const out = new Float64Array(2);
    expect(readStamp(delivered, 'm', out)).toBe(true);
    expect(out[0]).toBeCloseTo(due, 3);
    expect(out[1]).toBeCloseTo(sent, 3);
  });

  it('refuse the other phase and anything that is not a stamp', () => {
    const out = new Float64Array(2);
    const stamp = formatStamp('w', 1, 2);
    expect(readStamp(Buffer.from(`a says: ${stamp}`), 'm', out)).toBe(false);
    expect(readStamp(Buffer.from(`a says: ${stamp}`), 'w', out)).toBe(true);
    expect(readStamp(Buffer.from('bench1-3 joined the room'), 'm', out)).toBe(false);
    expect(readStamp(Buffer.from(`a says: ${stamp.replace('2', 'x')}`), 'w', out)).toBe(false);
    expect(readStamp(Buffer.from(''), 'm', out)).toBe(false);
  });

  it('mark the warm-up apart from every measured run', () => {
    expect(phaseMark(-1)).toBe('w');
    const marks = Array.from({ length: 50 }, (_, run) => phaseMark(run));
    expect(marks).not.toContain('w');
    expect(marks[0]).not.toBe(marks[1]);
    expect(marks.every((mark) => /^[a-v]$/u.test(mark))).toBe(true);
  });

  it('use one clock in every process (CLOCK_MONOTONIC)', () => {
    // Bracketed by two reads of CLOCK_MONOTONIC: within them, however long the wait between.
    const before = Number(process.hrtime.bigint()) / 1e6;
    const shared = sharedClockMs();
    const after = Number(process.hrtime.bigint()) / 1e6;
    // Plus the calibration's own bound, and 1 µs for the rounding of the ms figures.
    const slack = SHARED_CLOCK_UNCERTAINTY_MS + 0.001;
    expect(shared).toBeGreaterThanOrEqual(before - slack);
    expect(shared).toBeLessThanOrEqual(after + slack);
  });
});
