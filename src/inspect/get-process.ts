// getProcess(pid): one process, looked up once, for callers that do not keep
// an inspector. It reads a whole snapshot (the backends list the table as a
// whole; procfs reads every process's stat), so a caller asking again and
// again should keep an inspector and its snapshots instead.
import { createInspector } from './inspector.js';
import type { InspectorOptions, ProcInfo } from './types.js';

/** The record of `pid` now, or undefined when there is no such process. Its cpuPercent is undefined (first sight). */
export async function getProcess(pid: number, options: InspectorOptions = {}): Promise<ProcInfo | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const inspector = createInspector(options);
  try {
    return (await inspector.snapshot()).procs.get(pid);
  } finally {
    inspector.close();
  }
}
