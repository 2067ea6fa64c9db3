// Machine-wide totals for readSystem(), parsed from the text of
// <procRoot>/uptime, loadavg, stat and meminfo (proc(5)). Pure: the readers
// in system-info.ts hand them the text.
import { CLOCK_TICKS } from './system.js';

/** Seconds each CPU state has accumulated since boot, summed over all CPUs (the `cpu` line of /proc/stat). */
export interface CpuSeconds {
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  /** Undefined where the platform does not count it. */
  readonly iowait: number | undefined;
  readonly irq: number | undefined;
  readonly softirq: number | undefined;
  readonly steal: number | undefined;
}

export interface MemoryTotals {
  /** MemTotal. */
  readonly totalBytes: number | undefined;
  /** MemAvailable: what can be allocated without swapping (the kernel's estimate). */
  readonly availableBytes: number | undefined;
  /** MemFree: not used at all (caches count as used). */
  readonly freeBytes: number | undefined;
  readonly swapTotalBytes: number | undefined;
  readonly swapFreeBytes: number | undefined;
}

/** First field of /proc/uptime: seconds since boot. */
export function parseUptime(text: string): number | undefined {
  const first = Number(text.trim().split(/\s+/)[0]);
  return text.trim() === '' || !Number.isFinite(first) ? undefined : first;
}

/** The three load averages of /proc/loadavg (1, 5, 15 minutes). */
export function parseLoadAvg(text: string): readonly [number, number, number] | undefined {
  const [one, five, fifteen] = text.trim().split(/\s+/).slice(0, 3).map(Number);
  if (one === undefined || five === undefined || fifteen === undefined) return undefined;
  if (![one, five, fifteen].every(Number.isFinite)) return undefined;
  return Object.freeze([one, five, fifteen] as const);
}

/**
 * The aggregate `cpu` line of /proc/stat (user nice system idle iowait irq
 * softirq steal …, in USER_HZ ticks) and how many `cpuN` lines follow.
 * Fields a kernel does not print are undefined.
 */
export function parseCpuStat(text: string): { readonly cpus: number | undefined; readonly seconds: CpuSeconds | undefined } {
  let cpus = 0;
  let seconds: CpuSeconds | undefined;
  for (const line of text.split('\n')) {
    if (/^cpu\d+\s/.test(line)) cpus += 1;
    else if (/^cpu\s/.test(line)) {
      const ticks = line.trim().split(/\s+/).slice(1).map(Number);
      const at = (i: number): number | undefined => {
        const value = ticks[i];
        return value === undefined || !Number.isFinite(value) ? undefined : value / CLOCK_TICKS;
      };
      const [user, nice, system, idle] = [at(0), at(1), at(2), at(3)];
      if (user !== undefined && nice !== undefined && system !== undefined && idle !== undefined) {
        seconds = Object.freeze({ user, nice, system, idle, iowait: at(4), irq: at(5), softirq: at(6), steal: at(7) });
      }
    }
  }
  return { cpus: cpus === 0 ? undefined : cpus, seconds };
}

/** The memory lines of /proc/meminfo that readSystem() reports, in bytes. */
export function parseMemInfo(text: string): MemoryTotals {
  const kb = (key: string): number | undefined => {
    const match = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  };
  return Object.freeze({
    totalBytes: kb('MemTotal'),
    availableBytes: kb('MemAvailable'),
    freeBytes: kb('MemFree'),
    swapTotalBytes: kb('SwapTotal'),
    swapFreeBytes: kb('SwapFree'),
  });
}
