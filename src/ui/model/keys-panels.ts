// Keys while a panel has the keyboard: the input line (filter, chat) and the
// help / detail panels (the signal menu: signal-menu.ts).
import { t } from '../../text/i18n/message.js';
import type { KeyResult } from './key-result.js';
import { NO_ANCHOR_PID } from './selection.js';
import type { ViewState } from './view-state.js';

/** Moving the selection by hand ends follow, as in htop. */
export function move(state: ViewState, to: number): ViewState {
  return { ...state, cursor: Math.max(0, to), follow: undefined };
}

/**
 * `selected`: the pid under the cursor as the key came, kept selected while the filter or user
 * changes the rows; `listed`: how many rows the list has as the key came (typing narrows it live).
 */
export function onInput(
  state: ViewState,
  key: string,
  overlay: Extract<ViewState['overlay'], { kind: 'input' }>,
  selected?: number,
  listed?: number,
): KeyResult {
  const none = { kind: 'none' } as const;
  const live = (text: string): ViewState =>
    overlay.purpose === 'filter'
      ? { ...state, filter: text, anchor: selected ?? NO_ANCHOR_PID, eventsScroll: 0, sideScroll: 0, overlay: { ...overlay, text } }
      : overlay.purpose === 'user'
        ? { ...state, user: text, anchor: selected ?? NO_ANCHOR_PID, overlay: { ...overlay, text } }
        : { ...state, overlay: { ...overlay, text } };
  // Esc clears what the prompt filters by, as its hint says (ui.prompt.keepHint; htop's filter too), and cancels a chat line.
  if (key === 'escape') return { state: overlay.purpose === 'say' ? { ...state, overlay: none } : { ...live(''), overlay: none } };
  if (key === 'enter') {
    // A user with no process listed (a typo, or nobody by that name): said, not an empty list alone.
    if (overlay.purpose === 'user' && listed === 0 && overlay.text.trim() !== '') {
      return { state: { ...state, overlay: none, message: { text: t('ui.msg.noUserProcesses', { user: overlay.text.trim() }), tone: 'info' } } };
    }
    if (overlay.purpose === 'filter' || overlay.purpose === 'user') return { state: { ...state, overlay: none } };
    const text = overlay.text.trim();
    const next = { ...state, overlay: none };
    return text === '' ? { state: next } : { state: next, effect: { kind: 'say', text: overlay.text } };
  }
  if (key === 'backspace') return { state: live([...overlay.text].slice(0, -1).join('')) };
  if (key === 'C-u') return { state: live('') };
  if ([...key].length === 1 && key >= ' ') return { state: live(overlay.text + key) };
  return { state };
}

export function onPanel(state: ViewState, key: string, panel: Extract<ViewState['overlay'], { kind: 'help' | 'detail' }>): KeyResult {
  if (['escape', 'q', 'enter', '?', 'f1', 'f10'].includes(key)) return { state: { ...state, overlay: { kind: 'none' } } };
  // In the detail panel ↑/↓ go to the previous/next process; PgUp/PgDn (and ↑/↓ in help) scroll.
  if (panel.kind === 'detail' && (key === 'up' || key === 'down')) {
    return { state: { ...move(state, state.cursor + (key === 'up' ? -1 : 1)), overlay: { kind: 'detail', scroll: 0 } } };
  }
  const step = key === 'pageup' ? -10 : key === 'pagedown' ? 10 : key === 'up' ? -1 : key === 'down' ? 1 : key === 'home' ? -1e6 : 0;
  if (step === 0) return { state };
  // The upper bound is applied where the panel's height is known (screen.ts).
  return { state: { ...state, overlay: { ...panel, scroll: Math.max(0, panel.scroll + step) } } };
}
