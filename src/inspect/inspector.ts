// createInspector: the one door to the OS. Picks a backend for the platform
// and serializes snapshot() calls, so a backend's between-calls state (CPU
// times, cached command lines) is never updated by two scans at once.
import { ProcfsBackend } from './procfs/backend.js';
import { PsBackend } from './ps/backend.js';
import { PsListBackend } from './ps-list/backend.js';
import type { BackendName, Inspector, InspectorOptions, Snapshot } from './types.js';

const PS_PLATFORMS: ReadonlySet<NodeJS.Platform> = new Set(['darwin', 'freebsd', 'openbsd', 'netbsd']);

/** procfs on Linux, ps on macOS and the BSDs, ps-list anywhere else. */
export function defaultBackend(platform: NodeJS.Platform = process.platform): BackendName {
  if (platform === 'linux') return 'procfs';
  if (PS_PLATFORMS.has(platform)) return 'ps';
  return 'ps-list';
}

interface Backend {
  snapshot(): Promise<Snapshot>;
  close?(): void;
}

function openBackend(name: BackendName, options: InspectorOptions): Backend {
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

/**
 * An inspector keeps what it needs between snapshots (previous CPU times,
 * command lines) so a steady refresh is cheap. Snapshots and their records are
 * frozen. snapshot() rejects only when the process table cannot be listed at
 * all; a process that vanishes or cannot be read never makes it fail.
 */
export function createInspector(options: InspectorOptions = {}): Inspector {
  const backend = options.backend ?? defaultBackend();
  const source = openBackend(backend, options);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return Object.freeze({
    backend,
    snapshot(): Promise<Snapshot> {
      if (closed) return Promise.reject(new Error('this inspector is closed'));
      const next = queue.then(() => source.snapshot());
      queue = next.catch(() => undefined);
      return next;
    },
    close(): void {
      if (closed) return;
      closed = true;
      // After any scan under way, so it never reads through a released descriptor.
      void queue.then(() => source.close?.());
    },
  });
}
