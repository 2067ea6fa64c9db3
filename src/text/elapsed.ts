// `[+1.234s]`, the stamp of every line that says when something happened
// since a start (run --plain, replay --plain, a lesson's --plain).

/**
 * Seconds since `start`, to the millisecond, cut (never rounded) as a clock is
 * read: a line is stamped Date.now(), whole ms, an event with the kernel's
 * time to the fraction. Rounded, an exit at 346.5 ms read +0.347 s, after the
 * parent's own "reaped" output it preceded (+0.346 s). Never before the start.
 */
export function elapsedStamp(at: number, start: number): string {
  return `[+${(Math.floor(Math.max(0, at - start)) / 1000).toFixed(3)}s]`;
}
