// Differences of CPU and run-queue times (read by src/inspect/sched-stat.ts)
// over a phase of the chat bench.
import type { TaskTimes } from '../inspect/sched-stat.js';

/** `after − before`, or undefined if either is unknown. */
export function timesBetween(before: TaskTimes | undefined, after: TaskTimes | undefined): TaskTimes | undefined {
  if (before === undefined || after === undefined) return undefined;
  return { cpuMs: after.cpuMs - before.cpuMs, waitMs: after.waitMs - before.waitMs };
}
