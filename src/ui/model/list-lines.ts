// The process list as tagged lines: column titles (the sort column marked ▲/▼)
// and one line per visible row. Columns give sanitized cells (columns.ts), so
// each is only cut to its width and tag-escaped here. The colours say what the
// row is: black on green = new, black on red = just exited (the htop
// convention), magenta = zombie, yellow = stopped, grey = context parent.
import type { ProcInfo } from '../../inspect/types.js';
import { placeColumns, type ColumnId, type PlacedColumn } from './columns.js';
import type { ProcRow } from './rows.js';
import { escapeTags, fit } from './text.js';

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
  if (column.id === 'command') return escapeTags(fit(row.prefix + column.cell(row.proc), width));
  const text = escapeTags(fit(column.cell(row.proc), width, column.align));
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

interface FormattedRow {
  readonly placed: readonly PlacedColumn[];
  readonly prefix: string;
  readonly mark: ProcRow['mark'];
  readonly selected: boolean;
  readonly line: string;
}

// A line depends on the record, its tree prefix, mark, selection and the
// column placement only. Records are frozen and a process that did not change
// keeps its record from one snapshot to the next, so most visible lines of a
// refresh are found here instead of being cut and escaped again.
const formatted = new WeakMap<ProcInfo, FormattedRow>();

export function rowLine(row: ProcRow, placed: readonly PlacedColumn[], selected: boolean): string {
  const known = formatted.get(row.proc);
  if (known !== undefined && known.placed === placed && known.prefix === row.prefix && known.mark === row.mark && known.selected === selected) {
    return known.line;
  }
  const line = wrap(placed.map((p) => cell(row, p)).join(' '), rowStyle(row, row.proc, selected));
  formatted.set(row.proc, { placed, prefix: row.prefix, mark: row.mark, selected, line });
  return line;
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
