// The one entry from outside src/ui into the dashboard (blessed stays inside src/ui).
import type { Demo } from '../demos/types.js';

export type DashboardScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'pids'; readonly pids: readonly number[] }
  | { readonly kind: 'name'; readonly pattern: string }
  | { readonly kind: 'chat' }
  | { readonly kind: 'demo'; readonly demo: Demo; readonly holdMs: number };

export interface DashboardOptions {
  readonly scope: DashboardScope;
  /** Refresh interval in milliseconds (default 1000). */
  readonly intervalMs?: number;
}

/** Runs the dashboard until the user quits; resolves to the exit code. Placeholder until issue 5 lands. */
export async function launchDashboard(_options: DashboardOptions): Promise<number> {
  throw new Error('the dashboard is not implemented yet');
}
