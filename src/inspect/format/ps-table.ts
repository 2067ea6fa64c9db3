// The two `ps` listings: BSD `j` (what `ps -ajx` prints) and `u` (what
// `ps aux` prints) with NI added. Widths are procps's for these columns.
import type { ProcInfo, Snapshot } from '../types.js';
import { formatColumns, type Column } from './columns.js';
import {
  bsdTime,
  commandCell,
  kibCell,
  memPercentCell,
  niceCell,
  numberCell,
  psClock,
  psCpuPercent,
  startCells,
  statCell,
  textCell,
  userCell,
} from './values.js';

export type PsFormat = 'j' | 'aux';
export const PS_FORMATS: readonly PsFormat[] = ['j', 'aux'];

type ProcColumn = Column<ProcInfo>;

const right = (header: string, width: number, value: (proc: ProcInfo) => string): ProcColumn => ({
  header,
  width,
  align: 'right',
  value,
});
const left = (header: string, width: number, value: (proc: ProcInfo) => string): ProcColumn => ({
  header,
  width,
  align: 'left',
  value,
});

const command = left('COMMAND', 7, commandCell);
const tty = left('TTY', 8, (proc) => textCell(proc.tty));
const stat = left('STAT', 4, statCell);
const time = right('TIME', 6, (proc) => bsdTime(proc.timeSeconds));

/** PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND. */
function jobColumns(): ProcColumn[] {
  return [
    right('PPID', 5, (proc) => numberCell(proc.ppid)),
    right('PID', 5, (proc) => numberCell(proc.pid)),
    right('PGID', 5, (proc) => numberCell(proc.pgid)),
    right('SID', 5, (proc) => numberCell(proc.sid)),
    tty,
    right('TPGID', 5, (proc) => numberCell(proc.tpgid)),
    stat,
    right('UID', 5, (proc) => numberCell(proc.uid)),
    time,
    command,
  ];
}

/** USER PID %CPU %MEM VSZ RSS NI TTY STAT START TIME COMMAND (NI is ours, after the memory columns). */
function userColumns(now: number, cpuNow: number): ProcColumn[] {
  const start = startCells(now);
  return [
    left('USER', 8, userCell),
    right('PID', 5, (proc) => numberCell(proc.pid)),
    right('%CPU', 4, (proc) => psCpuPercent(proc, cpuNow)),
    right('%MEM', 4, memPercentCell),
    right('VSZ', 6, (proc) => kibCell(proc.vszBytes)),
    right('RSS', 5, (proc) => kibCell(proc.rssBytes)),
    right('NI', 3, niceCell),
    tty,
    stat,
    left('START', 5, (proc) => start(proc.startTime)),
    time,
    command,
  ];
}

/** Processes sorted by pid, as ps lists them. */
export function procsByPid(snapshot: Snapshot): ProcInfo[] {
  return [...snapshot.procs.values()].sort((a, b) => a.pid - b.pid);
}

/** Header plus one line per process of `snapshot`, by pid. Time-relative columns use `snapshot.takenAt`. */
export function formatPsTable(snapshot: Snapshot, format: PsFormat = 'j'): string[] {
  const columns = format === 'aux' ? userColumns(snapshot.takenAt, psClock(snapshot)) : jobColumns();
  return formatColumns(columns, procsByPid(snapshot));
}
