// CPU and run-queue time of a process's main thread, from
// /proc/PID/schedstat: `ns on a CPU`, `ns runnable but waiting for one`,
// `timeslices`. Linux only (and only with schedstats); undefined elsewhere.
import { readFileSync } from 'node:fs';
import type { TaskTimes } from './chat-ipc.js';

export function taskTimes(pid: number | 'self'): TaskTimes | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
    return { cpuMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

/** `after − before`, or undefined if either is unknown. */
export function timesBetween(before: TaskTimes | undefined, after: TaskTimes | undefined): TaskTimes | undefined {
  if (before === undefined || after === undefined) return undefined;
  return { cpuMs: after.cpuMs - before.cpuMs, waitMs: after.waitMs - before.waitMs };
}
