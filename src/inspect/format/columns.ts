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
  cells.forEach((cell, index) => {
    const column = columns[index];
    if (column === undefined) return;
    if (index > 0) {
      line += ' ';
      width += 1;
      goal += 1;
    }
    goal += column.width;
    const cellWidth = displayWidth(cell);
    const last = index === columns.length - 1;
    const pad = ' '.repeat(Math.max(0, goal - width - cellWidth));
    if (column.align === 'right') line += pad + cell;
    else line += last ? cell : cell + pad;
    width += (last && column.align === 'left' ? 0 : pad.length) + cellWidth;
  });
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
  for (const row of rows)
    lines.push(
      layoutLine(
        columns.map((column) => column.value(row)),
        columns,
      ),
    );
  return lines;
}
