// The process list as tagged lines: column titles (the sort column marked ▲/▼)
// and one line per visible row. Cells are made inert one by one; the colours
// say what the row is: black on green = new, black on red = just exited (the
// htop convention), magenta = zombie, yellow = stopped, grey = context parent.
import type { ProcInfo } from '../../inspect/types.js';
import { placeColumns, type ColumnId, type PlacedColumn } from './columns.js';
import type { ProcRow } from './rows.js';
import { escapeTags, fit, inertFit } from './text.js';

export function titleLine(placed: readonly PlacedColumn[], sort: ColumnId, descending: boolean): string {
  const cells = placed.map(({ column, width }) => {
    const label = column.id === sort ? `${column.header}${descending ? '▼' : '▲'}` : column.header;
    return fit(label, width, column.id === 'command' ? 'left' : column.align);
  });
  return `{bold}${escapeTags(cells.join(' '))}{/bold}`;
}

/** blessed colour for a state letter, when it has one. */
export function stateColour(state: string | undefined): string | undefined {
  if (state === 'Z') return 'magenta';
  if (state === 'T' || state === 't') return 'yellow';
  return undefined;
}

function wrap(text: string, open: string | undefined): string {
  if (open === undefined) return text;
  const tags = open.split(' ');
  return `${tags.map((t) => `{${t}}`).join('')}${text}${[...tags].reverse().map((t) => `{/${t}}`).join('')}`;
}

function cell(row: ProcRow, { column, width }: PlacedColumn): string {
  if (column.id === 'command') return inertFit(row.prefix + column.cell(row.proc), width);
  const text = inertFit(column.cell(row.proc), width, column.align);
  const colour = stateColour(row.proc.state);
  return column.id === 'stat' && colour !== undefined ? wrap(text, `${colour}-fg`) : text;
}

function rowStyle(row: ProcRow, proc: ProcInfo, selected: boolean): string | undefined {
  if (selected) return 'inverse';
  if (row.mark === 'dead') return 'black-fg red-bg';
  if (row.mark === 'new') return 'black-fg green-bg';
  if (row.mark === 'context') return 'gray-fg';
  const colour = stateColour(proc.state);
  return colour === undefined ? undefined : `${colour}-fg`;
}

export function rowLine(row: ProcRow, placed: readonly PlacedColumn[], selected: boolean): string {
  return wrap(placed.map((p) => cell(row, p)).join(' '), rowStyle(row, row.proc, selected));
}

export interface ListLines {
  readonly title: string;
  readonly lines: readonly string[];
  readonly placed: readonly PlacedColumn[];
}

/** The visible window only: a list of 2000 processes formats as many rows as fit. */
export function listLines(
  rows: readonly ProcRow[],
  width: number,
  height: number,
  cursor: number,
  offset: number,
  sort: ColumnId,
  descending: boolean,
): ListLines {
  const placed = placeColumns(width);
  const lines: string[] = [];
  for (let i = offset; i < Math.min(rows.length, offset + height); i += 1) {
    const row = rows[i];
    if (row !== undefined) lines.push(rowLine(row, placed, i === cursor));
  }
  return { title: titleLine(placed, sort, descending), lines, placed };
}
