// Everything the widgets draw, computed in one pure step from the data, the
// user's choices and the layout. Widgets compare these strings with what they
// drew last and touch blessed only when they differ.
import { headerLines, footerLine, type HeaderInfo } from './chrome.js';
import { confirmLines, signalMenuLines } from './signal-menu.js';
import { detailLines } from './detail.js';
import type { EventLine } from './events.js';
import { helpLines } from './help.js';
import type { Layout } from './layout.js';
import { listLines, type ListLines } from './list-lines.js';
import type { ProcRow } from './rows.js';
import { textLine, type Line, type Role } from './styled.js';
import { fit } from './text.js';
import type { ViewState } from './view-state.js';
import type { WatchState } from './watch.js';
import { sideLines, type SideEntry } from './wrap.js';

export interface PaneText {
  readonly title: string;
  readonly lines: readonly Line[];
}

export interface Chart {
  readonly procs: readonly number[];
  readonly zombies: readonly number[];
}

export interface ScreenModel {
  readonly header: readonly Line[];
  readonly chart: Chart | undefined;
  readonly list: ListLines;
  readonly events: PaneText | undefined;
  readonly side: PaneText | undefined;
  readonly detail: PaneText | undefined;
  readonly footer: Line;
  readonly overlay: ({ readonly kind: 'help' | 'detail' | 'signal' | 'confirm' } & PaneText) | undefined;
}

/** The side pane's content as the app keeps it: raw entries, made inert and wrapped by sideLines (wrap.ts). */
export interface SideContent {
  readonly title: string;
  readonly entries: readonly SideEntry[];
}

export interface ScreenInput {
  readonly watch: WatchState;
  readonly view: ViewState;
  readonly rows: readonly ProcRow[];
  readonly layout: Layout;
  readonly header: Omit<HeaderInfo, 'counts' | 'host' | 'intervalMs'>;
  readonly side: SideContent | undefined;
  readonly canSay: boolean;
  /** Wall-clock time of the frame shown (for "started … s ago"); undefined before the first frame. */
  readonly now: number | undefined;
  /** A chosen scope (not the whole system), for the confirmation's words. */
  readonly scoped?: boolean;
  /** How the theme in use draws each row kind, for the help's legend (widgets/theme.ts). */
  readonly looks?: (role: Role) => string;
}

/** Event lines come sanitized (events.ts): here they are only cut. */
export function eventLines(lines: readonly EventLine[], width: number, height: number): Line[] {
  return lines.slice(-Math.max(0, height)).map((line) => textLine(fit(line.text, width), `event-${line.kind}`));
}

/** The window of a tall panel that fits in `height` lines, marking that more follows. */
export function scrolled(lines: readonly Line[], scroll: number, height: number): Line[] {
  const room = Math.max(1, height);
  if (lines.length <= room) return [...lines];
  const first = Math.min(scroll, lines.length - room);
  const window = lines.slice(first, first + room);
  if (first + room < lines.length) window[room - 1] = textLine('… more below: PgDn', 'more');
  if (first > 0) window[0] = textLine('… more above: PgUp', 'more');
  return window;
}

export function computeScreen(input: ScreenInput): ScreenModel {
  const { watch, view, rows, layout } = input;
  const frame = watch.frame;
  const selected = rows[view.cursor];
  const info: HeaderInfo = {
    ...input.header,
    counts: watch.counts,
    host: frame?.host,
    intervalMs: frame?.intervalMs,
  };
  const inner = (width: number): number => Math.max(1, width - 1);
  const events = layout.events;
  const side = layout.side;
  const detail = layout.detail;
  const details = (width: number): Line[] => detailLines(selected, frame?.snapshot, width, input.now);
  // Framed panels lose two lines to the frame; help may use the screen above the footer.
  const overlay =
    view.overlay.kind === 'help'
      ? {
          kind: 'help' as const,
          title: 'Help',
          lines: scrolled(helpLines(Math.min(100, layout.footer.width - 4), input.looks), view.overlay.scroll, layout.footer.top - 2),
        }
      : view.overlay.kind === 'signal'
        ? { kind: 'signal' as const, title: 'Signal', lines: signalMenuLines(view.overlay, layout.footer.top - 2) }
        : view.overlay.kind === 'confirm'
          ? { kind: 'confirm' as const, title: 'Are you sure?', lines: confirmLines(view.overlay, input.scoped ?? false) }
          : view.overlay.kind === 'detail'
            ? {
                kind: 'detail' as const,
                title: 'Process',
                lines: scrolled(details(layout.list.width - 4), view.overlay.scroll, layout.list.height - 2),
              }
            : undefined;
  return {
    header: headerLines(info, view, layout.header.width, layout.header.height),
    chart: layout.chart === undefined ? undefined : watch.history,
    list: listLines(rows, layout.list.width, layout.list.height - 1, view.cursor, view.offset, view.sort, view.descending),
    events:
      events === undefined
        ? undefined
        : {
            title: `Events (${watch.timeline.total})`,
            lines: eventLines(watch.timeline.lines, inner(events.width), events.height - 1),
          },
    side:
      side === undefined || input.side === undefined
        ? undefined
        : { title: input.side.title, lines: sideLines(input.side.entries, inner(side.width), side.height - 1) },
    detail: detail === undefined ? undefined : { title: 'Process', lines: details(inner(detail.width)) },
    footer: footerLine(view, layout.footer.width, input.canSay),
    overlay,
  };
}
