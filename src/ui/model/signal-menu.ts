// The signal menu: every signal kill -l lists, chosen with the arrows or by
// typing its name or number, and sent on Enter only — a digit or a letter
// never sends. KILL and STOP ask once more when the target is outside the
// user's own scope: anything in the whole-system view (no --watch chose it),
// or a process of another user.
import { SIGNALS, type SignalInfo } from '../../inspect/signals.js';
import type { KeyResult } from './key-result.js';
import { textLine, type Line } from './styled.js';
import { type PlainMessageId, t } from '../../text/i18n/message.js';
import { inert } from './text.js';
import type { ProcTarget, ViewState } from './view-state.js';

export type SignalMenu = Extract<ViewState['overlay'], { kind: 'signal' }>;
export type SignalConfirm = Extract<ViewState['overlay'], { kind: 'confirm' }>;

/** Where the menu opens: SIGTERM, the polite one. */
export const DEFAULT_SIGNAL = Math.max(
  0,
  SIGNALS.findIndex((s) => s.name === 'TERM'),
);

/** Rows of signals the menu shows at once (it scrolls with the selection). */
export const MENU_ROWS = 12;

/** What each common signal does, in words (others show their name only). */
const WORDS: Readonly<Record<string, PlainMessageId>> = {
  HUP: 'ui.signal.word.HUP',
  INT: 'ui.signal.word.INT',
  QUIT: 'ui.signal.word.QUIT',
  KILL: 'ui.signal.word.KILL',
  USR1: 'ui.signal.word.USR1',
  USR2: 'ui.signal.word.USR2',
  TERM: 'ui.signal.word.TERM',
  CHLD: 'ui.signal.word.CHLD',
  CONT: 'ui.signal.word.CONT',
  STOP: 'ui.signal.word.STOP',
  TSTP: 'ui.signal.word.TSTP',
  WINCH: 'ui.signal.word.WINCH',
};

function signalWords(name: string): string {
  const id = WORDS[name];
  return id === undefined ? '' : t(id);
}

/** Who counts as "own scope" for the second question (see the top of this file). */
export interface SignalScope {
  /** The view shows a chosen scope (--watch, a lesson, the chat room), not the whole system. */
  readonly scoped: boolean;
  /** procview's effective uid; undefined off Unix. */
  readonly uid: number | undefined;
}

export function needsConfirm(signal: SignalInfo, target: ProcTarget, scope: SignalScope): boolean {
  if (signal.name !== 'KILL' && signal.name !== 'STOP') return false;
  if (!scope.scoped) return true;
  return scope.uid !== undefined && scope.uid !== 0 && target.uid !== scope.uid;
}

/** The index a typed name or number points at: a number exactly, a name by its start. */
export function matchTyped(typed: string): number | undefined {
  const text = typed.trim().toUpperCase().replace(/^SIG/, '');
  if (text === '') return undefined;
  const at = /^\d+$/.test(text) ? SIGNALS.findIndex((s) => s.number === Number(text)) : SIGNALS.findIndex((s) => s.name.startsWith(text));
  return at < 0 ? undefined : at;
}

export function openSignalMenu(state: ViewState, target: ProcTarget): ViewState {
  return { ...state, overlay: { kind: 'signal', target, index: DEFAULT_SIGNAL, typed: '' } };
}

export function onSignalMenu(state: ViewState, key: string, menu: SignalMenu, scope: SignalScope): KeyResult {
  const none = { kind: 'none' } as const;
  const to = (index: number, typed = ''): KeyResult => ({
    state: { ...state, overlay: { ...menu, index: Math.max(0, Math.min(SIGNALS.length - 1, index)), typed } },
  });
  if (key === 'escape' || key === 'f9' || key === 'f10') return { state: { ...state, overlay: none } };
  if (key === 'up') return to(menu.index - 1);
  if (key === 'down') return to(menu.index + 1);
  if (key === 'pageup') return to(menu.index - MENU_ROWS);
  if (key === 'pagedown') return to(menu.index + MENU_ROWS);
  if (key === 'home') return to(0);
  if (key === 'end') return to(SIGNALS.length - 1);
  if (key === 'backspace') {
    const typed = [...menu.typed].slice(0, -1).join('');
    return to(matchTyped(typed) ?? menu.index, typed);
  }
  if (key === 'enter') {
    const signal = SIGNALS[menu.index];
    if (signal === undefined) return { state };
    if (needsConfirm(signal, menu.target, scope)) {
      return { state: { ...state, overlay: { kind: 'confirm', target: menu.target, signal: signal.name } } };
    }
    return { state: { ...state, overlay: none }, effect: { kind: 'signal', target: menu.target, signal: signal.name } };
  }
  // Letters, digits, + and -: typed into the search, never sent.
  if (/^[A-Za-z0-9+-]$/.test(key)) {
    const typed = `${menu.typed}${key}`.slice(0, 12);
    const at = matchTyped(typed);
    return at === undefined ? { state: { ...state, overlay: { ...menu, typed } } } : to(at, typed);
  }
  return { state };
}

export function onConfirm(state: ViewState, key: string, confirm: SignalConfirm): KeyResult {
  const none = { kind: 'none' } as const;
  if (key === 'y' || key === 'Y') {
    return { state: { ...state, overlay: none }, effect: { kind: 'signal', target: confirm.target, signal: confirm.signal } };
  }
  return { state: { ...state, overlay: none, message: { text: t('ui.signal.notSent', { signal: confirm.signal }), tone: 'info' } } };
}

function who(target: ProcTarget): string {
  return inert(target.comm === undefined ? String(target.pid) : `${target.pid} (${target.comm})`);
}

/** `maxLines`: what the screen leaves inside the frame; a short screen shows fewer rows, never loses the ↓ more. */
export function signalMenuLines(menu: SignalMenu, maxLines = Number.POSITIVE_INFINITY): Line[] {
  // Five lines besides the rows: title, typed, ↑ more, ↓ more, keys.
  const rows = Math.max(1, Math.min(MENU_ROWS, maxLines - 5));
  const first = Math.max(0, Math.min(menu.index - Math.floor(rows / 2), SIGNALS.length - rows));
  const shown = SIGNALS.slice(first, first + rows);
  const typed =
    menu.typed === ''
      ? t('ui.signal.typeHint')
      : t('ui.signal.typed', { typed: menu.typed, none: matchTyped(menu.typed) === undefined ? t('ui.signal.noSuch') : '' });
  return [
    textLine(t('ui.signal.title', { who: who(menu.target) })),
    textLine(typed, 'dim'),
    textLine(first > 0 ? t('ui.signal.moreUp') : ''),
    ...shown.map((signal, i) => {
      const number = String(signal.number).padStart(3);
      const text = ` ${number}  SIG${signal.name.padEnd(11)} ${signalWords(signal.name)} `;
      return textLine(text, first + i === menu.index ? 'selected' : undefined);
    }),
    textLine(first + rows < SIGNALS.length ? t('ui.signal.moreDown') : ''),
    textLine(t('ui.signal.keys')),
  ];
}

export function confirmLines(confirm: SignalConfirm, scoped: boolean): Line[] {
  const why = scoped ? t('ui.confirm.otherUser') : t('ui.confirm.outside');
  return [
    textLine(t('ui.confirm.title', { signal: confirm.signal, who: who(confirm.target) }), 'heading'),
    textLine(why),
    textLine(''),
    textLine(t('ui.confirm.keys')),
  ];
}
