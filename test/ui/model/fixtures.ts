// Hand-made processes and snapshots for the view-model tests.
import type { ProcInfo, Snapshot } from '../../../src/inspect/types.js';

export function proc(pid: number, ppid: number, fields: Partial<ProcInfo> = {}): ProcInfo {
  return {
    pid,
    ppid,
    pgid: pid,
    sid: pid,
    tty: '?',
    tpgid: -1,
    state: 'S',
    stat: 'S',
    nice: 0,
    priority: 20,
    threads: 1,
    uid: 1000,
    user: 'ann',
    startTime: 1_700_000_000_000 + pid,
    cpuPercent: 0,
    memPercent: 0.1,
    rssBytes: 4096 * 1024,
    vszBytes: 8192 * 1024,
    timeSeconds: 1,
    comm: `p${pid}`,
    args: `p${pid} --run`,
    ...fields,
  };
}

export function snapshot(procs: readonly ProcInfo[], takenAt = 1_700_000_100_000): Snapshot {
  return { takenAt, procs: new Map(procs.map((p) => [p.pid, p])) };
}
