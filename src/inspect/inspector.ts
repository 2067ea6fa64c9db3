// createInspector and readStartTime: the door to the OS for everything above
// inspect/. The inspector serializes snapshot() calls, so a backend's
// between-calls state (CPU times, cached command lines) is never updated by
// two scans at once.
import { defaultBackend, openBackend } from './backends.js';
import type { Inspector, InspectorOptions, Snapshot } from './types.js';

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
  const reread = source.reread?.bind(source);
  const readDetails = source.readDetails?.bind(source);
  const ignoresChildSignal = source.ignoresChildSignal?.bind(source);
  const programChanged = source.programChanged?.bind(source);
  const carriesEnvironment = source.carriesEnvironment?.bind(source);
  return Object.freeze({
    backend,
    ...(reread === undefined ? {} : { reread }),
    ...(readDetails === undefined ? {} : { readDetails }),
    ...(ignoresChildSignal === undefined ? {} : { ignoresChildSignal }),
    ...(programChanged === undefined ? {} : { programChanged }),
    ...(carriesEnvironment === undefined ? {} : { carriesEnvironment }),
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
      void queue.then(() => source.close());
    },
  });
}

/**
 * The one snapshot of a command that exits after it (`procview ps`, `tree`):
 * the records an inspector's first snapshot() gives, read by the backend's
 * one-shot path where it has one (procfs: scan-once.ts), so nothing is built
 * for scans that never come.
 */
export async function snapshotOnce(options: InspectorOptions = {}): Promise<Snapshot> {
  const source = openBackend(options.backend ?? defaultBackend(), options);
  try {
    return await (source.snapshotOnce?.() ?? source.snapshot());
  } finally {
    source.close();
  }
}

/**
 * The start time of `pid` now, in the units of ProcInfo.startTime for the same
 * backend (ms since the epoch), or undefined when the process is gone or its
 * start time cannot be read. Identity is pid + start time (identity.ts): right
 * before a kill or renice the dashboard asks again, and acts only if the
 * answer still equals its snapshot's, since the pid may have been reused.
 */
export async function readStartTime(pid: number, options: InspectorOptions = {}): Promise<number | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const backend = openBackend(options.backend ?? defaultBackend(), options);
  try {
    return await backend.startTime(pid);
  } finally {
    backend.close();
  }
}
