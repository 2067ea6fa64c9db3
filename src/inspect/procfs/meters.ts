// What the dashboard's meters show, read once per refresh: CPU time per CPU
// from <procRoot>/stat (the `cpuN` lines) and memory and swap from
// <procRoot>/meminfo. Parsers are pure; usage is the difference of two reads,
// as top and htop compute it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ticks of one `cpu` line of /proc/stat (proc(5): user nice system idle iowait irq softirq steal guest guest_nice). */
export interface CpuTicks {
  /** `cpu` for the sum of all, `cpu0`… for each. */
  readonly name: string;
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  readonly iowait: number;
  readonly irq: number;
  readonly softirq: number;
  readonly steal: number;
}

export interface MemoryFigures {
  /** kB, as meminfo gives them; undefined when the line is missing. */
  readonly totalKb: number | undefined;
  readonly availableKb: number | undefined;
  readonly swapTotalKb: number | undefined;
  readonly swapFreeKb: number | undefined;
}

export interface MeterSample {
  readonly cpus: readonly CpuTicks[];
  readonly memory: MemoryFigures;
}

/** Share of one CPU's time since the last sample, as fractions 0..1 (htop's split). */
export interface CpuUsage {
  readonly name: string;
  readonly user: number;
  readonly nice: number;
  /** Kernel time: system + irq + softirq, as htop's red segment. */
  readonly system: number;
  /** Everything but idle and iowait. */
  readonly busy: number;
}

export function parseCpuTicks(statText: string): CpuTicks[] {
  const out: CpuTicks[] = [];
  for (const line of statText.split('\n')) {
    if (!line.startsWith('cpu')) continue;
    const [name = '', ...fields] = line.trim().split(/\s+/);
    const n = fields.map(Number);
    const at = (i: number): number => (Number.isFinite(n[i]) ? (n[i] ?? 0) : 0);
    // Fields missing on old kernels (steal came with 2.6.11) count as 0: their time is not there to count.
    out.push({ name, user: at(0), nice: at(1), system: at(2), idle: at(3), iowait: at(4), irq: at(5), softirq: at(6), steal: at(7) });
  }
  return out;
}

export function parseMemory(meminfoText: string): MemoryFigures {
  const kb = (key: string): number | undefined => {
    const match = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(meminfoText);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  };
  return { totalKb: kb('MemTotal'), availableKb: kb('MemAvailable'), swapTotalKb: kb('SwapTotal'), swapFreeKb: kb('SwapFree') };
}

/** Usage between two samples of the same CPU; undefined when no time passed (or the counters went back). */
export function cpuUsage(before: CpuTicks, after: CpuTicks): CpuUsage | undefined {
  const d = (key: keyof Omit<CpuTicks, 'name'>): number => Math.max(0, after[key] - before[key]);
  // guest time is already inside user (proc(5)), so it is not added again.
  const total = d('user') + d('nice') + d('system') + d('idle') + d('iowait') + d('irq') + d('softirq') + d('steal');
  if (total <= 0) return undefined;
  const system = d('system') + d('irq') + d('softirq');
  return {
    name: after.name,
    user: d('user') / total,
    nice: d('nice') / total,
    system: system / total,
    busy: (d('user') + d('nice') + system + d('steal')) / total,
  };
}

/** One sample of <procRoot>/stat and <procRoot>/meminfo; undefined when neither can be read. */
export function readMeterSample(procRoot = '/proc'): MeterSample | undefined {
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(join(procRoot, name), 'latin1');
    } catch {
      return undefined;
    }
  };
  const stat = read('stat');
  const meminfo = read('meminfo');
  if (stat === undefined && meminfo === undefined) return undefined;
  return {
    cpus: stat === undefined ? [] : parseCpuTicks(stat),
    memory: meminfo === undefined ? { totalKb: undefined, availableKb: undefined, swapTotalKb: undefined, swapFreeKb: undefined } : parseMemory(meminfo),
  };
}

export interface Meters {
  /** The sum of all CPUs first (`cpu`), then each; empty on the first sample. */
  readonly cpus: readonly CpuUsage[];
  /** How many CPUs /proc/stat lists (`cpuN` lines), known from the first sample on. */
  readonly cpuCount: number;
  readonly memory: MemoryFigures;
}

/** Meters from two samples (the CPU shares need a previous one). */
export function metersBetween(before: MeterSample | undefined, after: MeterSample): Meters {
  const cpus: CpuUsage[] = [];
  for (const now of after.cpus) {
    const then = before?.cpus.find((c) => c.name === now.name);
    const usage = then === undefined ? undefined : cpuUsage(then, now);
    if (usage !== undefined) cpus.push(usage);
  }
  return { cpus, cpuCount: after.cpus.filter((c) => c.name !== 'cpu').length, memory: after.memory };
}
