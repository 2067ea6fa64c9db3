// readSystem(): the machine as top's header sees it — uptime, load, CPU time
// totals and memory. Which reader answers is the backend's choice
// (backends.ts): procfs reads <procRoot> (so tests can point it at a fixture
// tree, procfs/system-info.ts); elsewhere Node's os module (os-system.ts)
// gives what it can and the rest is undefined.
import { defaultBackend, systemReader } from './backends.js';
import type { SystemInfo } from './system-types.js';
import type { InspectorOptions } from './types.js';

export type { CpuSeconds, MemoryTotals } from './procfs/system-totals.js';
export type { SystemInfo } from './system-types.js';

/** Whole-machine totals; a figure that cannot be read is undefined, never 0. */
export function readSystem(options: InspectorOptions = {}): SystemInfo {
  return systemReader(options.backend ?? defaultBackend(), options)();
}
