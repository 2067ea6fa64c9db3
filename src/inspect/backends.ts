// The one place that chooses a backend. Everything above inspect/ names a
// backend by BackendName (or lets this file pick by platform) and receives a
// Backend; nothing else switches on the name. Only the backend chosen is
// loaded: a one-shot `procview ps` on Linux pays for no ps or ps-list parser.
import type { Backend } from './backend.js';
import { readOsSystem } from './os-system.js';
import { ProcfsBackend } from './procfs/backend.js';
import { readProcfsSystem } from './procfs/system-info.js';
import type { SystemInfo } from './system-types.js';
import type { BackendName, InspectorOptions, Snapshot } from './types.js';

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
      return loadedOnFirstUse(async () => new (await import('./ps/backend.js')).PsBackend());
    case 'ps-list':
      return loadedOnFirstUse(async () => new (await import('./ps-list/backend.js')).PsListBackend());
    default:
      throw new TypeError(`unknown inspector backend: ${String(name)}`);
  }
}

/** Where that backend's platform keeps the machine's totals: <procRoot> for procfs, Node's os module elsewhere. */
export function systemReader(name: BackendName, options: InspectorOptions = {}): () => SystemInfo {
  if (name === 'procfs') return () => readProcfsSystem(options.procRoot ?? '/proc');
  return readOsSystem;
}

/**
 * A backend whose module is imported when it is first asked for something
 * (every call but close() is async anyway). Closed before that, it never loads.
 */
function loadedOnFirstUse(load: () => Promise<Backend>): Backend {
  let loading: Promise<Backend> | undefined;
  const backend = (): Promise<Backend> => {
    loading ??= load();
    return loading;
  };
  return {
    async snapshot(): Promise<Snapshot> {
      return (await backend()).snapshot();
    },
    async startTime(pid: number): Promise<number | undefined> {
      return (await backend()).startTime(pid);
    },
    close(): void {
      void loading?.then(
        (loaded) => loaded.close(),
        () => undefined,
      );
    },
  };
}
