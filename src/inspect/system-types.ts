// What readSystem() gives, whichever reader answers (system-info.ts).
import type { CpuSeconds, MemoryTotals } from './procfs/system-totals.js';

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
