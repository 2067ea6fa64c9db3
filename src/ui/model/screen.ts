// Everything the widgets draw, computed in one pure step from the data, the
// user's choices and the layout. Widgets compare these strings with what they
// drew last and touch blessed only when they differ.
import { headerLines, footerLine, type HeaderInfo } from './chrome.js';
import { confirmLines, signalMenuLines } from './signal-menu.js';
import { meterLines, type MeterShape } from './meters.js';
import { setupLines } from './settings.js';
import { DEFAULT_SETTINGS, type Settings } from './settings-shape.js';
import { detailLines } from './detail.js';
import type { EventLine } from './events.js';
import { helpLines } from './help.js';
import type { Layout } from './layout.js';
import { listLines, type ListLines } from './list-lines.js';
import type { ProcRow } from './rows.js';
import { textLine, type Line, type Role } from './styled.js';
import { t } from '../../text/i18n/message.js';
import { displayWidth, fit } from './text.js';
import type { ViewState } from './view-state.js';
import type { WatchState } from './watch.js';
import { matcher } from './filter.js';
import { filterSideEntries, sideLines, type SideEntry, wrappedCount } from './wrap.js';
import { TIMELINE_LIMIT, type Timeline } from './timeline.js';

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
  readonly meters: readonly Line[];
  readonly chart: Chart | undefined;
  readonly list: ListLines;
  readonly events: PaneText | undefined;
  readonly side: PaneText | undefined;
  readonly detail: PaneText | undefined;
  readonly footer: Line;
  readonly overlay: ({ readonly kind: 'help' | 'detail' | 'signal' | 'confirm' | 'setup' } & PaneText) | undefined;
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
  readonly header: Omit<HeaderInfo, 'counts' | 'host' | 'intervalMs' | 'events'>;
  readonly side: SideContent | undefined;
  readonly canSay: boolean;
  /** Wall-clock time of the frame shown (for "started … s ago"); undefined before the first frame. */
  readonly now: number | undefined;
  /** How the meters fit (meters.ts); absent: none. */
  readonly meterShape?: MeterShape;
  /** What the F2 screen shows, and the file it saves to. */
  readonly settings?: Settings;
  readonly settingsPath?: string;
  /** A chosen scope (not the whole system), for the confirmation's words. */
  readonly scoped?: boolean;
  /** The processes the filter has matched as rows, exited ones too (rememberMatches); absent: the rows now. */
  readonly matched?: FilterMemory;
  /** How the theme in use draws each row kind, for the help's legend (widgets/theme.ts). */
  readonly looks?: (role: Role) => string;
}

/**
 * The processes a `/` filter has matched as rows, kept after they exit: an
 * exited process is no row, and its last lines (its exit, the user's own
 * "sent SIGTERM") seldom repeat the command line it matched on. A process is
 * `pid@start`, its pid and the time of the start line that began its life in
 * the timeline (-Infinity: none there), so a later process reusing the pid is
 * not taken in. Typing another filter starts again.
 */
export interface FilterMemory {
  readonly filter: string;
  readonly lives: ReadonlySet<string>;
}

export const NO_FILTER_MEMORY: FilterMemory = { filter: '', lives: new Set() };

/** As many processes as the timeline keeps lines: more could not all have a line there. */
export const FILTER_MEMORY_LIMIT = TIMELINE_LIMIT;

/** The start time of each pid's latest life in `lines` (-Infinity: no start line of it). */
function latestStarts(lines: readonly EventLine[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const line of lines) {
    if (line.kind === 'spawn') starts.set(line.pid, line.at);
    else if (!starts.has(line.pid)) starts.set(line.pid, Number.NEGATIVE_INFINITY);
  }
  return starts;
}

/**
 * The memory with the rows the filter matches now (`listed`) added, each as
 * its latest life in `lines`; the oldest are forgotten past the limit. The same
 * object when nothing changed.
 */
export function rememberMatches(prev: FilterMemory, filter: string, listed: Iterable<number>, lines: readonly EventLine[]): FilterMemory {
  const key = filter.trim().toLowerCase();
  const base = prev.filter === key ? prev.lives : new Set<string>();
  let starts: Map<number, number> | undefined;
  let next: Set<string> | undefined;
  for (const pid of listed) {
    starts ??= latestStarts(lines);
    const life = `${pid}@${starts.get(pid) ?? Number.NEGATIVE_INFINITY}`;
    if (base.has(life)) continue;
    next ??= new Set(base);
    next.add(life);
  }
  if (next === undefined) return prev.filter === key ? prev : { filter: key, lives: base };
  // A Set keeps insertion order: the first are the oldest remembered.
  for (const life of next) {
    if (next.size <= FILTER_MEMORY_LIMIT) break;
    next.delete(life);
  }
  return { filter: key, lives: next };
}

/**
 * The lines a `/` filter keeps (case-insensitive): each line whose sentence as
 * drawn holds it, with every other line about the same process, since a
 * zombie or reap line does not repeat the command line its exec line showed;
 * and the lines of the processes the filter matched as rows (`matched`, from
 * rememberMatches: rows now, and rows that have exited since). A process is
 * its pid from one start line of it to the next (a pid is reused only after
 * its process is gone).
 */
export function filterEventLines(lines: readonly EventLine[], filter: string, matched: ReadonlySet<string> = new Set()): readonly EventLine[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return lines;
  const lives = new Map<number, number>();
  // pid → when each of its lives began here (life 0: before its first start line).
  const starts = new Map<number, number[]>();
  const lifeOf: number[] = [];
  const kept = new Set<string>();
  for (const line of lines) {
    const seen = lives.get(line.pid);
    const life = seen === undefined ? 0 : line.kind === 'spawn' ? seen + 1 : seen;
    if (seen === undefined) starts.set(line.pid, [line.kind === 'spawn' ? line.at : Number.NEGATIVE_INFINITY]);
    else if (life !== seen) starts.get(line.pid)?.push(line.at);
    lives.set(line.pid, life);
    lifeOf.push(life);
    if (line.text.toLowerCase().includes(needle)) kept.add(`${line.pid}/${life}`);
  }
  // A remembered process is the pid's last life begun by its start (its start line may have scrolled out: life 0).
  for (const entry of matched) {
    const at = entry.lastIndexOf('@');
    const pid = Number(entry.slice(0, at));
    const start = Number(entry.slice(at + 1));
    const begun = starts.get(pid);
    if (begun === undefined) continue;
    let life = 0;
    begun.forEach((time, i) => {
      if (time <= start) life = i;
    });
    kept.add(`${pid}/${life}`);
  }
  return lines.filter((line, i) => kept.has(`${line.pid}/${lifeOf[i]}`));
}

/** The largest useful scroll-back for `count` lines in `height`. */
export function maxScroll(count: number, height: number): number {
  return Math.max(0, count - Math.max(0, height));
}

/**
 * Event lines come sanitized (events.ts): here they are only cut, after the
 * short form when the whole does not fit (an exec then says what the process
 * became, not only what it was). `back`: lines scrolled back from the newest
 * (0 shows the newest).
 */
export function eventLines(lines: readonly EventLine[], width: number, height: number, back = 0): Line[] {
  const end = lines.length - Math.min(back, maxScroll(lines.length, height));
  return lines.slice(Math.max(0, end - Math.max(0, height)), end).map((line) => {
    const text = line.short !== undefined && displayWidth(line.text) > width ? line.short : line.text;
    return textLine(fit(text, width), `event-${line.kind}`);
  });
}

/**
 * The events pane scrolled back holds the lines it shows, as less and htop do:
 * `eventsScroll` counts from the newest line, so each line that comes in (and
 * passes the filter) moves it one further back. Called before each draw, with
 * the timeline about to be drawn; keys change eventsScroll from what was drawn.
 */
export function holdEventsScroll(view: ViewState, timeline: Timeline, matched: ReadonlySet<string> = new Set(), height = 1): ViewState {
  if (view.eventsScroll <= 0) return view.eventsHeld === undefined ? view : { ...view, eventsHeld: undefined };
  const held = view.eventsHeld;
  if (held === timeline.total) return view;
  if (held === undefined) return { ...view, eventsHeld: timeline.total };
  // Line i of the timeline is the (total - length + i)th line ever added: those from `held` on are new.
  const first = timeline.total - timeline.lines.length;
  const fresh = timeline.lines.slice(Math.max(0, held - first));
  const filtered = view.filter.trim() !== '';
  const kept = filtered ? filterEventLines(timeline.lines, view.filter, matched) : timeline.lines;
  const newer = fresh.length === 0 ? 0 : filtered ? countKept(kept, fresh) : fresh.length;
  // No further back than the oldest line kept (the timeline drops its oldest as it fills): keys move
  // from there, not from a count no pane can show.
  const scroll = Math.min(view.eventsScroll + newer, maxScroll(kept.length, height));
  return { ...view, eventsScroll: scroll, eventsHeld: timeline.total };
}

/**
 * The side pane (narration, chat, a program's output) scrolled back holds its
 * lines as the events pane does: lines of entries that came in since the last
 * draw (and pass the filter) move sideScroll further back, never past the
 * oldest line kept. Entries are appended and never changed, and a source drops
 * only its oldest, so the newest entry drawn marks where the new ones begin
 * (gone from the list: all are new). `width` and `height` are the pane's text area.
 */
export function holdSideScroll(view: ViewState, entries: readonly SideEntry[], width: number, height: number): ViewState {
  const newest = entries.at(-1);
  if (view.sideScroll <= 0) return view.sideHeld === newest ? view : { ...view, sideHeld: newest };
  const held = view.sideHeld;
  const fresh =
    held === newest ? 0 : wrappedCount(filterSideEntries(entries.slice(held === undefined ? 0 : entries.lastIndexOf(held) + 1), view.filter), width);
  const most = Math.max(0, wrappedCount(filterSideEntries(entries, view.filter), width) - Math.max(0, height));
  const sideScroll = Math.min(view.sideScroll + fresh, most);
  return sideScroll === view.sideScroll && held === newest ? view : { ...view, sideScroll, sideHeld: newest };
}

/** How many of `fresh` (the last lines of the timeline) the filter kept (`kept`); a line's life can hang on earlier lines. */
function countKept(kept: readonly EventLine[], fresh: readonly EventLine[]): number {
  const keptSet = new Set(kept);
  return fresh.filter((line) => keptSet.has(line)).length;
}

/**
 * Following the newest lines, how many scrolled off the top, in the title: several lines at once (a
 * lesson's step) in a short pane left only the last in view, and nothing said more had come.
 */
function sideAbove(entries: readonly SideEntry[], width: number, height: number): string {
  // The entries kept (a source keeps its last few hundred), wrapped as sideLines wraps them.
  const lines = wrappedCount(entries, width);
  return lines > height ? t('ui.pane.above', { count: lines - height }) : '';
}

/**
 * `Events (916)`, or `Events (last 500 of 916)` once the oldest lines are dropped (TIMELINE_LIMIT): a
 * count of everything seen read as if a filter searched it all (an htop user's trial).
 */
function paneTitle(base: string, shown: number, total: number, kept: number, filter: string, back: number, keys: string): string {
  const count = kept < total ? t('ui.pane.kept', { kept, total }) : String(total);
  const filtered = filter.trim() === '' ? '' : t('ui.pane.matches', { count: shown, filter: filter.trim() });
  const scrolledBack = back > 0 ? t('ui.pane.back', { count: back, keys }) : '';
  return `${base} (${count})${filtered}${scrolledBack}`;
}

/** The window of a tall panel that fits in `height` lines, marking that more follows. */
export function scrolled(lines: readonly Line[], scroll: number, height: number): Line[] {
  const room = Math.max(1, height);
  if (lines.length <= room) return [...lines];
  const first = Math.min(scroll, lines.length - room);
  const window = lines.slice(first, first + room);
  if (first + room < lines.length) window[room - 1] = textLine(t('ui.pane.moreBelow'), 'more');
  if (first > 0) window[0] = textLine(t('ui.pane.moreAbove'), 'more');
  return window;
}

/** The rows the filter matches, not the ancestors a tree keeps around them for its shape. */
export function matchedRows(rows: readonly ProcRow[], filter: string): number[] {
  const matches = matcher(filter);
  return matches === undefined ? [] : rows.filter((row) => matches(row.proc)).map((row) => row.pid);
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
    events: frame?.sourceWords,
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
          title: t('ui.title.help'),
          lines: scrolled(helpLines(Math.min(100, layout.footer.width - 4), input.looks), view.overlay.scroll, layout.footer.top - 2),
        }
      : view.overlay.kind === 'signal'
        ? { kind: 'signal' as const, title: t('ui.title.signal'), lines: signalMenuLines(view.overlay, layout.footer.top - 2) }
        : view.overlay.kind === 'confirm'
          ? { kind: 'confirm' as const, title: t('ui.title.confirm'), lines: confirmLines(view.overlay, input.scoped ?? false) }
          : view.overlay.kind === 'setup'
            ? {
                kind: 'setup' as const,
                title: t('ui.title.setup'),
                lines: setupLines(input.settings ?? DEFAULT_SETTINGS, view.overlay.index, input.settingsPath ?? ''),
              }
            : view.overlay.kind === 'detail'
              ? {
                  kind: 'detail' as const,
                  title: t('ui.title.process'),
                  lines: scrolled(details(layout.list.width - 4), view.overlay.scroll, layout.list.height - 2),
                }
              : undefined;
  const matched = input.matched ?? rememberMatches(NO_FILTER_MEMORY, view.filter, matchedRows(rows, view.filter), watch.timeline.lines);
  const shownEvents = filterEventLines(watch.timeline.lines, view.filter, matched.lives);
  const eventsBack = events === undefined ? 0 : Math.min(view.eventsScroll, maxScroll(shownEvents.length, events.height - 1));
  const sideEntries = filterSideEntries(input.side?.entries ?? [], view.filter);
  return {
    header: headerLines(info, view, layout.header.width, layout.header.height),
    meters: layout.meters === undefined ? [] : meterLines(frame?.meters, input.meterShape ?? { rows: 0, columns: 1, compact: true }, layout.meters.width),
    chart: layout.chart === undefined ? undefined : watch.history,
    list: listLines(rows, layout.list.width, layout.list.height - 1, view.cursor, view.offset, view.sort, view.descending, view.hiddenColumns),
    events:
      events === undefined
        ? undefined
        : {
            title: paneTitle(t('ui.title.events'), shownEvents.length, watch.timeline.total, watch.timeline.lines.length, view.filter, eventsBack, '[ ]'),
            lines: eventLines(shownEvents, inner(events.width), events.height - 1, eventsBack),
          },
    side:
      side === undefined || input.side === undefined
        ? undefined
        : {
            title:
              input.side.title +
              (view.filter.trim() === '' ? '' : t('ui.header.filter', { filter: view.filter.trim() })) +
              (view.sideScroll > 0 ? t('ui.pane.scrolled') : sideAbove(sideEntries, inner(side.width), side.height - 1)),
            lines: sideLines(sideEntries, inner(side.width), side.height - 1, view.sideScroll),
          },
    detail: detail === undefined ? undefined : { title: t('ui.title.process'), lines: details(inner(detail.width)) },
    footer: footerLine(view, layout.footer.width, input.canSay),
    overlay,
  };
}
