// What an install without a C compiler lacks: the optional native addon. Where
// it is missing the tests that need it skip, saying why in their title — except
// in CI (.ci/run sets PROCVIEW_CI=1), which has a compiler and must run them all.
import { existsSync } from 'node:fs';
import { DEFAULT_ADDON_PATH } from '../../src/inspect/events/kernel-addon.js';

/** True in CI: a missing optional tool fails the tests that need it instead of skipping them. */
export const CI_RUNS_EVERYTHING = process.env.PROCVIEW_CI === '1';

/** Why the kernel-events tests cannot run here, or undefined when they can (or must: CI). */
export function nativeAddonMissing(): string | undefined {
  if (CI_RUNS_EVERYTHING || existsSync(DEFAULT_ADDON_PATH)) return undefined;
  return 'the native addon was not built (no C compiler at install time; `node scripts/build-native.mjs` builds it)';
}
