// The header, top style: uptime and load, task counts by state, refresh
// interval and scope. Counting follows top: S, D and I count as sleeping,
// T and t as stopped.
import type { ProcInfo } from '../../inspect/types.js';
import { t } from '../../text/i18n/message.js';
import { displayWidth } from '../../text/width.js';
import { isKernelThreadRecord } from '../../inspect/kernel-thread.js';

export interface TaskCounts {
  readonly total: number;
  readonly running: number;
  readonly sleeping: number;
  readonly stopped: number;
  readonly zombie: number;
  /** Kernel threads among `total` (listed or hidden with K, always counted). */
  readonly kernel: number;
  /** A chosen scope: every process it has held since the start (pid + start time); undefined for the whole system. */
  readonly seen?: number | undefined;
}

export function countTasks(procs: Iterable<ProcInfo>): TaskCounts {
  let total = 0,
    running = 0,
    sleeping = 0,
    stopped = 0,
    zombie = 0,
    kernel = 0;
  for (const proc of procs) {
    total += 1;
    if (isKernelThreadRecord(proc)) kernel += 1;
    switch (proc.state) {
      case 'R':
        running += 1;
        break;
      case 'S':
      case 'D':
      case 'I':
        sleeping += 1;
        break;
      case 'T':
      case 't':
        stopped += 1;
        break;
      case 'Z':
        zombie += 1;
        break;
      default:
        break;
    }
  }
  return { total, running, sleeping, stopped, zombie, kernel };
}

/**
 * top's wording; when that does not fit in `width`, the same counts by state
 * letter. A scope says what it counts: the processes it holds now and all it
 * has seen (after a lesson: `0 now, 5 seen`), then the ones now by state.
 */
export function tasksLine(c: TaskCounts, width = Number.POSITIVE_INFINITY): string {
  const counts = { total: c.total, running: c.running, sleeping: c.sleeping, stopped: c.stopped, zombie: c.zombie };
  if (c.seen !== undefined) {
    const long = t('ui.tasks.seenLong', { ...counts, seen: c.seen });
    return displayWidth(long) <= width ? long : t('ui.tasks.seenShort', { ...counts, seen: c.seen });
  }
  const long = t('ui.tasks.long', counts);
  return displayWidth(long) <= width ? long : t('ui.tasks.short', counts);
}

/** top's wording: `up 3 days,  4:12`, `up  4:12`, `up 12 min`; `up ?` when unknown. */
export function uptimeWords(seconds: number | undefined): string {
  if (seconds === undefined) return t('ui.uptime', { time: '?' });
  const total = Math.floor(seconds);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const dayPart = days === 0 ? '' : days === 1 ? t('ui.uptime.day') : t('ui.uptime.days', { days });
  const clockPart = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : t('ui.uptime.minutes', { minutes });
  return t('ui.uptime', { time: `${dayPart}${clockPart}` });
}

/** The 1, 5 and 15 minute figures as top prints them, or ? when unknown. */
function loadFigures(load: readonly number[] | undefined, separator: string): string {
  return load === undefined ? '?' : load.map((n) => n.toFixed(2)).join(separator);
}

export function loadWords(load: readonly number[] | undefined): string {
  return t('ui.load', { load: loadFigures(load, ', ') });
}

/** The same figures without the label, for a header line that is short of room. */
export function loadShortWords(load: readonly number[] | undefined): string {
  return t('ui.loadShort', { load: loadFigures(load, ' ') });
}

export function intervalWords(ms: number): string {
  return t('ui.interval', { seconds: Number((ms / 1000).toFixed(2)) });
}
