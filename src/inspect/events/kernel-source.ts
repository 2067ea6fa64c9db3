// The kernel process events source: subscribes through the optional native addon to
// the process events connector and hands batches of KernelEvents to listeners.
// openKernelEvents() never throws and never hangs: whatever stands in the way (no
// addon, not root, another namespace) comes back as ok:false with a reason and a
// one-line message saying how to get kernel events.
import { readFile, readlink } from 'node:fs/promises';
import type { KernelEvent, KernelEventSource, KernelEventsUnavailable, OpenKernelEventsResult } from './kernel-event.js';
import { type AddonHandle, type AddonStats, DEFAULT_ADDON_PATH, loadAddon, type ProcEventsAddon } from './kernel-addon.js';
import { decodeRecords, RECORD_BYTES } from './kernel-records.js';
import { type PlainMessageId, t } from '../../text/i18n/message.js';

/** `PROCVIEW_EVENTS=polling` turns the kernel source off. */
export const EVENTS_ENV = 'PROCVIEW_EVENTS';

export interface OpenKernelEventsOptions {
  /** Aborting before the subscription is answered gives ok:false 'disabled'; after, closes the source. */
  readonly signal?: AbortSignal;
  /** The compiled addon; default: native/proc-events/build/Release/proc_events.node in the package. */
  readonly addonPath?: string;
  /** How long to wait for the kernel's answer to the subscription (default 500 ms). */
  readonly answerTimeoutMs?: number;
  /** The socket's receive buffer (default 8 MiB); tests shrink it to provoke ENOBUFS. */
  readonly receiveBufferBytes?: number;
  /** Batches at least this far apart (default 2 ms; 0: one per readable notification). The
   *  first event after a quiet spell is delivered at once. */
  readonly coalesceMs?: number;
  /** Look at /proc for foreign namespaces before subscribing (default true); tests turn it off
   *  to exercise the kernel's own refusal (no answer, or ECONNREFUSED). */
  readonly checkNamespaces?: boolean;
}

/** What stands in the way, and how to get kernel events: read when it happens, in the language of that moment. */
const MESSAGES: Readonly<Record<KernelEventsUnavailable, PlainMessageId>> = {
  'no-native-module': 'event.kernel.noModule',
  'not-linux': 'event.kernel.notLinux',
  'not-permitted': 'event.kernel.notPermitted',
  'other-namespace': 'event.kernel.otherNamespace',
  unsupported: 'event.kernel.unsupported',
  disabled: 'event.kernel.disabled',
};

function unavailable(reason: KernelEventsUnavailable, message = t(MESSAGES[reason])): OpenKernelEventsResult {
  return { ok: false, reason, message };
}

/** The socket's receive buffer: room for tens of thousands of events while JavaScript is busy. */
export const DEFAULT_RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;

// Events kept while nobody listens yet (between open and the first onBatch); beyond
// that they are counted as lost, so the consumer resynchronises.
const MAX_PENDING_EVENTS = 100_000;

type Listener = (batch: readonly KernelEvent[], lost: number) => void;

/** The source over one addon subscription; `stats()` is for benchmarks and probes. */
export class NativeKernelEventSource implements KernelEventSource {
  readonly kind = 'kernel' as const;
  private handle: AddonHandle | undefined;
  private readonly listeners: Listener[] = [];
  private pending: KernelEvent[] = [];
  private pendingLost = 0;
  private flushQueued = false;
  private answer: ((err: number) => void) | undefined;
  private lastStats: AddonStats | undefined;

  constructor(
    private readonly addon: ProcEventsAddon,
    private readonly receiveBufferBytes: number | undefined,
    private readonly coalesceMs: number | undefined,
  ) {}

  /** Subscribes; throws the addon's errno error (code EPERM, ECONNREFUSED, …). */
  open(): Promise<number> {
    const answered = new Promise<number>((resolve) => {
      this.answer = resolve;
    });
    // The kernel answers with our ack + 1; a random nonce tells our answer from others'.
    const nonce = Math.floor(Math.random() * 0xfffffff0);
    const onBatch = (records: ArrayBuffer, count: number, lost: number, ackErr: number): void => this.receive(records, count, lost, ackErr);
    // Without coalesceMs the addon's own window (2 ms) applies.
    const bufferBytes = this.receiveBufferBytes ?? DEFAULT_RECEIVE_BUFFER_BYTES;
    this.handle = this.coalesceMs === undefined ? this.addon.open(onBatch, nonce, bufferBytes) : this.addon.open(onBatch, nonce, bufferBytes, this.coalesceMs);
    return answered;
  }

  onBatch(listener: Listener): void {
    if (this.handle === undefined) return;
    this.listeners.push(listener);
    if ((this.pending.length > 0 || this.pendingLost > 0) && !this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flushPending());
    }
  }

  takeNow(): void {
    if (this.handle !== undefined) this.addon.takeNow?.(this.handle);
  }

  close(): void {
    const { handle } = this;
    if (handle === undefined) return;
    this.lastStats = this.addon.stats(handle);
    this.handle = undefined;
    this.addon.close(handle);
    this.listeners.length = 0;
    this.pending = [];
    this.answer?.(-1);
  }

  stats(): AddonStats | undefined {
    return this.handle === undefined ? this.lastStats : this.addon.stats(this.handle);
  }

  private receive(records: ArrayBuffer, count: number, lost: number, ackErr: number): void {
    if (this.handle === undefined) return;
    if (ackErr !== -1) this.answer?.(ackErr);
    if (count === 0 && lost === 0) return;
    const events = decodeRecords(records, count);
    if (this.listeners.length === 0 || this.flushQueued) {
      this.keep(events, lost);
      return;
    }
    this.deliver(events, lost);
  }

  /** To each listener, stopping if one of them closes the source. */
  private deliver(events: readonly KernelEvent[], lost: number): void {
    for (const listener of [...this.listeners]) {
      if (this.handle === undefined) return;
      listener(events, lost);
    }
  }

  private keep(events: KernelEvent[], lost: number): void {
    this.pendingLost += lost;
    const room = MAX_PENDING_EVENTS - this.pending.length;
    if (events.length <= room) {
      for (const event of events) this.pending.push(event);
    } else {
      for (const event of events.slice(0, room)) this.pending.push(event);
      this.pendingLost += events.length - room;
    }
  }

  private flushPending(): void {
    this.flushQueued = false;
    if (this.handle === undefined) return;
    const events = this.pending;
    const lost = this.pendingLost;
    this.pending = [];
    this.pendingLost = 0;
    if (events.length === 0 && lost === 0) return;
    this.deliver(events, lost);
  }
}

async function readOr(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether this process is outside the namespaces the connector serves (cn_proc answers only
 * in the initial user, PID and network namespaces), from what /proc shows without privilege.
 * Unreadable evidence counts as "not outside": the subscription's answer then decides.
 */
async function outsideInitialNamespaces(): Promise<boolean> {
  const [uidMap, status] = await Promise.all([readOr('/proc/self/uid_map'), readOr('/proc/self/status')]);
  // The initial user namespace maps all 2^32 uids onto themselves: `0 0 4294967295`.
  if (uidMap !== undefined && uidMap.trim().split(/\s+/).join(' ') !== '0 0 4294967295') return true;
  // NSpid lists our pid in each PID namespace from the initial one down: more than one, nested.
  const nspid = /^NSpid:\s*(.*)$/m.exec(status ?? '')?.[1];
  if (nspid !== undefined && nspid.trim().split(/\s+/).length > 1) return true;
  try {
    const [self, init] = await Promise.all([readlink('/proc/self/ns/net'), readlink('/proc/1/ns/net')]);
    return self !== init;
  } catch {
    return false; // /proc/1/ns is root's to read
  }
}

function reasonForErrno(code: string | undefined): KernelEventsUnavailable {
  switch (code) {
    case 'EPERM':
    case 'EACCES':
      return 'not-permitted';
    case 'ECONNREFUSED': // no connector kernel socket in this network namespace
      return 'other-namespace';
    default: // EPROTONOSUPPORT: no NETLINK_CONNECTOR in this kernel
      return 'unsupported';
  }
}

function abortedResult(): OpenKernelEventsResult {
  return unavailable('disabled', t('event.kernel.aborted'));
}

/** Subscribes to the kernel's process events, or says why not (never throws). */
export async function openKernelEvents(options: OpenKernelEventsOptions = {}): Promise<OpenKernelEventsResult> {
  const { signal, addonPath = DEFAULT_ADDON_PATH, answerTimeoutMs = 500, checkNamespaces = true } = options;
  if (process.env[EVENTS_ENV] === 'polling') return unavailable('disabled');
  if (process.platform !== 'linux') return unavailable('not-linux');
  if (signal?.aborted) return abortedResult();
  const loaded = loadAddon(addonPath);
  if (!loaded.ok) return unavailable('no-native-module');
  if (loaded.addon.recordBytes !== RECORD_BYTES) {
    return unavailable('no-native-module', t('event.kernel.otherVersion'));
  }
  if (checkNamespaces && (await outsideInitialNamespaces())) return unavailable('other-namespace');
  if (signal?.aborted) return abortedResult();

  const source = new NativeKernelEventSource(loaded.addon, options.receiveBufferBytes, options.coalesceMs);
  let answered: Promise<number>;
  try {
    answered = source.open();
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = reasonForErrno(code);
    return reason === 'unsupported' ? unavailable(reason, t('event.kernel.unsupportedCode', { code: code ?? 'error' })) : unavailable(reason);
  }

  // Wait for the kernel's answer, bounded: no answer means the request was ignored
  // (cn_proc drops requests from non-initial user/PID namespaces) or never arrived.
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const TIMEOUT = -2;
  const ABORTED = -3;
  const outcome = await Promise.race([
    answered,
    new Promise<number>((resolve) => {
      timer = setTimeout(() => resolve(TIMEOUT), answerTimeoutMs);
    }),
    new Promise<number>((resolve) => {
      onAbort = () => resolve(ABORTED);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  ]);
  clearTimeout(timer);
  if (onAbort) signal?.removeEventListener('abort', onAbort);

  if (outcome !== 0) {
    source.close();
    if (outcome === ABORTED) return abortedResult();
    if (outcome === TIMEOUT) return unavailable('other-namespace');
    // The connector's answer carries a positive errno (cn_proc_ack).
    if (outcome === 1 /* EPERM */ || outcome === 13 /* EACCES */) return unavailable('not-permitted');
    return unavailable('unsupported', t('event.kernel.unsupportedAnswer', { errno: outcome }));
  }
  if (signal) signal.addEventListener('abort', () => source.close(), { once: true });
  return { ok: true, source };
}
