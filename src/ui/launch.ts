// The one entry from outside src/ui into the dashboard. blessed is loaded only
// when a dashboard really starts (run.ts), so `procview demo --plain`, `ps` and
// `tree` never pay for it.
import type { DashboardOptions } from './dashboard-options.js';
import type { ReplayOptions } from './replay.js';

/** Runs the dashboard until the user quits; resolves to the exit code. */
export async function launchDashboard(options: DashboardOptions): Promise<number> {
  const { runDashboard } = await import('./run.js');
  return runDashboard(options);
}

/** Plays a recording in the dashboard until the user quits; resolves to the exit code. */
export async function launchReplay(options: ReplayOptions): Promise<number> {
  const { runReplay } = await import('./replay.js');
  return runReplay(options);
}
