// Hand-made processes and snapshots for the pure tests (diff, tree, format).
import type { MaybeForkMarked } from '../../src/inspect/fork-mark.js';
import type { ProcInfo, Snapshot } from '../../src/inspect/types.js';

/** A plausible sleeping process; override what the test is about. Start time is fixed so identity holds. */
export function proc(fields: Partial<ProcInfo> & MaybeForkMarked & { pid: number }): ProcInfo {
  return {
    ppid: 1,
    pgid: fields.pid,
    sid: fields.pid,
    tty: '?',
    tpgid: -1,
    state: 'S',
    stat: 'S',
    nice: 0,
    priority: 20,
    threads: 1,
    policy: 'TS',
    uid: 1000,
    user: 'alice',
    startTime: 1_700_000_000_000 + fields.pid,
    cpuPercent: undefined,
    memPercent: 0,
    rssBytes: 4096 * 100,
    vszBytes: 4096 * 2000,
    timeSeconds: 0,
    comm: 'sleep',
    args: 'sleep 30',
    ...fields,
  };
}

/** Every field unknown, as a backend that knows only the pid would give. */
export { unknownProc } from '../../src/inspect/snapshot.js';

export function snapshot(procs: readonly ProcInfo[], takenAt = 1_700_000_100_000): Snapshot {
  return { takenAt, procs: new Map(procs.map((p) => [p.pid, p])) };
}
