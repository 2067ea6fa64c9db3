// The lesson's eyes: everything a demo claims to have seen comes from here,
// i.e. from the inspection core reading the process table, not from what the
// lesson's processes say about themselves.
import { setTimeout as delay } from 'node:timers/promises';
import { diffSnapshots } from '../inspect/diff.js';
import { createInspector } from '../inspect/inspector.js';
import type { Inspector, ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';

const POLL_MS = 50;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Thrown when something the lesson expects to see does not show up in time. */
export class NotObserved extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`not observed within ${timeoutMs / 1000} s: ${what}`);
    this.name = 'NotObserved';
  }
}

export class Watcher {
  private readonly inspector: Inspector;
  private last: Snapshot | undefined;
  /** Events between consecutive snapshots of this watcher (those `keep` accepts), oldest first. */
  readonly events: ProcEvent[] = [];

  constructor(
    private readonly signal: AbortSignal,
    private readonly onSnapshot: (snapshot: Snapshot) => void = () => undefined,
    private readonly keep: (event: ProcEvent) => boolean = () => false,
  ) {
    this.inspector = createInspector();
  }

  /** One look at the table. Works after the abort too: cleanup still needs to see. */
  async snapshot(): Promise<Snapshot> {
    const next = await this.inspector.snapshot();
    if (this.last !== undefined) this.events.push(...diffSnapshots(this.last, next).filter(this.keep));
    this.last = next;
    this.onSnapshot(next);
    return next;
  }

  /** Polls the process table until `probe` gives a value; throws NotObserved at the deadline. */
  async until<T>(what: string, probe: (snapshot: Snapshot) => T | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.signal.throwIfAborted();
      const value = probe(await this.snapshot());
      if (value !== undefined) return value;
      if (Date.now() >= deadline) throw new NotObserved(what, timeoutMs);
      await delay(POLL_MS, undefined, { signal: this.signal });
    }
  }

  /** Waits until `pid` is in the table and `test` holds for its row. */
  proc(pid: number, what: string, test: (proc: ProcInfo) => boolean = () => true, timeoutMs?: number): Promise<ProcInfo> {
    return this.until(what, (snapshot) => {
      const proc = snapshot.procs.get(pid);
      return proc !== undefined && test(proc) ? proc : undefined;
    }, timeoutMs);
  }

  /** Waits until `pid` (the process last seen as `last`) is no longer in the table. */
  async gone(pid: number, what: string, last?: ProcInfo, timeoutMs?: number): Promise<void> {
    await this.until(what, (snapshot) => {
      const proc = snapshot.procs.get(pid);
      const replaced = proc !== undefined && last?.startTime !== undefined && proc.startTime !== last.startTime;
      return proc === undefined || replaced ? true : undefined;
    }, timeoutMs);
  }

  /** The latest event of `kind` about `pid` seen so far. */
  event<K extends ProcEvent['kind']>(kind: K, pid: number): Extract<ProcEvent, { kind: K }> | undefined {
    for (let index = this.events.length - 1; index >= 0; index -= 1) {
      const event = this.events[index];
      if (event?.kind === kind && event.pid === pid) return event as Extract<ProcEvent, { kind: K }>;
    }
    return undefined;
  }

  /** A second, independent inspector: two snapshots `ms` apart give CPU% averaged over exactly that span. */
  async measure(ms: number): Promise<Snapshot> {
    const meter = createInspector();
    await meter.snapshot();
    await delay(ms, undefined, { signal: this.signal });
    return meter.snapshot();
  }
}
