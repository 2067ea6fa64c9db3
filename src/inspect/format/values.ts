// One ProcInfo field as procps `ps` prints it in a column. Unknown is `?`
// (never a made-up 0); untrusted text goes through sanitizeForCells.
import { MONTH_ABBREVIATIONS } from '../../text/calendar.js';
import { sanitizeForCells } from '../../text/sanitize.js';
import { displayWidth, truncateToWidth } from '../../text/width.js';
import { niceApplies } from '../sched-policy.js';
import type { ProcInfo, Snapshot } from '../types.js';

export const UNKNOWN = '?';

export function numberCell(value: number | undefined): string {
  return value === undefined ? UNKNOWN : String(value);
}

/** NI as procps prints it: `-` for a policy the nice value has no say in (SCHED_FIFO, RR, IDLE, DEADLINE). */
export function niceCell(proc: ProcInfo): string {
  if (proc.nice === undefined && !niceApplies(proc.policy)) return '-';
  return numberCell(proc.nice);
}

export function textCell(value: string | undefined): string {
  return value === undefined ? UNKNOWN : sanitizeForCells(value);
}

/** STAT; a backend that knows only the state letter still shows that letter. */
export function statCell(proc: ProcInfo): string {
  return textCell(proc.stat ?? proc.state);
}

/**
 * BSD TIME (`ps j`, `ps u`): minutes, then seconds, truncated — `  0:02`,
 * `125:07`. procps prints it as `%3u:%02u`, so the padding is part of the
 * value and cannot give room back to a wider column before it.
 */
export function bsdTime(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return UNKNOWN;
  const whole = Math.floor(seconds);
  return `${String(Math.floor(whole / 60)).padStart(3)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * %CPU and %MEM from a permille: procps prints `%2u.%u` (padding included,
 * like TIME), and drops the decimal from 100 up (`%u`). Truncated, not rounded.
 */
function permille(value: number): string {
  const tenths = Math.max(0, Math.floor(value + 1e-9));
  const whole = Math.floor(tenths / 10);
  return tenths > 999 ? String(whole) : `${String(whole).padStart(2)}.${tenths % 10}`;
}

/**
 * ps %CPU in permille: CPU time over the time since the process started (a
 * lifetime average, unlike top's interval delta), so a one-shot listing has a
 * value. procps 4 divides by that age in seconds with its fraction (uptime
 * minus start time), so `now` is the snapshot's psClock. Backends that know
 * neither fall back to their own `cpuPercent`.
 */
export function psCpuPermille(proc: ProcInfo, now: number): number | undefined {
  if (proc.timeSeconds !== undefined && proc.startTime !== undefined) {
    const elapsed = (now - proc.startTime) / 1000;
    return elapsed > 0 ? (proc.timeSeconds * 1000) / elapsed : 0;
  }
  return proc.cpuPercent === undefined ? undefined : proc.cpuPercent * 10;
}

/** The instant ps %CPU is taken at: the uptime clock where the backend has one (Snapshot.uptimeClock). */
export function psClock(snapshot: Snapshot): number {
  return snapshot.uptimeClock ?? snapshot.takenAt;
}

/** A percentage truncated to tenths, as procps computes %CPU and %MEM (an integer permille). */
export function psTenths(percent: number): number {
  return Math.max(0, Math.floor(percent * 10 + 1e-9)) / 10;
}

export function psCpuPercent(proc: ProcInfo, now: number): string {
  const value = psCpuPermille(proc, now);
  return value === undefined ? UNKNOWN : permille(value);
}

/** ps %MEM: RSS over MemTotal. */
export function memPercentCell(proc: ProcInfo): string {
  return proc.memPercent === undefined ? UNKNOWN : permille(proc.memPercent * 10);
}

/** VSZ and RSS are shown in KiB. */
export function kibCell(bytes: number | undefined): string {
  return bytes === undefined ? UNKNOWN : String(Math.round(bytes / 1024));
}

const USER_WIDTH = 8;

/**
 * USER: the name, cut to 7 cells plus `+` when wider than 8 (procps-ng); the
 * uid when there is no name. Cells, not characters: a CJK name takes two a
 * character, and a combining accent none.
 */
export function userCell(proc: ProcInfo): string {
  if (proc.user === undefined) return numberCell(proc.uid);
  const name = sanitizeForCells(proc.user);
  return displayWidth(name) > USER_WIDTH ? `${truncateToWidth(name, USER_WIDTH - 1)}+` : name;
}

/**
 * START as ps prints it in local time: `HH:MM` when the process started on
 * the same day as `now`, `MmmDD` in the same year, else the year.
 */
export function startCell(startTime: number | undefined, now: number): string {
  if (startTime === undefined) return UNKNOWN;
  const start = new Date(startTime);
  const today = new Date(now);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (start.getFullYear() !== today.getFullYear()) return String(start.getFullYear());
  const sameDay = start.getMonth() === today.getMonth() && start.getDate() === today.getDate();
  if (!sameDay) return `${MONTH_ABBREVIATIONS[start.getMonth()] ?? UNKNOWN}${two(start.getDate())}`;
  return `${two(start.getHours())}:${two(start.getMinutes())}`;
}

const MINUTE_MS = 60_000;

/**
 * startCell for one `now`, remembered by the minute a process started in: a
 * listing has thousands of processes started in a few minutes, and each
 * startCell takes two dates apart in local time. The cell depends on the start
 * only through its local minute, the same for the whole UTC minute wherever
 * the offset from UTC is whole minutes, as it is everywhere since 1972.
 */
export function startCells(now: number): (startTime: number | undefined) => string {
  const byMinute = new Map<number, string>();
  return (startTime) => {
    if (startTime === undefined) return UNKNOWN;
    const minute = Math.floor(startTime / MINUTE_MS);
    let cell = byMinute.get(minute);
    if (cell === undefined) {
      cell = startCell(startTime, now);
      byMinute.set(minute, cell);
    }
    return cell;
  };
}

/**
 * COMMAND: the command line; `[comm]` when there is none (kernel threads,
 * zombies) or it cannot be read; ` <defunct>` after a zombie, as ps does.
 */
export function commandCell(proc: ProcInfo): string {
  let text: string;
  if (proc.args !== undefined && proc.args !== '') text = sanitizeForCells(proc.args);
  else if (proc.comm !== undefined) text = `[${sanitizeForCells(proc.comm)}]`;
  else text = UNKNOWN;
  return proc.state === 'Z' ? `${text} <defunct>` : text;
}
