// The one entry from outside src/ui into the dashboard. blessed is loaded only
// when a dashboard really starts (run.ts), so `procview demo --plain`, `ps` and
// `tree` never pay for it.
import type { Demo } from '../demos/types.js';

export type DashboardScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'pids'; readonly pids: readonly number[] }
  | { readonly kind: 'name'; readonly pattern: string }
  /** The chat room on `port`, or the one found running (9999 first), or a new one on 9999. */
  | { readonly kind: 'chat'; readonly port?: number }
  | { readonly kind: 'demo'; readonly demo: Demo; readonly holdMs: number };

export interface DashboardOptions {
  readonly scope: DashboardScope;
  /** Refresh interval in milliseconds (default 1000; 500 for a demo, whose states change fast). */
  readonly intervalMs?: number;
  /** --no-color / -M: the monochrome theme (NO_COLOR in the environment does the same). */
  readonly noColour?: boolean;
}

/** Runs the dashboard until the user quits; resolves to the exit code. */
export async function launchDashboard(options: DashboardOptions): Promise<number> {
  const { runDashboard } = await import('./run.js');
  return runDashboard(options);
}
