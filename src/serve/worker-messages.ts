// What the serving thread and the scanning thread (scan-worker.ts) say to
// each other; everything here survives the structured clone (RegExp included).
import type { ScanSummary } from '../metrics/collect.js';
import type { GroupSpec } from '../metrics/groups.js';
import type { ServeScope } from './feed.js';

export interface WorkerSettings {
  readonly intervalMs: number;
  readonly scope: ServeScope;
  readonly groups: readonly GroupSpec[];
  readonly topParents: number;
  readonly version: string;
}

export type ToServer =
  | { readonly type: 'summary'; readonly scans: number; readonly summary: ScanSummary }
  | { readonly type: 'error'; readonly message: string };

export type ToWorker = { readonly type: 'stop' };
