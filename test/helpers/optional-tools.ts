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

/**
 * chrt (util-linux) where it can put a process in SCHED_IDLE here (`chrt -i 0`
 * needs no privilege, but a sandbox may refuse sched_setscheduler), else
 * undefined: the tests that need it skip, saying so in their title.
 */
export function chrtForIdle(): string | undefined {
  const path = spawnSync('sh', ['-c', 'command -v chrt'], { encoding: 'utf8' }).stdout.trim();
  return path !== '' && spawnSync(path, ['-i', '0', 'true']).status === 0 ? path : undefined;
}

/** Why the tests that run Prometheus or promtool cannot run here, or undefined when they can (or must: CI). */
export function prometheusMissing(): string | undefined {
  if (CI_RUNS_EVERYTHING) return undefined;
  const missing = ['prometheus', 'promtool'].filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  return missing.length === 0 ? undefined : `${missing.join(' and ')} not installed (apt-get install prometheus; .ci/run does)`;
}
