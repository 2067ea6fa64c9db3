// Wall-clock time with the fraction of a millisecond. Date.now() truncates to
// whole milliseconds, while the kernel's event times (proc_event.timestamp_ns,
// converted to the epoch in native/proc-events) keep theirs: a program's line
// received 0.6 ms after the exit it reports (a parent's `waitpid -> 8350`)
// was stamped before that exit and printed above it.

/** ms since the epoch, fractional: the process's time origin plus the monotonic clock since. */
export function preciseNowMs(): number {
  return performance.timeOrigin + performance.now();
}
