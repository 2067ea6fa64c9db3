// What each key does, as a pure step: (state, key) → (state, effect). The
// effect (quit, send a signal, renice, say in the chat) is carried out by the
// app; keys follow top/htop habits (q/F10, F1, F3, F5, F6, F7/F8, F9).
import { refusedPid } from '../../inspect/control.js';
import { t } from '../../text/i18n/message.js';
import { columnById, type ColumnId } from './columns.js';
import type { KeyResult } from './key-result.js';
import type { ProcRow } from './rows.js';
import { move, onInput, onPanel } from './keys-panels.js';
import { onConfirm, onSignalMenu, openSignalMenu } from './signal-menu.js';
import { onSetup } from './settings.js';
import { DEFAULT_SETTINGS, type Settings } from './settings-shape.js';
import type { ProcTarget, ViewState } from './view-state.js';
import { isDeadZombie } from '../../inspect/thread-group.js';

export interface KeyContext {
  readonly rows: readonly ProcRow[];
  /** Rows the list shows at once. */
  readonly page: number;
  /** Columns on screen, left to right (sorting moves among these). */
  readonly columns: readonly ColumnId[];
  /** The chat input exists (`--watch chat`). */
  readonly canSay: boolean;
  /** A narration or chat pane exists (Tab swaps it with the events on narrow screens). */
  readonly hasSide: boolean;
  /** A chosen scope (--watch, lesson, chat), not the whole system: KILL/STOP ask once more outside it. */
  readonly scoped?: boolean;
  /** procview's effective uid (KILL/STOP to another user's process ask once more). */
  readonly uid?: number | undefined;
  /** procview's own pid, refused as a target (inspect/control.ts refusedPid); absent: this process. */
  readonly selfPid?: number;
  /** The settings F2 shows and changes. */
  readonly settings?: Settings;
  /** Lines the events and side panes show (a page of scrolling). */
  readonly eventsPage?: number;
  readonly sidePage?: number;
}

/** Columns where the interesting end is the big one. */
const DESCENDING_FIRST = new Set<ColumnId>(['cpu', 'mem', 'rss', 'time', 'thr']);

function targetOf(row: ProcRow | undefined): ProcTarget | undefined {
  if (row === undefined) return undefined;
  // Not a leader read Z whose threads run on (ps Zl): a signal ends those threads.
  const zombieOf = isDeadZombie(row.proc) ? row.proc.ppid : undefined;
  return { pid: row.pid, startTime: row.proc.startTime, comm: row.proc.comm, uid: row.proc.uid, ...(zombieOf === undefined ? {} : { zombieOf }) };
}

export function sortBy(state: ViewState, id: ColumnId): ViewState {
  if (id === state.sort) return { ...state, descending: !state.descending };
  return { ...state, sort: id, descending: DESCENDING_FIRST.has(id) };
}

function moveSort(state: ViewState, columns: readonly ColumnId[], step: number): ViewState {
  const at = columns.indexOf(state.sort);
  const next = columns[Math.max(0, Math.min(columns.length - 1, Math.max(at, 0) + step))];
  if (next === undefined || next === state.sort) return state;
  return { ...sortBy(state, next), message: { text: t('ui.msg.sortedBy', { column: columnById(next).header }), tone: 'info' } };
}

export function handleKey(state: ViewState, key: string, ctx: KeyContext): KeyResult {
  const overlay = state.overlay;
  if (key === 'C-c') return { state, effect: { kind: 'quit' } };
  // In every panel, as in htop: nothing changes but the terminal's cells.
  if (key === 'C-l') return { state, effect: { kind: 'repaint' } };
  if (overlay.kind === 'input') return onInput(state, key, overlay, ctx.rows[state.cursor]?.pid, ctx.rows.length);
  const quiet = { ...state, message: undefined };
  if (overlay.kind === 'signal') return onSignalMenu(quiet, key, overlay, { scoped: ctx.scoped ?? false, uid: ctx.uid });
  if (overlay.kind === 'confirm') return onConfirm(quiet, key, overlay);
  if (overlay.kind === 'help' || overlay.kind === 'detail') return onPanel(quiet, key, overlay);
  if (overlay.kind === 'setup') return onSetup(quiet, key, overlay.index, ctx.settings ?? DEFAULT_SETTINGS);
  return onMain(quiet, key, ctx);
}

function onMain(state: ViewState, key: string, ctx: KeyContext): KeyResult {
  const row = ctx.rows[state.cursor];
  const page = Math.max(1, ctx.page);
  const tell = (text: string, tone: 'info' | 'error' = 'info'): KeyResult => ({ state: { ...state, message: { text, tone } } });
  switch (key) {
    case 'q':
    case 'f10':
      return { state, effect: { kind: 'quit' } };
    case '?':
    case 'f1':
      return { state: { ...state, overlay: { kind: 'help', scroll: 0 } } };
    case 'up':
      return { state: move(state, state.cursor - 1) };
    case 'down':
      return { state: move(state, state.cursor + 1) };
    case 'pageup':
      return { state: move(state, state.cursor - page) };
    case 'pagedown':
      return { state: move(state, state.cursor + page) };
    case 'home':
      return { state: move(state, 0) };
    case 'end':
      return { state: move(state, ctx.rows.length - 1) };
    case 't':
    case 'f5':
      return { state: { ...state, mode: state.mode === 'tree' ? 'table' : 'tree' } };
    case '<':
      return { state: moveSort(state, ctx.columns, -1) };
    case '>':
    case 'f6':
      return { state: moveSort(state, ctx.columns, 1) };
    case 'I':
      return { state: { ...state, descending: !state.descending } };
    case '/':
    case 'f3':
    case 'f4':
      return { state: { ...state, overlay: { kind: 'input', purpose: 'filter', text: state.filter } } };
    case 'u':
      return { state: { ...state, overlay: { kind: 'input', purpose: 'user', text: state.user } } };
    // htop's P M T: by CPU, memory, time, busiest first.
    case 'P':
      return { state: { ...state, sort: 'cpu', descending: true, message: { text: t('ui.msg.sortedBy', { column: '%CPU' }), tone: 'info' } } };
    case 'M':
      return { state: { ...state, sort: 'mem', descending: true, message: { text: t('ui.msg.sortedBy', { column: '%MEM' }), tone: 'info' } } };
    case 'T':
      return { state: { ...state, sort: 'time', descending: true, message: { text: t('ui.msg.sortedBy', { column: 'TIME' }), tone: 'info' } } };
    case 'K': {
      const showKernel = !state.showKernel;
      return {
        state: { ...state, showKernel, message: { text: showKernel ? t('ui.msg.kernelShown') : t('ui.msg.kernelHidden'), tone: 'info' } },
      };
    }
    case 'H':
      return tell(t('ui.msg.noThreads'));
    case 'v': {
      const sideHidden = !state.sideHidden;
      return { state: { ...state, sideHidden, message: { text: sideHidden ? t('ui.msg.sideHidden') : t('ui.msg.sideShown'), tone: 'info' } } };
    }
    case '[':
    case ']': {
      const step = Math.max(1, (ctx.eventsPage ?? 6) - 1);
      return { state: { ...state, eventsScroll: Math.max(0, state.eventsScroll + (key === '[' ? step : -step)) } };
    }
    case '{':
    case '}': {
      const step = Math.max(1, (ctx.sidePage ?? 6) - 1);
      return { state: { ...state, sideScroll: Math.max(0, state.sideScroll + (key === '{' ? step : -step)) } };
    }
    case 'f2':
      return { state: { ...state, overlay: { kind: 'setup', index: 0 } } };
    case 'f': {
      if (state.follow !== undefined) return { state: { ...state, follow: undefined, message: { text: t('ui.msg.followOff'), tone: 'info' } } };
      if (row === undefined || row.mark === 'dead') return tell(t('ui.msg.nothingToFollow'));
      return { state: { ...state, follow: row.pid, message: { text: t('ui.msg.following', { pid: row.pid }), tone: 'info' } } };
    }
    case ' ':
    case 'space': {
      const paused = !state.paused;
      return { state: { ...state, paused, message: { text: paused ? t('ui.msg.paused') : t('ui.msg.resumed'), tone: 'info' } } };
    }
    case 'enter':
      return row === undefined ? { state } : { state: { ...state, overlay: { kind: 'detail', scroll: 0 } } };
    case 'tab':
      return ctx.hasSide ? { state: { ...state, bottom: state.bottom === 'events' ? 'side' : 'events' } } : { state };
    case 'i':
      return ctx.canSay ? { state: { ...state, overlay: { kind: 'input', purpose: 'say', text: '' } } } : { state };
    case 'left':
    case '-':
      return collapse(state, row, ctx.rows);
    case 'right':
    case '+':
      return expand(state, row);
    case 'k':
    case 'f9': {
      const target = targetOf(row);
      if (row === undefined || target === undefined) return tell(t('ui.msg.noneSelected'), 'error');
      if (row.mark === 'dead') return tell(t('ui.msg.alreadyExited', { pid: row.pid }), 'error');
      // Refused at once, in renice's words, rather than after a signal was chosen.
      const refused = refusedPid(row.pid, 'signal', ctx.selfPid);
      if (refused !== undefined) return { state, effect: { kind: 'refused', pid: row.pid, message: refused } };
      return { state: openSignalMenu(state, target) };
    }
    case 'n':
    case 'f8':
    case 'N':
    case 'f7': {
      const target = targetOf(row);
      if (row === undefined || target === undefined) return tell(t('ui.msg.noneSelected'), 'error');
      if (row.mark === 'dead') return tell(t('ui.msg.alreadyExited', { pid: row.pid }), 'error');
      return { state, effect: { kind: 'renice', target, delta: key === 'n' || key === 'f8' ? 1 : -1 } };
    }
    default:
      return { state };
  }
}

function collapse(state: ViewState, row: ProcRow | undefined, rows: readonly ProcRow[]): KeyResult {
  if (state.mode !== 'tree' || row === undefined) return { state };
  if (row.hasChildren && !row.collapsed) {
    return { state: { ...state, collapsed: new Set([...state.collapsed, row.pid]) } };
  }
  // On a leaf or a folded node, ← goes to the parent, as in file trees.
  const parent = rows.findIndex((r) => r.pid === row.proc.ppid);
  return parent >= 0 ? { state: move(state, parent) } : { state };
}

function expand(state: ViewState, row: ProcRow | undefined): KeyResult {
  if (state.mode !== 'tree' || row === undefined || !state.collapsed.has(row.pid)) return { state };
  const collapsed = new Set(state.collapsed);
  collapsed.delete(row.pid);
  return { state: { ...state, collapsed } };
}
