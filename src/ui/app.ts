// The dashboard's wiring: frames from the refresh loop and keys from the
// terminal go into the pure view model; its output goes to the widgets. This
// is the only place that holds state, and it holds it as immutable values.
import type blessed from 'blessed';
import { renice, sendSignal, type ControlOptions, type ControlOutcome } from '../inspect/control.js';
import { placeColumns } from './model/columns.js';
import type { Effect } from './model/key-result.js';
import { handleKey, sortBy } from './model/keys.js';
import { computeLayout, type Layout } from './model/layout.js';
import type { ProcRow } from './model/rows.js';
import {
  computeScreen,
  type FilterMemory,
  holdEventsScroll,
  holdSideScroll,
  matchedRows,
  NO_FILTER_MEMORY,
  rememberMatches,
  type SideContent,
} from './model/screen.js';
import { reconcile } from './model/selection.js';
import { initialViewState, type Message, type ViewState } from './model/view-state.js';
import { computeRows, rowSource } from './model/view.js';
import { everyUnread, needsEveryRecord, shownUnread } from './model/demand.js';
import type { ProcInfo } from '../inspect/types.js';
import { withDetails } from '../inspect/unread.js';
import { meterShape, type MeterShape } from './model/meters.js';
import { sameSettings, type Settings } from './model/settings-shape.js';
import { actionLine } from './model/events.js';
import { noteTimeline } from './model/timeline.js';
import { advanceWatch, initialWatch, type Frame, type WatchState } from './model/watch.js';
import type { Scope, Seed } from '../inspect/scope.js';
import { t } from '../text/i18n/message.js';
import { coalesce } from './coalesce.js';
import { onKeys } from './input.js';
import { createWidgets } from './widgets/dashboard.js';
import type { ListClick } from './widgets/list.js';
import type { Theme } from './widgets/theme.js';

/** Least time between two draws caused by frames (keys draw at once). */
export const FRAME_DRAW_GAP_MS = 200;

export interface AppOptions {
  readonly screen: blessed.Widgets.Screen;
  readonly theme: Theme;
  readonly version: string;
  /** Words for the header, e.g. `demo zombie` (raw; made inert when drawn); a replay's changes as it plays. */
  readonly scopeLabel: string | (() => string);
  readonly scope: Scope;
  /** How signals and renice re-check a target's identity: the backend its start time came from. */
  readonly control: ControlOptions;
  readonly canSay: boolean;
  /** The narration or chat pane, read on every draw; undefined when the scope has none. */
  readonly side: (() => SideContent) | undefined;
  readonly onQuit: () => void;
  readonly onSay: (text: string) => Promise<Message>;
  /** The F2 settings as loaded; `saveSettings` writes them (undefined when saved, else why not). */
  readonly settings: Settings;
  readonly settingsPath: string;
  readonly saveSettings: (settings: Settings) => string | undefined;
  /** Shown once at the start (a settings file that could not be used). */
  readonly notice?: Message | undefined;
  /**
   * Sees each key first while no overlay is open (a replay's own keys); true: taken, the
   * dashboard does nothing more with it.
   */
  readonly intercept?: (key: string) => boolean;
  /**
   * Reads the records not read yet (Inspector.readDetails, with InspectorOptions.details
   * 'on-demand'): called before a draw for the rows it shows, or for every row a filter or
   * sort looks at. Absent: every record is whole already.
   */
  readonly readDetails?: (procs: Iterable<ProcInfo>) => void;
}

export interface App {
  /** A new frame from the loop; `seeds` start the scope (see model/scope.ts). Returns the new state. */
  frame(frame: Frame, seeds: Iterable<Seed>): WatchState;
  /** Something outside the frames changed (narration, chat, a message). */
  redraw(): void;
  tell(message: Message): void;
  /** Forgets every frame so far (a replay seeking back starts again from a whole table). */
  reset(): void;
}

export function createApp(options: AppOptions): App {
  const { screen } = options;
  const hasSide = options.side !== undefined;
  let latest: WatchState = initialWatch(options.scope);
  let shown = latest;
  let settings = options.settings;
  /** What the settings file holds (as loaded, or as last saved). */
  let saved = options.settings;
  let view: ViewState = {
    ...initialViewState(options.scope.kind !== 'all', {
      ...(options.scope.kind === 'all' && settings.tree ? { mode: 'tree' as const } : {}),
      hiddenColumns: new Set(settings.hiddenColumns),
    }),
    message: options.notice,
  };
  const meterShapeNow = (): MeterShape => meterShape(shown.frame?.meters?.cpuCount ?? 0, screen.width as number, screen.height as number);
  const layoutNow = (): Layout =>
    computeLayout(screen.width as number, screen.height as number, hasSide, view.bottom, {
      meterRows: meterShapeNow().rows,
      sideHidden: view.sideHidden,
      hiddenColumns: view.hiddenColumns,
    });
  let layout: Layout = layoutNow();
  /** The processes the filter has matched as rows: their event lines stay shown after they exit. */
  let matched: FilterMemory = NO_FILTER_MEMORY;
  let cache: { watch: WatchState; key: string; collapsed: ReadonlySet<number>; rows: ProcRow[] } | undefined;

  const frameDraws = coalesce(() => draw(), FRAME_DRAW_GAP_MS);
  const widgets = createWidgets(
    screen,
    options.theme,
    (click) => onClick(click),
    (step) => update({ ...view, cursor: view.cursor + step, follow: undefined }),
    // The wheel over the events or the side pane scrolls it (up: older lines).
    (pane, step) =>
      update(
        pane === 'events' ? { ...view, eventsScroll: Math.max(0, view.eventsScroll - step) } : { ...view, sideScroll: Math.max(0, view.sideScroll - step) },
      ),
  );

  function rows(): ProcRow[] {
    const key = `${view.mode}|${view.sort}|${view.descending}|${view.filter}|${view.user}|${view.showKernel}`;
    if (cache?.watch === shown && cache.key === key && cache.collapsed === view.collapsed) return cache.rows;
    cache = { watch: shown, key, collapsed: view.collapsed, rows: computeRows(shown, view) };
    return cache.rows;
  }

  /** The watch state whose every record was read (a filter or sort on status or cmdline fields). */
  let everyRead: WatchState | undefined;

  /** The rows to draw, the ones on screen read whole first (model/demand.ts); reconciles the view with them. */
  function readRows(): ProcRow[] {
    const page = layout.list.height - 1;
    let current = rows();
    view = reconcile(view, current, page);
    const read = options.readDetails;
    if (read === undefined) return current;
    if (needsEveryRecord(view) && everyRead !== shown) {
      const unread = everyUnread(rowSource(shown, view.mode).procs);
      if (unread.length > 0) {
        read(unread);
        // What is kept and its order may change with what was read: the rows again, from the start.
        cache = undefined;
        current = rows();
        view = reconcile(view, current, page);
      }
      everyRead = shown;
    }
    // Here the order is on fields a scan reads (needsEveryRecord), so reading moves no row: the
    // records read are put in place. Looked at again after reconciling (twice at most in practice).
    for (let pass = 0; pass < 3; pass += 1) {
      const unread = shownUnread(current, view, page);
      if (unread.length === 0) break;
      read(unread);
      current = current.map((row) => {
        const proc = withDetails(row.proc);
        return proc === row.proc ? row : { ...row, proc };
      });
      if (cache !== undefined) cache = { ...cache, rows: current };
      view = reconcile(view, current, page);
    }
    return current;
  }

  function draw(): void {
    if (!view.paused) shown = latest;
    layout = layoutNow();
    const current = readRows();
    // Kept through every reconcile of readRows (reading records can change which rows the filter keeps).
    if (view.anchor !== undefined) view = { ...view, anchor: undefined };
    matched = rememberMatches(matched, view.filter, matchedRows(current, view.filter), shown.timeline.lines);
    view = holdEventsScroll(view, shown.timeline, matched.lives, (layout.events?.height ?? 1) - 1);
    const side = options.side?.();
    // The side pane's text area: a frame line on the left, its title on top (computeScreen's sizes).
    if (side !== undefined && layout.side !== undefined) view = holdSideScroll(view, side.entries, Math.max(1, layout.side.width - 1), layout.side.height - 1);
    const model = computeScreen({
      watch: shown,
      view,
      rows: current,
      layout,
      header: {
        version: options.version,
        scope: typeof options.scopeLabel === 'string' ? options.scopeLabel : options.scopeLabel(),
        systemTotal: options.scope.kind === 'all' ? undefined : shown.frame?.snapshot.procs.size,
      },
      side,
      canSay: options.canSay,
      now: shown.frame?.snapshot.takenAt,
      looks: options.theme.describe,
      meterShape: meterShapeNow(),
      settings,
      settingsPath: options.settingsPath,
      scoped: options.scope.kind !== 'all',
      matched,
    });
    if (widgets.draw(model, layout)) screen.render();
  }

  function update(next: ViewState): void {
    view = next;
    draw();
  }

  function onClick(click: ListClick): void {
    if (view.overlay.kind !== 'none') return;
    if (click.kind === 'row') {
      update({ ...view, cursor: view.offset + click.index, follow: undefined });
      return;
    }
    const placed = placeColumns(layout.list.width, view.hiddenColumns, view.sort);
    const hit = placed.find((p) => click.x >= p.x && click.x < p.x + p.width + 1);
    if (hit !== undefined) update(sortBy(view, hit.column.id));
  }

  async function act(effect: Effect): Promise<void> {
    let outcome: ControlOutcome | Message;
    switch (effect.kind) {
      case 'quit':
        options.onQuit();
        return;
      case 'repaint':
        draw();
        widgets.repaint();
        return;
      case 'settings':
        settings = effect.settings;
        draw();
        return;
      case 'save-settings': {
        settings = effect.settings;
        // Closed with nothing changed: no file written (F2 then Esc made ~/.config/procview/config.json).
        if (sameSettings(settings, saved)) {
          draw();
          return;
        }
        const problem = options.saveSettings(settings);
        if (problem === undefined) saved = settings;
        outcome =
          problem === undefined
            ? { text: t('ui.settings.saved', { path: options.settingsPath }), tone: 'info' }
            : { text: t('ui.settings.notSaved', { path: options.settingsPath, why: problem }), tone: 'error' };
        break;
      }
      case 'signal': {
        outcome = await sendSignal(effect.target, effect.signal, options.control);
        // A zombie has exited already: the signal is delivered to nothing (a learner's first try at one).
        const parent = effect.target.zombieOf;
        if (outcome.ok && parent !== undefined)
          outcome = { ...outcome, message: `${outcome.message}: ${t('ui.msg.zombieSignalled', { pid: effect.target.pid, parent })}` };
        break;
      }
      case 'renice':
        outcome = await renice(effect.target, effect.delta, options.control);
        break;
      case 'say':
        outcome = await options.onSay(effect.text);
        break;
      case 'refused':
        outcome = { ok: false, reason: 'refused', message: effect.message };
        break;
    }
    const message: Message = 'ok' in outcome ? { text: outcome.message, tone: outcome.ok ? 'info' : 'error' } : outcome;
    // What was done to a process, or refused, is an event line too, so it stays in the record beside what followed.
    const acted = effect.kind === 'signal' || effect.kind === 'renice' ? effect.target.pid : effect.kind === 'refused' ? effect.pid : undefined;
    if ('ok' in outcome && acted !== undefined) {
      const line = actionLine(Date.now(), acted, outcome.ok, outcome.message);
      latest = { ...latest, timeline: noteTimeline(latest.timeline, line) };
      shown = { ...shown, timeline: noteTimeline(shown.timeline, line) };
    }
    update({ ...view, message });
  }

  // One key press, one call: a confirmation reads any second report of the same Enter as "another key".
  onKeys(screen, (name) => {
    if (view.overlay.kind === 'none' && options.intercept?.(name) === true) return;
    const current = rows();
    const result = handleKey(view, name, {
      rows: current,
      page: layout.list.height - 1,
      columns: placeColumns(layout.list.width, view.hiddenColumns, view.sort).map((p) => p.column.id),
      canSay: options.canSay,
      hasSide,
      scoped: options.scope.kind !== 'all',
      uid: process.geteuid?.(),
      selfPid: process.pid,
      settings,
      eventsPage: (layout.events?.height ?? 7) - 1,
      sidePage: (layout.side?.height ?? 7) - 1,
    });
    update(result.state);
    if (result.effect !== undefined) void act(result.effect);
  });
  screen.on('resize', () => draw());
  draw();

  return {
    frame(frame, seeds) {
      // Every frame moves the state on (events must not be skipped), but the screen is drawn at most
      // every FRAME_DRAW_GAP_MS: with the kernel event source frames can come every few ms.
      latest = advanceWatch(latest, frame, seeds);
      frameDraws.request();
      return latest;
    },
    redraw: draw,
    tell(message) {
      update({ ...view, message });
    },
    reset() {
      latest = initialWatch(options.scope);
      shown = latest;
      cache = undefined;
      matched = NO_FILTER_MEMORY;
    },
  };
}
