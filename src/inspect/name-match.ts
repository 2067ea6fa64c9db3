// `--watch NAME`: the processes whose name or command line contains NAME, as
// pgrep -f finds them, and as pgrep never procview's own: not this process
// (its own command line holds NAME), not its ancestors (the shell or npx that
// started it holds NAME too), not its descendants.
import type { ProcEvent, Snapshot } from './types.js';

/**
 * PID 1 is every process's ancestor, procview's included, even where the walk
 * up from procview breaks off (a parent hidden by hidepid): taken in, a
 * command line of PID 1 that holds NAME (`--tcp-readiness-only` holds "only")
 * made the scope its descendants, the whole system.
 */
const INIT = 1;

/** Pids of `snapshot` matching `pattern`, except `selfPid`, its ancestors (PID 1 always) and its descendants. */
export function matchByName(snapshot: Snapshot, pattern: string, selfPid: number): number[] {
  const own = new Set<number>([INIT]);
  for (let pid: number | undefined = selfPid; pid !== undefined && pid > INIT && !own.has(pid); pid = snapshot.procs.get(pid)?.ppid) {
    own.add(pid);
  }
  const out: number[] = [];
  for (const proc of snapshot.procs.values()) {
    if (own.has(proc.pid) || descendsFrom(snapshot, proc.pid, selfPid)) continue;
    if (proc.comm?.includes(pattern) === true || proc.args?.includes(pattern) === true) out.push(proc.pid);
  }
  return out;
}

function descendsFrom(snapshot: Snapshot, pid: number, ancestor: number): boolean {
  const seen = new Set<number>();
  for (let at = snapshot.procs.get(pid)?.ppid; at !== undefined && at > 1 && !seen.has(at); at = snapshot.procs.get(at)?.ppid) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}

/**
 * Pids whose exec or exit in `events` names a program matching `pattern`: a
 * process that ran and ended between two tables (a short program, named by the
 * read its exec's batch brought, explain.ts) is in no table to match. PID 1
 * re-executing itself (systemd's daemon-reexec) is an ancestor still.
 */
export function matchEventsByName(events: readonly ProcEvent[], snapshot: Snapshot, pattern: string, selfPid: number): number[] {
  const out = new Set<number>();
  for (const event of events) {
    if (event.kind !== 'exec' && event.kind !== 'exit') continue;
    // procview's own: itself, what a table shows under it, and a child of it no table held (its exit names its parent).
    if (event.pid === selfPid || event.pid === INIT || descendsFrom(snapshot, event.pid, selfPid) || (event.kind === 'exit' && event.ppid === selfPid))
      continue;
    const args = event.kind === 'exec' ? event.args : undefined;
    if (event.comm?.includes(pattern) === true || args?.includes(pattern) === true) out.add(event.pid);
  }
  return [...out];
}
