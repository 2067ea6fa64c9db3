// The one entry from outside src/ui into the dashboard. blessed is loaded only
// when a dashboard really starts (run.ts), so `procview demo --plain`, `ps` and
// `tree` never pay for it.
import type { DashboardOptions } from './dashboard-options.js';

/** Runs the dashboard until the user quits; resolves to the exit code. */
export async function launchDashboard(options: DashboardOptions): Promise<number> {
  const { runDashboard } = await import('./run.js');
  return runDashboard(options);
}
