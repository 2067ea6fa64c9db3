// CPU and run-queue time of a process's main thread, from
// /proc/PID/schedstat: `ns on a CPU`, `ns runnable but waiting for one`,
// `timeslices` (Documentation/scheduler/sched-stats). Linux only, and only
// with schedstats; undefined elsewhere. The chat bench reports it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TaskTimes {
  /** CPU time of the process's main thread (/proc/PID/schedstat field 1), ms. */
  readonly cpuMs: number;
  /** Time it was runnable but waited for a CPU (field 2), ms: how much the machine held it back. */
  readonly waitMs: number;
}

export function readTaskTimes(pid: number | 'self', procRoot = '/proc'): TaskTimes | undefined {
  try {
    const [run, wait] = readFileSync(join(procRoot, String(pid), 'schedstat'), 'utf8')
      .trim()
      .split(' ')
      .map(Number);
    if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
    return { cpuMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}
