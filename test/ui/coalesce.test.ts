// Chat and narration lines ask for a redraw each; a flood of them must cost one render.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce, MIN_GAP_MS } from '../../src/ui/coalesce.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coalesced redraws', () => {
  it('runs once for many requests in one turn, and not before the turn ends', () => {
    const app = { redraw: vi.fn() };
    const redraws = coalesce(() => app.redraw());
    for (let i = 0; i < 1000; i += 1) redraws.request();
    expect(app.redraw).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(app.redraw).toHaveBeenCalledTimes(1);
  });

  it('keeps a gap between runs, so a steady trickle is drawn at most every MIN_GAP_MS', () => {
    const task = vi.fn();
    const redraws = coalesce(task);
    redraws.request();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    redraws.request();
    vi.advanceTimersByTime(MIN_GAP_MS - 5);
    redraws.request();
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10);
    expect(task).toHaveBeenCalledTimes(2);
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled, and can be asked again', () => {
    const task = vi.fn();
    const redraws = coalesce(task);
    redraws.request();
    redraws.cancel();
    vi.runAllTimers();
    expect(task).not.toHaveBeenCalled();
    redraws.request();
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
