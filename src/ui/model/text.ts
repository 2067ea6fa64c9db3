// Untrusted text reaches blessed only through here: sanitized first (C0/DEL/C1/
// ESC and invalid UTF-8 become `?`, as procps escape.c does), by inert/inertFit
// or once where the text is made (column cells, event lines, side entries),
// then measured, cut and padded by terminal cells, and blessed tags escaped
// last, so `{red-fg}` in a process name is drawn as those characters and never
// as markup.
import { displayWidth, truncateToWidth } from '../../text/width.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';

export { displayWidth };

/** blessed's tag syntax: `{open}` and `{close}` draw literal braces. */
export function escapeTags(text: string): string {
  return text.replace(/[{}]/g, (brace) => (brace === '{' ? '{open}' : '{close}'));
}

/** Sanitized and tag-escaped: safe to put into tagged content as is. */
export function inert(text: string): string {
  return escapeTags(sanitizeForDisplay(text));
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

/** Untrusted text cut to `width` cells and made inert (sanitize → cut → escape). */
export function inertFit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return escapeTags(fit(sanitizeForDisplay(text), width, align));
}
