// The one place that chooses a backend. Everything above inspect/ names a
// backend by BackendName (or lets this file pick by platform) and receives a
// Backend; nothing else switches on the name.
import type { Backend } from './backend.js';
import { ProcfsBackend } from './procfs/backend.js';
import { PsBackend } from './ps/backend.js';
import { PsListBackend } from './ps-list/backend.js';
import type { BackendName, InspectorOptions } from './types.js';

const PS_PLATFORMS: ReadonlySet<NodeJS.Platform> = new Set(['darwin', 'freebsd', 'openbsd', 'netbsd']);

/** procfs on Linux, ps on macOS and the BSDs, ps-list anywhere else. */
export function defaultBackend(platform: NodeJS.Platform = process.platform): BackendName {
  if (platform === 'linux') return 'procfs';
  if (PS_PLATFORMS.has(platform)) return 'ps';
  return 'ps-list';
}

/** A new backend of that name; procRoot reaches procfs only. */
export function openBackend(name: BackendName, options: InspectorOptions = {}): Backend {
  switch (name) {
    case 'procfs':
      return new ProcfsBackend(options);
    case 'ps':
      return new PsBackend();
    case 'ps-list':
      return new PsListBackend();
    default:
      throw new TypeError(`unknown inspector backend: ${String(name)}`);
  }
}
