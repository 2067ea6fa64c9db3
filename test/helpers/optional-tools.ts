// What a plain machine may lack: the optional native addon (no C compiler at
// install time) and Prometheus (a Debian package .ci/run installs). Where one
// is missing the tests that need it skip, saying why in their title — except
// in CI (.ci/run sets PROCVIEW_CI=1), which has both and must run them all.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_ADDON_PATH } from '../../src/inspect/events/kernel-addon.js';

/** True in CI: a missing optional tool fails the tests that need it instead of skipping them. */
export const CI_RUNS_EVERYTHING = process.env.PROCVIEW_CI === '1';

/** Why the kernel-events tests cannot run here, or undefined when they can (or must: CI). */
export function nativeAddonMissing(): string | undefined {
  if (CI_RUNS_EVERYTHING || existsSync(DEFAULT_ADDON_PATH)) return undefined;
  return 'the native addon was not built (no C compiler at install time; `node scripts/build-native.mjs` builds it)';
}

/** Why the tests that run Prometheus or promtool cannot run here, or undefined when they can (or must: CI). */
export function prometheusMissing(): string | undefined {
  if (CI_RUNS_EVERYTHING) return undefined;
  const missing = ['prometheus', 'promtool'].filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  return missing.length === 0 ? undefined : `${missing.join(' and ')} not installed (apt-get install prometheus; .ci/run does)`;
}
