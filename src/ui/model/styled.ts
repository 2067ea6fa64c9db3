// What the view model hands the widgets: lines of plain, sanitized text cut
// into spans, each span saying *what* it is (a zombie row, the selected row,
// an error message…), never how it looks. One widget-side module
// (widgets/theme.ts) turns roles into colours and attributes, so a
// monochrome theme (NO_COLOR, --no-color) is a second table there and
// nothing here changes. Text is measured in terminal cells by text/width.ts.
import type { ProcEventKind } from '../../inspect/types.js';
import { displayWidth } from '../../text/width.js';

export type Role =
  // Process rows: what the row is (the STAT cell also carries its state).
  | 'zombie'
  | 'stopped'
  | 'new'
  | 'dead'
  | 'context'
  | 'selected'
  // Chrome: title bars and column titles, labels, the paused mark, messages.
  | 'title'
  | 'heading'
  | 'label'
  | 'paused'
  | 'alert'
  | 'error'
  | 'info'
  | 'more'
  | 'prompt'
  // Narration and chat tones.
  | 'observed'
  | 'good'
  | 'problem'
  | 'admin'
  | 'dim'
  // Meters: htop's CPU split, memory and swap in use.
  | 'cpu-user'
  | 'cpu-system'
  | 'cpu-nice'
  | 'mem-used'
  | 'swap-used'
  // Frames of panels.
  | 'frame'
  // Event lines, by kind.
  | `event-${ProcEventKind}`
  | 'event-action'
  | 'event-action-failed';

export interface Span {
  /** Sanitized text, drawn as these characters (no markup of any kind). */
  readonly text: string;
  readonly role?: Role | undefined;
}

export interface Line {
  readonly spans: readonly Span[];
  /** The whole line's role (a row's state); a span's own role is drawn over it. */
  readonly role?: Role | undefined;
}

export function span(text: string, role?: Role): Span {
  return role === undefined ? { text } : { text, role };
}

export function line(spans: readonly Span[], role?: Role): Line {
  return role === undefined ? { spans } : { spans, role };
}

/** One span of plain text, optionally with a role for the whole line. */
export function textLine(text: string, role?: Role): Line {
  return line([{ text }], role);
}

/** The characters of a line, without roles (tests, width checks). */
export function lineText(l: Line): string {
  return l.spans.map((s) => s.text).join('');
}

export function lineWidth(l: Line): number {
  let cells = 0;
  for (const s of l.spans) cells += displayWidth(s.text);
  return cells;
}
