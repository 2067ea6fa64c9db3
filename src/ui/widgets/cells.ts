// Lines of spans laid into terminal cells by procview's own width function
// (text/width.ts), then written straight into blessed's screen buffer. blessed
// never parses this text: no tags to escape, no second opinion on widths.
// A wide character takes its cell and a filler cell after it (Screen#draw
// skips the filler once blessed-width.ts has taught it our widths); a
// zero-width character (combining mark, ZWJ, variation selector) joins the
// cell before it.
import type blessed from 'blessed';
import type { Line } from '../model/styled.js';
import { charWidth } from '../../text/width.js';
import type { Theme } from './theme.js';

/** [attribute, character(s)], as blessed keeps a cell. */
export type Cell = [number, string];

/** The cell after a wide character; drawn as a space if ever the wide one is overwritten. */
const FILLER = ' ';

/** `line` as exactly `width` cells; the rest of the row is blank in `fill`. */
export function layCells(line: Line, width: number, theme: Theme, fill: number): Cell[] {
  const cells: Cell[] = [];
  for (const { text, role } of line.spans) {
    const attr = theme.attr(line.role, role);
    for (const char of text) {
      const w = charWidth(char);
      const last = cells[cells.length - 1];
      if (w === 0) {
        // Joins its base character; after a wide one the base sits one cell back (before the filler).
        const base =
          last !== undefined && last[1] === FILLER && cells.length >= 2 && charWidth(cells[cells.length - 2]?.[1] ?? '') === 2 ? cells[cells.length - 2] : last;
        if (base !== undefined) base[1] += char;
        continue;
      }
      if (cells.length + w > width) return pad(cells, width, line.role === undefined ? fill : theme.attr(line.role, undefined));
      cells.push([attr, char]);
      if (w === 2) cells.push([attr, FILLER]);
    }
  }
  return pad(cells, width, line.role === undefined ? fill : theme.attr(line.role, undefined));
}

function pad(cells: Cell[], width: number, attr: number): Cell[] {
  while (cells.length < width) cells.push([attr, ' ']);
  return cells;
}

/** The text a row of cells shows, fillers left out (tests). */
export function cellText(cells: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    if (cell === undefined) continue;
    out += cell[1];
    if (charWidth(cell[1]) === 2) i += 1;
  }
  return out;
}

interface Coords {
  readonly xi: number;
  readonly xl: number;
  readonly yi: number;
  readonly yl: number;
}

type Rows = Cell[][] & { dirty?: boolean }[];

/**
 * Makes `box` draw `rows()` (already laid out for its inner width) inside its
 * border instead of blessed content. Returns nothing: the box renders as any other.
 */
export function drawCellsIn(box: blessed.Widgets.BoxElement, rows: () => readonly (readonly Cell[])[]): void {
  const element = box as unknown as {
    render(): Coords | undefined;
    screen: { lines: Rows };
    ileft: number;
    iright: number;
    itop: number;
    ibottom: number;
  };
  const base = element.render.bind(box);
  element.render = () => {
    const coords = base();
    if (coords === undefined || coords === null) return coords;
    const lines = element.screen.lines;
    const xi = coords.xi + element.ileft;
    const xl = coords.xl - element.iright;
    const yi = coords.yi + element.itop;
    const yl = coords.yl - element.ibottom;
    const laid = rows();
    for (let y = Math.max(0, yi); y < yl; y += 1) {
      const row = lines[y];
      const cells = laid[y - yi];
      if (row === undefined || cells === undefined) continue;
      let dirty = false;
      for (let x = Math.max(0, xi); x < xl; x += 1) {
        const target = row[x];
        const cell = cells[x - xi];
        if (target === undefined || cell === undefined) continue;
        if (target[0] !== cell[0] || target[1] !== cell[1]) {
          target[0] = cell[0];
          target[1] = cell[1];
          dirty = true;
        }
      }
      if (dirty) (row as { dirty?: boolean }).dirty = true;
    }
    return coords;
  };
}

/** Lines are immutable values: equal when each is the same object or has the same spans. */
export function sameLines(a: readonly Line[], b: readonly Line[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined || y === undefined || x.role !== y.role || x.spans.length !== y.spans.length) return false;
    for (let j = 0; j < x.spans.length; j += 1) {
      if (x.spans[j]?.text !== y.spans[j]?.text || x.spans[j]?.role !== y.spans[j]?.role) return false;
    }
  }
  return true;
}
