// The lesson's eyes: everything a demo claims to have seen comes from here,
// i.e. from the inspection core reading the process table, not from what the
// lesson's processes say about themselves. The table comes as the frames of
// the one snapshot-and-diff loop (inspect/events/stream.ts, polling), scanned
// when the lesson looks: between two looks nothing is read.
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { pollUntil } from '../base/poll.js';
import { EventStream, type WatchFrame } from '../inspect/events/stream.js';
import { createInspector } from '../inspect/inspector.js';
import { provenSameProcess, sameProcess } from '../inspect/identity.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';

const POLL_MS = 50;
/** The stream's own pace: never, in effect (the longest timer Node keeps); every scan is a look. */
const ONLY_ON_DEMAND_MS = 2 ** 31 - 1;
const DEFAULT_TIMEOUT_MS = 10_000;

/** For a wait that nothing cuts short (cleanup after the lesson was aborted). */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/** Thrown when something the lesson expects to see does not show up in time. */
export class NotObserved extends Error {
  constructor(what: string, timeoutMs: number) {
    super(t('demo.problem.notObserved', { seconds: timeoutMs / 1000, what }));
    this.name = 'NotObserved';
  }
}

interface Look {
  readonly askedAt: number;
  resolve(snapshot: Snapshot): void;
  reject(error: unknown): void;
}

export class Watcher {
  /** Opened at the first look: before it, the lesson has not looked at anything. */
  private stream: EventStream | undefined;
  private readonly looks: Look[] = [];
  private closed = false;
  /** Events between consecutive snapshots of this watcher (those `keep` accepts), oldest first. */
  readonly events: ProcEvent[] = [];
  /** pid → who reaped it, for kept pids seen leaving the table (undefined: the table could not tell). */
  private readonly reapers = new Map<number, number | undefined>();

  constructor(
    private readonly signal: AbortSignal,
    private readonly onSnapshot: (snapshot: Snapshot) => void = () => undefined,
    private readonly keep: (event: ProcEvent) => boolean = () => false,
  ) {}

  /** One look at the table: a scan begun after the call. Works after the abort too: cleanup still needs to see. */
  snapshot(): Promise<Snapshot> {
    if (this.closed) return Promise.reject(new Error('this watcher is closed'));
    return new Promise((resolve, reject) => {
      this.looks.push({ askedAt: performance.now(), resolve, reject });
      if (this.stream !== undefined) this.stream.scanNow();
      else {
        // Its first scan begins now, for this look.
        this.stream = new EventStream(
          { source: 'polling', reason: 'disabled', message: undefined },
          { intervalMs: ONLY_ON_DEMAND_MS },
          (frame) => this.onFrame(frame),
          (error) => {
            for (const look of this.looks.splice(0)) look.reject(error);
          },
        );
      }
    });
  }

  private onFrame({ snapshot, previous, events, begunAt }: WatchFrame): void {
    if (previous !== undefined) {
      const kept = events.filter(this.keep);
      this.events.push(...kept);
      for (const event of kept) {
        if (event.kind === 'reap') this.reapers.set(event.pid, event.by);
        if (event.kind === 'exit') this.reapers.set(event.pid, stayedAlive(event.ppid, previous, snapshot));
      }
    }
    this.onSnapshot(snapshot);
    // A scan that began before a look was asked for may have read the table before what it waits for.
    const waiting = this.looks.splice(0);
    for (const look of waiting) {
      if (look.askedAt <= begunAt) look.resolve(snapshot);
      else this.looks.push(look);
    }
    // Frames sent close together carry the older scan's begin: ask again rather than wait for nothing.
    if (this.looks.length > 0) this.stream?.scanNow();
  }

  /**
   * Polls the process table until `probe` gives a value; throws NotObserved at
   * the deadline, or the abort reason once `signal` (default: the lesson's) aborts.
   */
  async until<T>(what: string, probe: (snapshot: Snapshot) => T | undefined, timeoutMs = DEFAULT_TIMEOUT_MS, signal: AbortSignal = this.signal): Promise<T> {
    const value = await pollUntil(async () => probe(await this.snapshot()), { timeoutMs, intervalMs: POLL_MS, signal });
    if (value === undefined) throw new NotObserved(what, timeoutMs);
    return value;
  }

  /** Waits until `pid` is in the table and `test` holds for its row. */
  proc(pid: number, what: string, test: (proc: ProcInfo) => boolean = () => true, timeoutMs?: number): Promise<ProcInfo> {
    return this.until(
      what,
      (snapshot) => {
        const proc = snapshot.procs.get(pid);
        return proc !== undefined && test(proc) ? proc : undefined;
      },
      timeoutMs,
    );
  }

  /** Waits until `pid` (the process last seen as `last`) is no longer in the table. */
  async gone(pid: number, what: string, last?: ProcInfo, timeoutMs?: number): Promise<void> {
    await this.until(what, (snapshot) => (stillThere(snapshot, pid, last) ? undefined : true), timeoutMs);
  }

  /** Waits until none of the processes last seen as `rows` is in the table any more. */
  async allGone(rows: readonly ProcInfo[], what: string, timeoutMs?: number): Promise<void> {
    await this.until(what, (snapshot) => (rows.some((row) => stillThere(snapshot, row.pid, row)) ? undefined : true), timeoutMs);
  }

  /** The latest event of `kind` about `pid` seen so far. */
  event<K extends ProcEvent['kind']>(kind: K, pid: number): Extract<ProcEvent, { kind: K }> | undefined {
    for (let index = this.events.length - 1; index >= 0; index -= 1) {
      const event = this.events[index];
      if (event?.kind === kind && event.pid === pid) return event as Extract<ProcEvent, { kind: K }>;
    }
    return undefined;
  }

  /**
   * Who reaped `pid`, as the table showed it: only a parent can reap its
   * child, so it is the parent `pid` had at its last sight, provided that
   * parent was still the same live process once `pid` was gone (else the child
   * may have been adopted and reaped by the adopter in between). undefined when
   * that could not be seen, or `pid` was never seen leaving.
   */
  reaperOf(pid: number): number | undefined {
    return this.reapers.get(pid);
  }

  /** Like until(), but undefined at the deadline instead of NotObserved. */
  async within<T>(timeoutMs: number, probe: (snapshot: Snapshot) => T | undefined, signal: AbortSignal = this.signal): Promise<T | undefined> {
    try {
      return await this.until('', probe, timeoutMs, signal);
    } catch (error) {
      if (error instanceof NotObserved) return undefined;
      throw error;
    }
  }

  /** A second, independent inspector: two snapshots `ms` apart give CPU% averaged over exactly that span. */
  async measure(ms: number): Promise<Snapshot> {
    const meter = createInspector();
    try {
      await meter.snapshot();
      await delay(ms, undefined, { signal: this.signal });
      return await meter.snapshot();
    } finally {
      meter.close();
    }
  }

  /** Ends the stream and lets go of its inspector (it keeps stat files open). snapshot() rejects from then on. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream?.close();
    for (const look of this.looks.splice(0)) look.reject(new Error('this watcher is closed'));
  }
}

/** `ppid` when it is the same live process in both snapshots (same start time, not dead), else undefined. */
function stayedAlive(ppid: number | undefined, prev: Snapshot, next: Snapshot): number | undefined {
  if (ppid === undefined) return undefined;
  const before = prev.procs.get(ppid);
  const after = next.procs.get(ppid);
  if (before === undefined || after === undefined) return undefined;
  if (!provenSameProcess(before, after)) return undefined;
  return after.state === 'Z' || after.state === 'X' ? undefined : ppid;
}

/** Is `pid` in `snapshot` and, when both start times are known, the same process as `last`? */
export function stillThere(snapshot: Snapshot, pid: number, last?: ProcInfo): boolean {
  const proc = snapshot.procs.get(pid);
  return proc !== undefined && (last === undefined || sameProcess(last, proc));
}
