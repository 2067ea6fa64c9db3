// The load generator behind `npm run bench:chat`: N logged-in UDP clients,
// each sending M messages (all at once, or paced at R per second on a
// staggered schedule), spread over a few load processes (chat-worker.ts) so
// that receiving the room's fan-out does not queue behind one event loop.
// Every message carries the time it was due and the time it left, on a clock
// all processes share, so each delivery gives two latencies. Counts, does not judge.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readTaskTimes } from '../inspect/sched-stat.js';
import { hasExited, stopChild } from '../process/child-exit.js';
import type { FromWorker, TaskTimes, ToWorker, WorkerResult } from './chat-ipc.js';
import { phaseMark, sharedClockMs, type Phase } from './chat-stamp.js';
import { timesBetween } from './chat-times.js';

export interface LoadOptions {
  readonly host: string;
  readonly port: number;
  readonly clients: number;
  readonly messages: number;
  /** Messages per second per client; 0 = burst. */
  readonly rate: number;
  /** How long to wait for stragglers once nothing new arrives. */
  readonly quietMs: number;
  /** Messages per client sent first, the same way, and not counted (JIT and buffers warm up). */
  readonly warmup: number;
  /** Load processes the clients are spread over. */
  readonly workers: number;
  /** Measured runs after the warm-up, each reported on its own (a shared machine is noisy). */
  readonly runs: number;
  /** The server's pid, if known: its CPU and run-queue time are reported. */
  readonly serverPid?: number | undefined;
}

export interface LoadResult {
  readonly sent: number;
  readonly expected: number;
  readonly received: number;
  /** Other datagrams the clients got during the run (notices). */
  readonly others: number;
  /** From the first send to the last delivery. */
  readonly elapsedMs: number;
  /** Sorted ascending, one per delivery: receive − due (includes the generator's own lateness). */
  readonly fromDueMs: Float64Array;
  /** Sorted ascending, one per delivery: receive − actual send. */
  readonly fromSentMs: Float64Array;
  /** Sorted ascending, one per message: actual send − due. */
  readonly lateMs: Float64Array;
  /** The server's main thread over the measured phase. */
  readonly server: TaskTimes | undefined;
  /** The load processes together, over the measured phase. */
  readonly load: TaskTimes | undefined;
}

const WORKER_SCRIPT = fileURLToPath(new URL('./chat-worker.js', import.meta.url));
/** Time for the run order to reach every load process before the first message is due. */
const START_DELAY_MS = 50;

class Worker {
  private readonly waiting: ((message: FromWorker) => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: FromWorker) => this.waiting.shift()?.(message));
    child.once('exit', () => {
      for (const waiter of this.waiting.splice(0)) waiter({ type: 'failed', message: 'a load process exited' });
    });
  }

  /** Sends `message`, resolves with the answer (one answer per request, in order). */
  async ask(message: ToWorker): Promise<FromWorker> {
    const answer = new Promise<FromWorker>((resolve) => this.waiting.push(resolve));
    this.child.send(message);
    const reply = await answer;
    if (reply.type === 'failed') throw new Error(reply.message);
    return reply;
  }

  async stop(): Promise<void> {
    if (!hasExited(this.child) && this.child.connected) this.child.send({ type: 'quit' } satisfies ToWorker);
    await stopChild(this.child, { signal: null, graceMs: 2000 });
  }
}

export interface LoadRuns {
  /** One per measured run. */
  readonly runs: readonly LoadResult[];
  /** Other lines the clients got during the warm-up (a flood-control notice there explains loss after). */
  readonly warmupOthers: number;
}

/** Load processes with their clients logged in to one server, ready to measure runs against it. */
export interface Load {
  /** The warm-up (not counted): JIT and buffers warm up. Resolves with the other lines the clients got meanwhile. */
  warmUp(): Promise<number>;
  /** Measured run number `run` (0, 1, …): its deliveries carry their own phase mark. */
  measure(run: number): Promise<LoadResult>;
  /** Logs the clients out and ends the load processes. */
  close(): Promise<void>;
}

/** Starts the load processes and logs their clients in. */
export async function openLoad(options: LoadOptions): Promise<Load> {
  const processes = Math.max(1, Math.min(options.workers, options.clients));
  const workers = Array.from({ length: processes }, () => new Worker(fork(WORKER_SCRIPT, [], { serialization: 'advanced', stdio: 'inherit' })));
  const close = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.stop()));
  };
  try {
    // Round-robin, so each process's clients are spread over the whole schedule.
    await Promise.all(
      workers.map((worker, w) =>
        worker.ask({
          type: 'setup',
          host: options.host,
          port: options.port,
          indices: Array.from({ length: options.clients }, (_, i) => i).filter((i) => i % processes === w),
          prefix: `bench${process.pid}`,
        }),
      ),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    warmUp: async () => (options.warmup > 0 ? (await measure(workers, { ...options, messages: options.warmup }, phaseMark(-1))).others : 0),
    measure: (run) => measure(workers, options, phaseMark(run)),
    close,
  };
}

async function measure(workers: readonly Worker[], options: LoadOptions, phase: Phase): Promise<LoadResult> {
  const serverBefore = options.serverPid === undefined ? undefined : readTaskTimes(options.serverPid);
  const startMs = sharedClockMs() + START_DELAY_MS;
  const results = await Promise.all(
    workers.map(async (worker) => {
      const reply = await worker.ask({
        type: 'run',
        phase,
        messages: options.messages,
        rate: options.rate,
        total: options.clients,
        startMs,
        quietMs: options.quietMs,
      });
      if (reply.type !== 'done') throw new Error(`a load process answered ${reply.type}`);
      return reply as WorkerResult;
    }),
  );
  const server = options.serverPid === undefined ? undefined : timesBetween(serverBefore, readTaskTimes(options.serverPid));
  const sum = (pick: (result: WorkerResult) => number): number => results.reduce((total, result) => total + pick(result), 0);
  const load = results.every((result) => result.times !== undefined)
    ? { cpuMs: sum((result) => result.times?.cpuMs ?? 0), waitMs: sum((result) => result.times?.waitMs ?? 0) }
    : undefined;
  return {
    sent: sum((result) => result.sent),
    expected: sum((result) => result.expected),
    received: sum((result) => result.received),
    others: sum((result) => result.others),
    elapsedMs: Math.max(...results.map((result) => result.lastReceiveMs)) - Math.min(...results.map((result) => result.firstSendMs)),
    fromDueMs: merged(results.map((result) => result.fromDueMs)),
    fromSentMs: merged(results.map((result) => result.fromSentMs)),
    lateMs: merged(results.map((result) => result.lateMs)),
    server,
    load,
  };
}

function merged(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out.sort();
}

/** The q-quantile of ascending values (nearest rank). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
