import { describe, expect, it } from 'vitest';
import { LineOrder } from '../../src/commands/line-order.js';

const line = (at: number, text: string) => ({ at, text });
const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('LineOrder', () => {
  it('holds output until a frame has read up to its time, then puts it among the events by time', () => {
    const order = new LineOrder();
    order.hold(line(105, 'stdout: I am the child'));
    order.hold(line(130, 'stdout: later'));
    expect(order.holding).toBe(true);
    // The frame read at 120: the child's start (100) and its parent's exit (110).
    const out = order.withFrame([line(100, 'child started'), line(110, 'parent exited')], 120);
    expect(texts(out)).toEqual(['child started', 'stdout: I am the child', 'parent exited']);
    // 130 is after that read: it waits for the next frame.
    expect(texts(order.withFrame([], 140))).toEqual(['stdout: later']);
    expect(order.holding).toBe(false);
  });

  it('puts output after the events of the same millisecond, and keeps the events in their own order', () => {
    const order = new LineOrder();
    order.hold(line(100, 'out'));
    // Established order, not time order: the exit's status came before the late exec fact.
    expect(texts(order.withFrame([line(100, 'started'), line(120, 'exited'), line(101, 'exec')], 130))).toEqual(['started', 'out', 'exited', 'exec']);
  });

  it("puts output after an event of its millisecond stamped to the fraction (the kernel's time), as the line is stamped in whole ms", () => {
    const order = new LineOrder();
    // Received at 117.8 ms, stamped 117: it reports the exit at 117.2.
    order.hold(line(117, 'stdout: waitpid -> 8350'));
    expect(texts(order.withFrame([line(117.2, '8350 exited'), line(118.4, 'reaped')], 120))).toEqual(['8350 exited', 'stdout: waitpid -> 8350', 'reaped']);
  });

  it("puts a line held to go first (procview run's own exit) before the events of its millisecond: its reap comes after it", () => {
    const order = new LineOrder();
    order.hold({ at: 200, text: '9 (sh) exited 0', first: true });
    expect(texts(order.withFrame([line(150, 'child exited'), line(200.4, '9 (sh) reaped by 1 (node)')], 210))).toEqual([
      'child exited',
      '9 (sh) exited 0',
      '9 (sh) reaped by 1 (node)',
    ]);
  });

  it('puts output before an event the frame holds from after its read (a late status), not after it with the next frame', () => {
    const order = new LineOrder();
    order.hold(line(233, 'stdout: system returned 0'));
    order.hold(line(240, 'stdout: later'));
    // Read at 230; the exit at 234.5 came in as the frame waited for its status.
    expect(texts(order.withFrame([line(229, 'started'), line(234.5, 'exited 0')], 230))).toEqual(['started', 'stdout: system returned 0', 'exited 0']);
    expect(order.holding).toBe(true);
  });

  it('gives everything held, oldest first, when asked (no frame came in time, or the end)', () => {
    const order = new LineOrder();
    order.hold(line(5, 'a'));
    order.hold(line(9, 'b'));
    expect(texts(order.withFrame([line(1, 'e')], 2))).toEqual(['e']);
    expect(texts(order.release())).toEqual(['a', 'b']);
    expect(order.release()).toEqual([]);
  });
});
