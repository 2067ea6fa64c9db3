// Untrusted text reaches the screen only through here: sanitized first (C0/DEL/
// C1/ESC and invalid UTF-8 become `?`, as procps escape.c does), by inert/
// inertFit or once where the text is made (column cells, event lines, side
// entries), then measured, cut and padded by terminal cells (text/width.ts).
// No markup exists downstream: widgets draw spans cell by cell (widgets/cells.ts),
// so `{red-fg}` in a process name is drawn as those characters.
import { displayWidth, truncateToWidth } from '../../text/width.js';
import { sanitizeForCells } from '../../text/sanitize.js';

export { displayWidth };

/** Sanitized: safe to put into a span as is. */
export function inert(text: string): string {
  return sanitizeForCells(text);
}

/** Cut to at most `width` cells; a cut line ends in `…` so it is seen to be cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  return `${truncateToWidth(text, width - 1)}…`;
}

/** Exactly `width` cells: cut, then padded on the side `align` leaves open. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/** Untrusted text cut to `width` cells and made inert (sanitize → cut). */
export function inertFit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return fit(sanitizeForCells(text), width, align);
}

/** Plain text cut into pieces of at most `width` cells each (a long command line in the detail pane). */
export function chunksByWidth(text: string, width: number): string[] {
  const room = Math.max(2, width);
  const out: string[] = [];
  let rest = text;
  while (rest !== '') {
    const piece = truncateToWidth(rest, room);
    // A piece that cannot take even one character (it should not happen at room >= 2) ends the loop.
    if (piece === '') break;
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  return out.length === 0 ? [''] : out;
}
