// What one key press yields: the next view state and, maybe, an effect for the
// app to carry out. Its own file, so keys.ts and the overlays it delegates to
// (keys-panels.ts, signal-menu.ts) all import it without importing each other.
import type { Settings } from './settings-shape.js';
import type { ControlSignal, ProcTarget, ViewState } from './view-state.js';

export type Effect =
  | { readonly kind: 'quit' }
  /** Ctrl-L: paint the whole screen again, as htop and less do (a terminal's other idea of a width leaves garbage). */
  | { readonly kind: 'repaint' }
  | { readonly kind: 'signal'; readonly target: ProcTarget; readonly signal: ControlSignal }
  | { readonly kind: 'renice'; readonly target: ProcTarget; readonly delta: number }
  /** An action on `pid` refused as the key was pressed (PID 1, procview itself): said, and kept as an event line as a refused renice is. */
  | { readonly kind: 'refused'; readonly pid: number; readonly message: string }
  | { readonly kind: 'say'; readonly text: string }
  /** The setup screen changed a setting (kept in memory) or closed (saved to the file). */
  | { readonly kind: 'settings'; readonly settings: Settings }
  | { readonly kind: 'save-settings'; readonly settings: Settings };

export interface KeyResult {
  readonly state: ViewState;
  readonly effect?: Effect;
}
