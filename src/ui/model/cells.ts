// How each field is written in a cell. Where `procview ps` already has the
// procps rule (unknown is `?`, RSS in KiB, BSD TIME, COMMAND with `[comm]`
// and `<defunct>`), the dashboard uses the same helper; %CPU is top's
// interval figure, so it is formatted here.
import type { ProcInfo } from '../../inspect/types.js';
import { bsdTime, memPercentCell, UNKNOWN } from '../../inspect/format/values.js';

/** top's %CPU (CPU time delta over wall time, 100 = one core), one decimal. */
export function percent(value: number | undefined): string {
  return value === undefined ? UNKNOWN : value.toFixed(1);
}

export function memPercent(proc: ProcInfo): string {
  return memPercentCell(proc).trim();
}

/** Cumulative CPU as `ps j` prints TIME (minutes:seconds), without its padding. */
export function cpuTime(seconds: number | undefined): string {
  return bsdTime(seconds).trim();
}

/** top's PR: real-time tasks have field 18 at -100 or below and print as `rt`. */
export function priority(value: number | undefined): string {
  if (value === undefined) return UNKNOWN;
  return value <= -100 ? 'rt' : String(value);
}

/** Wall-clock time of day, HH:MM:SS, for event lines and narration. */
export function clock(ms: number): string {
  const date = new Date(ms);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
