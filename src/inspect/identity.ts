// The identity rule, in one place: a process is its pid plus its start time
// (psutil's rule), so a pid reused by a later process is another process.
// Everything that asks "is this still the process I saw?" asks here: the diff,
// the dashboard's scope, the lessons, and the check before a kill or renice.
import type { ProcInfo } from './types.js';

/** What identifies a process: a ProcInfo, a row, or a target named by the user. */
export type Identity = Pick<ProcInfo, 'pid' | 'startTime'>;

/**
 * Whether two start times can be the same process's. When either is unknown
 * (a backend that cannot tell), the pid alone is all there is: assume the
 * same process rather than invent an exit and a spawn.
 */
export function sameStartTime(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Same pid and, where both are known, the same start time (see sameStartTime). */
export function sameProcess(a: Identity, b: Identity): boolean {
  return a.pid === b.pid && sameStartTime(a.startTime, b.startTime);
}

/**
 * Same pid and both start times known and equal: for the cases where
 * assuming is not enough (signalling a process, calling a parent alive).
 */
export function provenSameProcess(a: Identity, b: Identity): boolean {
  return a.pid === b.pid && a.startTime !== undefined && a.startTime === b.startTime;
}
