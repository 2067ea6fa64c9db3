// The machine's totals from <procRoot>: uptime, loadavg, stat (CPU times) and
// meminfo, parsed by system-totals.ts. A file that cannot be read leaves its
// figures undefined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SystemInfo } from '../system-types.js';
import { parseCpuStat, parseLoadAvg, parseMemInfo, parseUptime } from './system-totals.js';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

export function readProcfsSystem(procRoot: string): SystemInfo {
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
