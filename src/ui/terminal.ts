// The terminal and every way out of it. blessed takes over the terminal
// (alternate screen, hidden cursor, raw keys, mouse); restore() gives it back
// exactly once, whichever path gets there first: q, Ctrl-C, SIGTERM, SIGHUP,
// SIGINT, SIGQUIT, an uncaught error (bottom's panic hook, for blessed).
import type blessed from 'blessed';
import { screen as makeScreen } from './widgets/blessed-parts.js';
import { separateMouseReports } from './mouse-reports.js';
import { teachBlessedWidths } from './widgets/blessed-width.js';

export interface Terminal {
  readonly screen: blessed.Widgets.Screen;
  restore(): void;
}

export function openTerminal(): Terminal {
  teachBlessedWidths();
  const rejoin = separateMouseReports(process.stdin);
  let screen: blessed.Widgets.Screen;
  try {
    screen = makeScreen({
      smartCSR: true,
      fullUnicode: true,
      // Box drawing (├─ └─) and sparks even when LANG says nothing about UTF-8.
      forceUnicode: true,
      autoPadding: false,
      warnings: false,
    });
  } catch (error) {
    rejoin();
    throw error;
  }
  // Draw ├─ and friends as UTF-8, not through the DEC line-drawing charset:
  // every terminal procview targets speaks UTF-8, and the text stays the same
  // characters when a terminal (or a test) reads the screen back.
  Object.assign((screen as unknown as { tput: object }).tput, { brokenACS: true });
  let restored = false;
  return {
    screen,
    restore() {
      if (restored) return;
      restored = true;
      try {
        screen.destroy();
      } catch {
        // A hung-up terminal (SIGHUP) cannot be written to; nothing left to restore.
      }
      rejoin();
    },
  };
}

export type ExitCause =
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals; readonly code: number }
  | { readonly kind: 'crash'; readonly error: unknown };

/** Shell convention: killed by signal n → 128 + n. */
const SIGNALS: readonly (readonly [NodeJS.Signals, number])[] = [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGINT', 130],
  ['SIGQUIT', 131],
];

/** Routes signals and uncaught errors to `handler`; returns the uninstaller. */
export function onExitPaths(handler: (cause: ExitCause) => void): () => void {
  const signalHandlers = SIGNALS.map(([signal, code]) => {
    const listener = (): void => handler({ kind: 'signal', signal, code });
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  const crash = (error: unknown): void => handler({ kind: 'crash', error });
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return () => {
    for (const [signal, listener] of signalHandlers) process.removeListener(signal, listener);
    process.removeListener('uncaughtException', crash);
    process.removeListener('unhandledRejection', crash);
  };
}
