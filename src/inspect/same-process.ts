// The identity rule, in one place: a process is its pid plus its start time
// (psutil's rule), so a pid reused by a later process is another process.
import type { ProcInfo } from './types.js';

/**
 * Whether two start times can be the same process's. When either is unknown
 * (a backend that cannot tell), the pid alone is all there is: assume the
 * same process rather than invent an exit and a spawn.
 */
export function sameStartTime(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Same pid and, where both are known, the same start time (see sameStartTime). */
export function sameProcess(a: Pick<ProcInfo, 'pid' | 'startTime'>, b: Pick<ProcInfo, 'pid' | 'startTime'>): boolean {
  return a.pid === b.pid && sameStartTime(a.startTime, b.startTime);
}
