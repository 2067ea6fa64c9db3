// One load process of `npm run bench:chat`: plays some of the simulated
// clients (one UDP socket each), sends their messages when the shared
// schedule says they are due, and times every delivery they receive. The
// parent (chat-load.ts) drives it over the fork channel.
import type { Socket } from 'node:dgram';
import { DEFAULT_HOST, formatRequest, REPLY_OK } from '../chat/protocol.js';
import { bindUdp, CLIENT_BUFFER_BYTES, formatHostPort } from '../chat/udp.js';
import { readTaskTimes } from '../inspect/sched-stat.js';
import type { FromWorker, ToWorker, WorkerResult } from './chat-ipc.js';
import { formatStamp, readStamp, sharedClockMs } from './chat-stamp.js';
import { timesBetween } from './chat-times.js';

interface Client {
  /** Among all clients of the load: fixes this client's place in the schedule. */
  readonly index: number;
  readonly name: string;
  readonly socket: Socket;
}

type Run = Extract<ToWorker, { type: 'run' }>;

/** How often a run looks whether it is done (cheap: a comparison). */
const CHECK_MS = 20;

let clients: readonly Client[] = [];
let host = DEFAULT_HOST;
let port = 0;

function tell(message: FromWorker): void {
  process.send?.(message);
}

/**
 * Sends `L name` until the server says OK. Whatever else comes meanwhile
 * (others joining, a refusal) is in the room's language, so it is only
 * remembered for the error.
 */
async function login(client: Client): Promise<void> {
  let heard: string | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const admitted = new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        client.socket.removeListener('message', onMessage);
        resolve(ok);
      };
      const onMessage = (bytes: Buffer): void => {
        const text = bytes.toString();
        if (text === REPLY_OK) done(true);
        else heard = text;
      };
      const timer = setTimeout(() => done(false), 1000);
      client.socket.on('message', onMessage);
    });
    client.socket.send(formatRequest({ verb: 'L', name: client.name }), port, host);
    if (await admitted) return;
  }
  const where = formatHostPort(host, port);
  throw new Error(heard === undefined ? `no answer from ${where}` : `${client.name} was not let into ${where}; it last heard: ${heard}`);
}

async function setup(message: Extract<ToWorker, { type: 'setup' }>): Promise<void> {
  host = message.host;
  port = message.port;
  clients = await Promise.all(
    message.indices.map(async (index) => ({
      index,
      name: `${message.prefix}-${index}`,
      socket: await bindUdp({ host: undefined, port: 0, type: 'udp4', bufferBytes: CLIENT_BUFFER_BYTES }),
    })),
  );
  for (const client of clients) await login(client);
}

/**
 * Client i sends message k at start + k·period + (i/N)·period: every client
 * on its own beat, the N beats spread evenly over a period, so the whole load
 * arrives as a steady stream rather than in clumps. Node's timers fire at
 * best once a millisecond, so a tick sends exactly what is due by then; a
 * delivery arriving between ticks also sends what has come due. In a burst
 * (rate 0) everything is due at start.
 */
async function run(task: Run): Promise<WorkerResult> {
  const count = clients.length;
  const period = task.rate > 0 ? 1000 / task.rate : 0;
  const sends = task.messages * count;
  const expected = task.messages * count * (task.total - 1);
  const fromDueMs = new Float64Array(expected);
  const fromSentMs = new Float64Array(expected);
  const lateMs = new Float64Array(sends);
  const stamp = new Float64Array(2);
  let received = 0;
  let others = 0;
  let position = 0;
  let firstSendMs = Number.NaN;
  let lastReceiveMs = Number.NaN;
  let timer: NodeJS.Timeout | undefined;

  // Positions run through the schedule in time order: clients by index within each period.
  const dueAt = (at: number): number => {
    const client = clients[at % count];
    return client === undefined ? Number.POSITIVE_INFINITY : task.startMs + Math.floor(at / count) * period + (client.index * period) / task.total;
  };
  let nextDueMs = sends > 0 ? dueAt(0) : Number.POSITIVE_INFINITY;

  const pump = (): void => {
    let now = sharedClockMs();
    while (nextDueMs <= now) {
      const client = clients[position % count];
      if (client === undefined) break;
      now = sharedClockMs();
      client.socket.send(formatRequest({ verb: 'C', name: client.name, text: formatStamp(task.phase, nextDueMs, now) }), port, host);
      lateMs[position] = now - nextDueMs;
      if (Number.isNaN(firstSendMs)) firstSendMs = now;
      position += 1;
      nextDueMs = position < sends ? dueAt(position) : Number.POSITIVE_INFINITY;
    }
    clearTimeout(timer);
    timer = nextDueMs === Number.POSITIVE_INFINITY ? undefined : setTimeout(pump, Math.max(0, nextDueMs - sharedClockMs()));
  };

  const onDelivery = (bytes: Buffer): void => {
    const now = sharedClockMs();
    if (!readStamp(bytes, task.phase, stamp)) {
      others += 1; // notices, an earlier run's stragglers
      return;
    }
    if (received < expected) {
      fromDueMs[received] = now - (stamp[0] ?? now);
      fromSentMs[received] = now - (stamp[1] ?? now);
    }
    received += 1;
    lastReceiveMs = now;
    if (nextDueMs <= now) pump();
  };
  for (const client of clients) {
    client.socket.removeAllListeners('message');
    client.socket.on('message', onDelivery);
  }

  const before = readTaskTimes('self');
  timer = setTimeout(pump, Math.max(0, nextDueMs - sharedClockMs()));
  // Done when every delivery came, or, after the last send, nothing new came for quietMs.
  await new Promise<void>((resolve) => {
    let seen = received;
    let progressAt = performance.now();
    const check = (): void => {
      if (position >= sends && received >= expected) return resolve();
      const now = performance.now();
      if (received !== seen || position < sends) {
        seen = received;
        progressAt = now;
      } else if (now - progressAt >= task.quietMs) {
        return resolve();
      }
      setTimeout(check, CHECK_MS);
    };
    check();
  });
  const times = timesBetween(before, readTaskTimes('self'));
  const timed = Math.min(received, expected);
  return {
    sent: position,
    expected,
    received,
    others,
    firstSendMs,
    lastReceiveMs,
    fromDueMs: fromDueMs.slice(0, timed),
    fromSentMs: fromSentMs.slice(0, timed),
    lateMs,
    times,
  };
}

let quitting = false;

function quit(): void {
  if (quitting) return;
  quitting = true;
  let open = clients.length;
  if (open === 0) process.exit(0);
  for (const client of clients) {
    client.socket.send(formatRequest({ verb: 'Q', name: client.name }), port, host, () => {
      client.socket.close();
      open -= 1;
      if (open === 0) process.exit(0);
    });
  }
}

process.on('message', (raw: ToWorker) => {
  const fail = (error: unknown): void => tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  switch (raw.type) {
    case 'setup':
      setup(raw).then(() => tell({ type: 'ready' }), fail);
      return;
    case 'run':
      run(raw).then((result) => tell({ type: 'done', ...result }), fail);
      return;
    case 'quit':
      quit();
  }
});
// Orphaned by a crashed parent: do not linger in the room.
process.on('disconnect', quit);
