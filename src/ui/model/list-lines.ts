// The process list as lines: column titles (the sort column marked ▲/▼) and
// one line per visible row. Columns give sanitized cells (columns.ts), so each
// is only cut to its width here. Each row says what it is (new, just exited,
// zombie, stopped, context parent, selected); the theme decides the look.
import type { ProcInfo } from '../../inspect/types.js';
import { placeColumns, type ColumnId, type PlacedColumn } from './columns.js';
import type { ProcRow } from './rows.js';
import { line, span, textLine, type Line, type Role, type Span } from './styled.js';
import { fit } from './text.js';

export function titleLine(placed: readonly PlacedColumn[], sort: ColumnId, descending: boolean): Line {
  const cells = placed.map(({ column, width }) => {
    const label = column.id === sort ? `${column.header}${descending ? '▼' : '▲'}` : column.header;
    return fit(label, width, column.id === 'command' ? 'left' : column.align);
  });
  return textLine(cells.join(' '), 'title');
}

/** The role a state letter gives a row, when it has one. */
export function stateRole(state: string | undefined): Role | undefined {
  if (state === 'Z') return 'zombie';
  if (state === 'T' || state === 't') return 'stopped';
  return undefined;
}

function cells(row: ProcRow, placed: readonly PlacedColumn[]): Span[] {
  const out: Span[] = [];
  let pending = '';
  placed.forEach(({ column, width }, i) => {
    const gap = i === 0 ? '' : ' ';
    if (column.id === 'command') {
      pending += gap + fit(row.prefix + column.cell(row.proc), width);
      return;
    }
    const text = fit(column.cell(row.proc), width, column.align);
    const role = column.id === 'stat' ? stateRole(row.proc.state) : undefined;
    if (role === undefined) {
      pending += gap + text;
      return;
    }
    out.push(span(pending + gap), span(text, role));
    pending = '';
  });
  if (pending !== '') out.push(span(pending));
  return out;
}

function rowRole(row: ProcRow, proc: ProcInfo, selected: boolean): Role | undefined {
  if (selected) return 'selected';
  if (row.mark === 'dead') return 'dead';
  if (row.mark === 'new') return 'new';
  if (row.mark === 'context') return 'context';
  return stateRole(proc.state);
}

interface FormattedRow {
  readonly placed: readonly PlacedColumn[];
  readonly prefix: string;
  readonly mark: ProcRow['mark'];
  readonly selected: boolean;
  readonly line: Line;
}

// A line depends on the record, its tree prefix, mark, selection and the
// column placement only. Records are frozen and a process that did not change
// keeps its record from one snapshot to the next, so most visible lines of a
// refresh are found here instead of being cut again.
const formatted = new WeakMap<ProcInfo, FormattedRow>();

export function rowLine(row: ProcRow, placed: readonly PlacedColumn[], selected: boolean): Line {
  const known = formatted.get(row.proc);
  if (known !== undefined && known.placed === placed && known.prefix === row.prefix && known.mark === row.mark && known.selected === selected) {
    return known.line;
  }
  const made = line(cells(row, placed), rowRole(row, row.proc, selected));
  formatted.set(row.proc, { placed, prefix: row.prefix, mark: row.mark, selected, line: made });
  return made;
}

export interface ListLines {
  readonly title: Line;
  readonly lines: readonly Line[];
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
  hidden?: ReadonlySet<ColumnId>,
): ListLines {
  const placed = placeColumns(width, hidden, sort);
  const lines: Line[] = [];
  for (let i = offset; i < Math.min(rows.length, offset + height); i += 1) {
    const row = rows[i];
    if (row !== undefined) lines.push(rowLine(row, placed, i === cursor));
  }
  return { title: titleLine(placed, sort, descending), lines, placed };
}
