// Parsing of the ps backend's output (see columns.ts for its layout). Pure:
// text in, rows out; a line that does not fit the layout is skipped.
import { indexAfterCells } from '../../text/width.js';
import { policyNamed, type SchedPolicy } from '../sched-policy.js';
import { COMM_WIDTH, type Column, type ColumnField } from './columns.js';
import { parseCpuTime, parseLstart } from './time.js';

/** One ps line, in ProcInfo units; undefined where ps printed `-` or nothing usable. */
export interface PsRow {
  readonly pid: number;
  readonly ppid: number | undefined;
  readonly pgid: number | undefined;
  readonly sid: number | undefined;
  readonly tpgid: number | undefined;
  readonly nice: number | undefined;
  readonly policy: SchedPolicy | undefined;
  readonly priority: number | undefined;
  readonly threads: number | undefined;
  readonly uid: number | undefined;
  readonly rssBytes: number | undefined;
  readonly vszBytes: number | undefined;
  readonly memPercent: number | undefined;
  readonly tty: string | undefined;
  readonly stat: string | undefined;
  readonly user: string | undefined;
  readonly timeSeconds: number | undefined;
  readonly startTime: number | undefined;
  readonly comm: string | undefined;
  readonly args: string | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const LSTART_WORDS = 5;

function integer(text: string): number | undefined {
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function decimal(text: string): number | undefined {
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * procps and BSD ps print `[comm]` where a process has no command line, and
 * `[comm] <defunct>` for a zombie. A live process may also really be called
 * with the argv `[comm]` (`exec -a '[sleep]' sleep`), so the text alone does
 * not tell; what ps prints beside it does:
 * - a zombie (STAT Z) has released its memory, command line included;
 * - a process with no address space (VSZ 0: kernel threads, a task past its
 *   exit_mm) has no command line to read.
 * Only then is the bracketed name ps's stand-in, and the command line is ''.
 * Left ambiguous: a live user process that wiped its own argv is shown by ps as
 * `[comm]` too, and kept as that text (it has VSZ > 0, like a real `[comm]` argv).
 */
export function realArgs(args: string, row: Partial<Pick<PsRow, 'comm' | 'stat' | 'vszBytes'>>): string {
  const noMemory = row.stat?.startsWith('Z') === true || row.vszBytes === 0;
  return noMemory && psStandIn(args, row.comm) !== undefined ? '' : args;
}

/** Which of ps's stand-ins for a missing command line `args` looks like, for a process named `comm`. */
export function psStandIn(args: string, comm: string | undefined): 'bare' | 'defunct' | undefined {
  if (comm === undefined) return undefined;
  if (args === `[${comm}]`) return 'bare';
  return args === `[${comm}] <defunct>` ? 'defunct' : undefined;
}

/** Parses one line of ps output into a row, or undefined when it does not fit the layout. */
export function parsePsLine(line: string, columns: readonly Column[]): PsRow | undefined {
  const row: Partial<Mutable<PsRow>> = {};
  let pos = 0;
  const word = (): string | undefined => {
    while (pos < line.length && line.charCodeAt(pos) === 0x20) pos++;
    const start = pos;
    while (pos < line.length && line.charCodeAt(pos) !== 0x20) pos++;
    return pos > start ? line.slice(start, pos) : undefined;
  };
  for (const c of columns) {
    if (c.field === 'comm' || c.field === 'args') break;
    if (c.field === 'lstart') {
      const words: string[] = [];
      for (let i = 0; i < LSTART_WORDS; i++) {
        const w = word();
        if (w === undefined) return undefined;
        words.push(w);
      }
      row.startTime = parseLstart(words);
      continue;
    }
    const value = word();
    if (value === undefined) return undefined;
    assign(row, c.field, value);
  }
  if (row.pid === undefined) return undefined;
  // After the last word, one separating space, then the name padded to its
  // width in terminal cells, a space, the arguments.
  const rest = line.slice(pos + 1);
  const commEnd = indexAfterCells(rest, COMM_WIDTH);
  const comm = rest.slice(0, commEnd).trimEnd();
  row.comm = comm;
  row.args = realArgs(rest.slice(commEnd + 1), row);
  return row as PsRow;
}

function assign(row: Partial<Mutable<PsRow>>, field: ColumnField, value: string): void {
  switch (field) {
    case 'pid':
      row.pid = integer(value);
      return;
    case 'ppid':
    case 'pgid':
    case 'sid':
    case 'tpgid':
    case 'nice':
    case 'priority':
    case 'threads':
    case 'uid':
      row[field] = integer(value);
      return;
    case 'rss':
    case 'vsz': {
      // Both in KiB in procps and BSD ps.
      const kib = integer(value);
      row[field === 'rss' ? 'rssBytes' : 'vszBytes'] = kib === undefined ? undefined : kib * 1024;
      return;
    }
    case 'mem':
      row.memPercent = decimal(value);
      return;
    case 'policy':
      row.policy = policyNamed(value);
      return;
    case 'tty':
      // procps prints `?` for no terminal, BSD `??`.
      row.tty = value === '??' ? '?' : value;
      return;
    case 'stat':
      row.stat = value;
      return;
    case 'user':
      row.user = value;
      return;
    case 'time':
      row.timeSeconds = parseCpuTime(value);
      return;
    default:
      return;
  }
}

/** Every data line of a ps output (the first line is the header). */
export function parsePsOutput(output: string, columns: readonly Column[]): PsRow[] {
  const rows: PsRow[] = [];
  const lines = output.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line === '') continue;
    const row = parsePsLine(line, columns);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}
