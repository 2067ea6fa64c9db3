// Loads the optional native addon built from native/proc-events at install time.
// It may be missing (no C compiler then, or another platform): the caller falls
// back to polling /proc.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** An open subscription inside the addon (a napi external). */
export type AddonHandle = { readonly __brand: 'proc-events-handle' };

export interface AddonStats {
  readonly received: number;
  readonly lost: number;
  readonly overflows: number;
  readonly batches: number;
  readonly fd: number;
  /** CPU time of the JS thread spent reading and parsing datagrams, and in the batch callbacks. */
  readonly readCpuMs: number;
  readonly jsCpuMs: number;
}

/** The addon's exports; see the comment at the top of proc_events.c. */
export interface ProcEventsAddon {
  readonly recordBytes: number;
  open(
    onBatch: (records: ArrayBuffer, count: number, lost: number, ackErr: number) => void,
    nonce: number,
    receiveBufferBytes?: number,
    coalesceMs?: number,
  ): AddonHandle;
  close(handle: AddonHandle): void;
  stats(handle: AddonHandle): AddonStats;
  /** Reads what the socket holds now and calls onBatch before returning. Absent from an addon
   *  built before it existed (a stale build dir): then events come only as the loop polls. */
  takeNow?(handle: AddonHandle): void;
}

/** Where `npm install` leaves the addon: same depth from src/ and dist/ (inspect/events/). */
export const DEFAULT_ADDON_PATH = fileURLToPath(new URL('../../../native/proc-events/build/Release/proc_events.node', import.meta.url));

export type LoadAddonResult = { readonly ok: true; readonly addon: ProcEventsAddon } | { readonly ok: false; readonly detail: string };

const loaded = new Map<string, LoadAddonResult>();

function isAddon(value: unknown): value is ProcEventsAddon {
  const v = value as Partial<ProcEventsAddon> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.open === 'function' &&
    typeof v.close === 'function' &&
    typeof v.stats === 'function' &&
    typeof v.recordBytes === 'number'
  );
}

/** Loads (once per path) the addon at `path`; never throws. */
export function loadAddon(path: string = DEFAULT_ADDON_PATH): LoadAddonResult {
  const cached = loaded.get(path);
  if (cached) return cached;
  let result: LoadAddonResult;
  try {
    const value: unknown = createRequire(import.meta.url)(path);
    result = isAddon(value) ? { ok: true, addon: value } : { ok: false, detail: `${path} is not the proc-events addon` };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    result = { ok: false, detail: code === 'MODULE_NOT_FOUND' ? `${path} not found` : message };
  }
  loaded.set(path, result);
  return result;
}
