// What the user chose (sort, filter, mode, selection, overlays): everything the
// keys change. Data from the refresh loop lives apart, in WatchState.
import type { ControlSignal } from '../../inspect/control.js';
import type { ColumnId } from './columns.js';
import type { SideEntry } from './wrap.js';

export type { ControlSignal };

/** Who a signal or renice is for: pid + start time, checked again right before acting. */
export interface ProcTarget {
  readonly pid: number;
  readonly startTime: number | undefined;
  readonly comm: string | undefined;
  /** Its owner, for the second question before KILL or STOP (signal-menu.ts). */
  readonly uid?: number | undefined;
  /** Set when it was a zombie (STAT Z) as selected: its parent then. A signal changes nothing for it. */
  readonly zombieOf?: number | undefined;
}

export type Overlay =
  | { readonly kind: 'none' }
  /** `scroll`: first line shown, for panels taller than the terminal. */
  | { readonly kind: 'help'; readonly scroll: number }
  | { readonly kind: 'detail'; readonly scroll: number }
  /** `index` into SIGNALS (inspect/signals.ts); `typed`: the name or number typed so far. */
  | { readonly kind: 'signal'; readonly target: ProcTarget; readonly index: number; readonly typed: string }
  /** KILL or STOP outside the user's own scope: asked once more. */
  | { readonly kind: 'confirm'; readonly target: ProcTarget; readonly signal: ControlSignal }
  /** The filter and user prompts change the view as they are typed: Enter keeps the text, Esc clears it (htop's filter). */
  | { readonly kind: 'input'; readonly purpose: 'filter' | 'say' | 'user'; readonly text: string }
  /** F2: the setup screen; `index` is the setting under the cursor (settings.ts). */
  | { readonly kind: 'setup'; readonly index: number };

export interface Message {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

export interface ViewState {
  readonly mode: 'table' | 'tree';
  readonly sort: ColumnId;
  readonly descending: boolean;
  readonly filter: string;
  readonly collapsed: ReadonlySet<number>;
  /** Index of the selected row; htop keeps the index unless following. */
  readonly cursor: number;
  /** First row shown. */
  readonly offset: number;
  /** Pid the selection sticks to (`f`), until it exits. */
  readonly follow: number | undefined;
  readonly paused: boolean;
  readonly overlay: Overlay;
  /** On narrow screens one pane shares the bottom: the events or the narration/chat. */
  readonly bottom: 'events' | 'side';
  readonly message: Message | undefined;
  /** `v`: the side column hidden, the list takes the width. */
  readonly sideHidden: boolean;
  /**
   * A process to keep selected through a change of the rows a key made (typing a filter or a user):
   * each reconcile of the next draw puts the cursor on it while the filters keep it, else on the first
   * row they keep; the draw then forgets it. A row number kept instead put k and n on whichever
   * process came there.
   */
  readonly anchor?: number | undefined;
  /** Lines scrolled back from the newest, in the events pane and the side pane (0: follow the newest). */
  readonly eventsScroll: number;
  /**
   * While the events pane is scrolled back: the timeline's total when it was last drawn, so the
   * lines that came after are added to eventsScroll and the lines shown stay put (holdEventsScroll).
   */
  readonly eventsHeld?: number | undefined;
  readonly sideScroll: number;
  /** The side pane's newest entry when it was last drawn: entries after it came since (holdSideScroll). */
  readonly sideHeld?: SideEntry | undefined;
  /** `K`: kernel threads listed (they are always counted). */
  readonly showKernel: boolean;
  /** `u`: only this user's processes (a user name or uid); '' for everyone. */
  readonly user: string;
  /** Columns hidden in the F2 setup screen. */
  readonly hiddenColumns: ReadonlySet<ColumnId>;
}

/** The whole system: busiest first, like top. A scope: a tree by PID, where parents and children show. */
export function initialViewState(scoped: boolean, settings: Partial<Pick<ViewState, 'mode' | 'sideHidden' | 'hiddenColumns'>> = {}): ViewState {
  return {
    mode: settings.mode ?? (scoped ? 'tree' : 'table'),
    sort: scoped ? 'pid' : 'cpu',
    descending: !scoped,
    filter: '',
    collapsed: new Set(),
    cursor: 0,
    offset: 0,
    follow: undefined,
    paused: false,
    overlay: { kind: 'none' },
    bottom: 'events',
    message: undefined,
    sideHidden: settings.sideHidden ?? false,
    eventsScroll: 0,
    sideScroll: 0,
    // Kernel threads crowd the whole-system list (htop's K); a chosen scope shows what it holds.
    showKernel: scoped,
    user: '',
    hiddenColumns: settings.hiddenColumns ?? new Set(),
  };
}
