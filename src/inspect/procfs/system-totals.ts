// Machine-wide totals for readSystem(), from the text of <procRoot>/uptime,
// loadavg, stat and meminfo (proc(5)). The stat and meminfo lines are parsed
// by meters.ts (the dashboard's meters read the same files); this turns them
// into seconds and bytes. Pure: system-info.ts reads the files.
import { type CpuTicks, type MemoryFigures, parseCpuTicks, parseMemory } from './meters.js';
import { CLOCK_TICKS } from './system.js';

/** Seconds each CPU state has accumulated since boot, summed over all CPUs (the `cpu` line of /proc/stat). */
export interface CpuSeconds {
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  /** Undefined where the platform does not count it (Node's os module has no iowait, softirq or steal). */
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

function seconds(ticks: CpuTicks): CpuSeconds {
  const s = (value: number): number => value / CLOCK_TICKS;
  return Object.freeze({
    user: s(ticks.user),
    nice: s(ticks.nice),
    system: s(ticks.system),
    idle: s(ticks.idle),
    iowait: s(ticks.iowait),
    irq: s(ticks.irq),
    softirq: s(ticks.softirq),
    steal: s(ticks.steal),
  });
}

/** The aggregate `cpu` line of /proc/stat in seconds (USER_HZ ticks / 100), and how many `cpuN` lines there are. */
export function parseCpuStat(text: string): { readonly cpus: number | undefined; readonly seconds: CpuSeconds | undefined } {
  const lines = parseCpuTicks(text);
  const total = lines.find((line) => line.name === 'cpu');
  const count = lines.filter((line) => /^cpu\d+$/.test(line.name)).length;
  return { cpus: count === 0 ? undefined : count, seconds: total === undefined ? undefined : seconds(total) };
}

/** The memory lines of /proc/meminfo that readSystem() reports, in bytes. */
export function parseMemInfo(text: string): MemoryTotals {
  const figures: MemoryFigures = parseMemory(text);
  const bytes = (kb: number | undefined): number | undefined => (kb === undefined ? undefined : kb * 1024);
  return Object.freeze({
    totalBytes: bytes(figures.totalKb),
    availableBytes: bytes(figures.availableKb),
    swapTotalBytes: bytes(figures.swapTotalKb),
    swapFreeBytes: bytes(figures.swapFreeKb),
  });
}
