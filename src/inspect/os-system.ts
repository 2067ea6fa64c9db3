// The machine's totals where there is no procfs (macOS, the BSDs): Node's os
// module (libuv: sysctl). What it cannot tell is undefined.
import { cpus as osCpus, freemem, loadavg, totalmem, uptime } from 'node:os';
import type { SystemInfo } from './system-types.js';

export function readOsSystem(): SystemInfo {
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
