// Uptime and load averages for the dashboard's header, top's first line. Read
// here so that src/inspect stays the one door to the OS: Node's os.uptime()
// and os.loadavg() are libuv's uv_uptime/uv_loadavg, which on Linux read
// /proc/uptime and /proc/loadavg (sysctl on macOS and the BSDs).
import { loadavg, uptime } from 'node:os';

export interface SystemLoad {
  /** Seconds since boot; undefined when it cannot be read. */
  readonly uptimeSeconds: number | undefined;
  /** 1, 5 and 15 minute load averages; undefined when they cannot be read. */
  readonly load: readonly [number, number, number] | undefined;
}

function readUptime(): number | undefined {
  try {
    return uptime();
  } catch {
    // ERR_SYSTEM_ERROR: libuv could not read it (no /proc mounted, say).
    return undefined;
  }
}

export function readSystemLoad(): SystemLoad {
  // uv_loadavg cannot fail (on Linux it falls back to sysinfo(2)): three numbers, or none off Unix.
  const [one, five, fifteen] = loadavg();
  const load = one === undefined || five === undefined || fifteen === undefined ? undefined : Object.freeze([one, five, fifteen] as const);
  return Object.freeze({ uptimeSeconds: readUptime(), load });
}
