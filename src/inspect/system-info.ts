// readSystem(): the machine as top's header sees it — uptime, load, CPU time
// totals and memory. Linux reads <procRoot> (so tests can point it at a
// fixture tree); elsewhere Node's os module (libuv: sysctl on macOS and the
// BSDs) gives what it can and the rest is undefined.
import { readFileSync } from 'node:fs';
import { cpus as osCpus, freemem, loadavg, totalmem, uptime } from 'node:os';
import { join } from 'node:path';
import { defaultBackend } from './backends.js';
import { parseCpuStat, parseLoadAvg, parseMemInfo, parseUptime, type CpuSeconds, type MemoryTotals } from './procfs/system-totals.js';
import type { InspectorOptions } from './types.js';

export type { CpuSeconds, MemoryTotals } from './procfs/system-totals.js';

export interface SystemInfo {
  /** Seconds since boot. */
  readonly uptimeSeconds: number | undefined;
  /** Load averages over 1, 5 and 15 minutes. */
  readonly load: readonly [number, number, number] | undefined;
  /** Online CPUs. */
  readonly cpus: number | undefined;
  /** CPU time since boot by state, summed over all CPUs. Two readings apart give the busy share. */
  readonly cpuSeconds: CpuSeconds | undefined;
  readonly memory: MemoryTotals;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

function fromProcfs(procRoot: string): SystemInfo {
  const read = (name: string): string | undefined => readText(join(procRoot, name));
  const uptimeText = read('uptime');
  const loadText = read('loadavg');
  const statText = read('stat');
  const meminfo = read('meminfo');
  const cpu = statText === undefined ? { cpus: undefined, seconds: undefined } : parseCpuStat(statText);
  return Object.freeze({
    uptimeSeconds: uptimeText === undefined ? undefined : parseUptime(uptimeText),
    load: loadText === undefined ? undefined : parseLoadAvg(loadText),
    cpus: cpu.cpus,
    cpuSeconds: cpu.seconds,
    // No meminfo: every figure undefined.
    memory: parseMemInfo(meminfo ?? ''),
  });
}

function fromOs(): SystemInfo {
  let up: number | undefined;
  try {
    up = uptime();
  } catch {
    up = undefined;
  }
  const [one, five, fifteen] = loadavg();
  const list = osCpus();
  // os.cpus() times are milliseconds per CPU; libuv has no iowait, softirq or steal.
  const sum = (key: 'user' | 'nice' | 'sys' | 'idle' | 'irq'): number => list.reduce((total, cpu) => total + cpu.times[key], 0) / 1000;
  const cpuSeconds =
    list.length === 0
      ? undefined
      : Object.freeze({
          user: sum('user'),
          nice: sum('nice'),
          system: sum('sys'),
          idle: sum('idle'),
          iowait: undefined,
          irq: sum('irq'),
          softirq: undefined,
          steal: undefined,
        });
  return Object.freeze({
    uptimeSeconds: up,
    load: one === undefined || five === undefined || fifteen === undefined ? undefined : Object.freeze([one, five, fifteen] as const),
    cpus: list.length === 0 ? undefined : list.length,
    cpuSeconds,
    // libuv's free memory is the kernel's "available" figure where it has one.
    memory: Object.freeze({ totalBytes: totalmem(), availableBytes: freemem(), swapTotalBytes: undefined, swapFreeBytes: undefined }),
  });
}

/** Whole-machine totals; a figure that cannot be read is undefined, never 0. */
export function readSystem(options: InspectorOptions = {}): SystemInfo {
  return (options.backend ?? defaultBackend()) === 'procfs' ? fromProcfs(options.procRoot ?? '/proc') : fromOs();
}
