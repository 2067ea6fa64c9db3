// The process view's columns, in ps -ajx / top order. Each column knows how to
// write its cell and what to sort by; `keep` decides which columns survive on a
// narrow terminal (lowest goes first): the job-control columns (PGID, SID,
// TTY) outlast the memory ones, since they are what the lessons are about,
// and 60 columns still shows PID, PPID, STAT, %CPU and a readable command.
import { commandCell, kibCell, niceCell, numberCell, statCell, textCell, userCell } from '../../inspect/format/values.js';
import type { ProcInfo } from '../../inspect/types.js';
import { cpuTime, memPercent, percent, priority } from './cells.js';

export type ColumnId = 'pid' | 'ppid' | 'pgid' | 'sid' | 'tty' | 'stat' | 'ni' | 'pri' | 'thr' | 'cpu' | 'mem' | 'rss' | 'time' | 'user' | 'command';

export type SortKey = number | string | undefined;

export interface Column {
  readonly id: ColumnId;
  readonly header: string;
  /** Cells; COMMAND takes whatever width is left. */
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly keep: number;
  /** The cell as `ps` writes it, already sanitized (untrusted fields go through the format helpers). */
  cell(proc: ProcInfo): string;
  sortKey(proc: ProcInfo): SortKey;
}

// COMMAND is sanitized text built from args; sorting by it asks for it in
// every comparison, so it is made once per (frozen) record.
const commands = new WeakMap<ProcInfo, string>();
function commandText(proc: ProcInfo): string {
  let text = commands.get(proc);
  if (text === undefined) {
    text = commandCell(proc);
    commands.set(proc, text);
  }
  return text;
}

export const COLUMNS: readonly Column[] = [
  { id: 'pid', header: 'PID', width: 7, align: 'right', keep: 100, cell: (p) => String(p.pid), sortKey: (p) => p.pid },
  { id: 'ppid', header: 'PPID', width: 7, align: 'right', keep: 90, cell: (p) => numberCell(p.ppid), sortKey: (p) => p.ppid },
  { id: 'pgid', header: 'PGID', width: 7, align: 'right', keep: 55, cell: (p) => numberCell(p.pgid), sortKey: (p) => p.pgid },
  { id: 'sid', header: 'SID', width: 7, align: 'right', keep: 50, cell: (p) => numberCell(p.sid), sortKey: (p) => p.sid },
  { id: 'tty', header: 'TTY', width: 7, align: 'left', keep: 45, cell: (p) => textCell(p.tty), sortKey: (p) => p.tty },
  { id: 'stat', header: 'STAT', width: 5, align: 'left', keep: 95, cell: statCell, sortKey: (p) => p.stat },
  { id: 'ni', header: 'NI', width: 3, align: 'right', keep: 60, cell: niceCell, sortKey: (p) => p.nice },
  // One cell more than PRI: the sort column's title carries ▲/▼ (list-lines.ts), which cut 'PRI▼' to 'PR…'.
  { id: 'pri', header: 'PRI', width: 4, align: 'right', keep: 20, cell: (p) => priority(p.priority), sortKey: (p) => p.priority },
  { id: 'thr', header: 'THR', width: 4, align: 'right', keep: 25, cell: (p) => numberCell(p.threads), sortKey: (p) => p.threads },
  { id: 'cpu', header: '%CPU', width: 5, align: 'right', keep: 80, cell: (p) => percent(p.cpuPercent), sortKey: (p) => p.cpuPercent },
  { id: 'mem', header: '%MEM', width: 5, align: 'right', keep: 35, cell: memPercent, sortKey: (p) => p.memPercent },
  { id: 'rss', header: 'RSS', width: 7, align: 'right', keep: 30, cell: (p) => kibCell(p.rssBytes), sortKey: (p) => p.rssBytes },
  { id: 'time', header: 'TIME', width: 7, align: 'right', keep: 40, cell: (p) => cpuTime(p.timeSeconds), sortKey: (p) => p.timeSeconds },
  { id: 'user', header: 'USER', width: 8, align: 'left', keep: 65, cell: userCell, sortKey: (p) => p.user ?? p.uid },
  { id: 'command', header: 'COMMAND', width: 0, align: 'left', keep: 100, cell: commandText, sortKey: commandText },
];

/** COMMAND never gets narrower than this while optional columns can still go. */
const MIN_COMMAND = 30;

export interface PlacedColumn {
  readonly column: Column;
  /** First cell, counted from the left edge of the view. */
  readonly x: number;
  readonly width: number;
}

const placedByKey = new Map<string, readonly PlacedColumn[]>();

/** No column hidden by the user. */
export const NO_HIDDEN: ReadonlySet<ColumnId> = new Set();

/** The list width that keeps every column not hidden, COMMAND at its least (the side column yields to it: layout.ts). */
export function fullListWidth(hidden: ReadonlySet<ColumnId> = NO_HIDDEN): number {
  return COLUMNS.filter((c) => c.id !== 'command' && !hidden.has(c.id)).reduce((sum, c) => sum + c.width + 1, MIN_COMMAND);
}

/** The columns F2 can hide (PID and COMMAND always show). */
export const OPTIONAL_COLUMNS: readonly ColumnId[] = COLUMNS.map((c) => c.id).filter((id) => id !== 'pid' && id !== 'command');

/**
 * The columns that fit in `width` cells, with their positions (one space
 * between), less those the user hid (F2). The column the list is sorted by
 * stays however narrow the view: dropped, nothing on screen said what the
 * order was. The same array for the same width and choice, so what was
 * formatted for one placement can be recognised (list-lines.ts).
 */
export function placeColumns(width: number, hidden: ReadonlySet<ColumnId> = NO_HIDDEN, sort?: ColumnId): readonly PlacedColumn[] {
  const key = `${width}|${[...hidden].sort().join(',')}|${sort ?? ''}`;
  let placed = placedByKey.get(key);
  if (placed === undefined) {
    placed = Object.freeze(computePlacement(width, hidden, sort));
    placedByKey.set(key, placed);
  }
  return placed;
}

function computePlacement(width: number, hidden: ReadonlySet<ColumnId>, sort: ColumnId | undefined): PlacedColumn[] {
  const fixed = COLUMNS.filter((c) => c.id !== 'command' && !hidden.has(c.id));
  const dropOrder = [...fixed].sort((a, b) => a.keep - b.keep);
  const kept = new Set(fixed);
  const used = (): number => [...kept].reduce((sum, c) => sum + c.width + 1, 0);
  for (const column of dropOrder) {
    if (width - used() >= MIN_COMMAND || column.keep >= 90) break;
    if (column.id !== sort) kept.delete(column);
  }
  const placed: PlacedColumn[] = [];
  let x = 0;
  for (const column of COLUMNS) {
    if (hidden.has(column.id) && column.id !== 'command') continue;
    if (column.id === 'command') {
      placed.push({ column, x, width: Math.max(1, width - x) });
    } else if (kept.has(column)) {
      placed.push({ column, x, width: column.width });
      x += column.width + 1;
    }
  }
  return placed;
}

export function columnById(id: ColumnId): Column {
  const found = COLUMNS.find((c) => c.id === id);
  if (found === undefined) throw new Error(`unknown column ${id}`);
  return found;
}
