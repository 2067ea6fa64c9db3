// What a dashboard is asked to show: read by launch.ts (the entry from
// outside src/ui) and run.ts (which starts it), so neither imports the other's types.
import type { Demo } from '../demos/types.js';
import type { WatchTarget } from '../inspect/scope.js';
import type { EventsChoice } from '../inspect/events/choose.js';

export type DashboardScope =
  | WatchTarget
  /** The chat room on `port`, or the one found running (9999 first), or a new one on 9999. */
  | { readonly kind: 'chat'; readonly port?: number }
  | { readonly kind: 'demo'; readonly demo: Demo; readonly holdMs: number }
  /** `procview run`: the program started by the dashboard, its output in the side pane. */
  | { readonly kind: 'run'; readonly command: string; readonly args: readonly string[] };

export interface DashboardOptions {
  readonly scope: DashboardScope;
  /** Refresh interval in milliseconds (default 1000; 500 for a demo, whose states change fast). */
  readonly intervalMs?: number;
  /** --no-color / -M: the monochrome theme (NO_COLOR in the environment does the same). */
  readonly noColour?: boolean;
  /** The event source, opened before the terminal is taken (default: --events auto). */
  readonly choice?: EventsChoice;
  /** --record FILE: every frame, and the narration or program output, written to FILE as well. */
  readonly record?: string;
}
