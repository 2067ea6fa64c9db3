// Column layout the way procps `ps` does it: every column has a fixed width,
// numbers are right-aligned, text left-aligned, one space between columns.
// A value wider than its column pushes the rest of the line right, and the
// following columns give back their padding until the line is aligned again
// (procps 4 `ps -o stat,uid` on a `S<Lsl` process: UID absorbs the extra
// letter). Values that carry their own padding (TIME, %CPU) cannot give it back.
import { displayWidth } from '../../text/width.js';

export interface Column<Row> {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
  /** The cell text, already sanitized; `?` when unknown. */
  readonly value: (row: Row) => string;
}

type Slot = Pick<Column<never>, 'width' | 'align'>;

function layoutLine(cells: readonly string[], columns: readonly Slot[]): string {
  let line = '';
  let width = 0; // cells used so far
  let goal = 0; // where the current column should end
  const count = Math.min(cells.length, columns.length);
  for (let index = 0; index < count; index++) {
    const column = columns[index];
    const cell = cells[index];
    if (column === undefined || cell === undefined) continue;
    if (index > 0) {
      line += ' ';
      width += 1;
      goal += 1;
    }
    goal += column.width;
    // The last column, left-aligned, is never padded: its width is not needed (it is the long one, the command line).
    if (index === columns.length - 1 && column.align === 'left') {
      line += cell;
      continue;
    }
    const cellWidth = displayWidth(cell);
    const pad = ' '.repeat(Math.max(0, goal - width - cellWidth));
    line += column.align === 'right' ? pad + cell : cell + pad;
    width += pad.length + cellWidth;
  }
  return line;
}

/** The header line followed by one line per row. */
export function formatColumns<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): string[] {
  const lines = [
    layoutLine(
      columns.map((column) => column.header),
      columns,
    ),
  ];
  const cells: string[] = new Array<string>(columns.length).fill('');
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) cells[i] = columns[i]?.value(row) ?? '';
    lines.push(layoutLine(cells, columns));
  }
  return lines;
}
