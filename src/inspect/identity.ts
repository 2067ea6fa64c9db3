// Identity is pid + start time. Right before a kill or renice the dashboard
// asks again for the start time of the pid it means, and acts only if it still
// equals the one in its snapshot: the pid may have been reused meanwhile.
import { defaultBackend } from './inspector.js';
import { readStatFields } from './procfs/stat-file.js';
import { readBootTimeMs, startTimeMs } from './procfs/system.js';
import { runPs } from './ps/backend.js';
import { parseLstart } from './ps/time.js';
import { listProcesses } from './ps-list/backend.js';
import type { InspectorOptions } from './types.js';

/**
 * The start time of `pid` now, in the units of ProcInfo.startTime for the same
 * backend (ms since the epoch), or undefined when the process is gone or its
 * start time cannot be read.
 */
export async function readStartTime(pid: number, options: InspectorOptions = {}): Promise<number | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  switch (options.backend ?? defaultBackend()) {
    case 'procfs':
      return procfsStartTime(pid, options.procRoot ?? '/proc');
    case 'ps':
      return psStartTime(pid);
    case 'ps-list':
      return psListStartTime(pid);
    default:
      return undefined;
  }
}

function procfsStartTime(pid: number, procRoot: string): number | undefined {
  const fields = readStatFields(procRoot, pid);
  // btime is read per call (one small file; a kill is rare), as every inspector reads it once.
  return fields === undefined ? undefined : startTimeMs(readBootTimeMs(procRoot), fields.startTicks);
}

async function psStartTime(pid: number): Promise<number | undefined> {
  try {
    const { stdout } = await runPs(['-o', 'lstart=', '-p', String(pid)]);
    const words = stdout.trim().split(/\s+/);
    return words.length === 5 ? parseLstart(words) : undefined;
  } catch {
    return undefined;
  }
}

async function psListStartTime(pid: number): Promise<number | undefined> {
  try {
    const found = (await listProcesses()).find((p) => p.pid === pid);
    const time = found?.startTime?.getTime();
    return time === undefined || Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined;
  }
}
