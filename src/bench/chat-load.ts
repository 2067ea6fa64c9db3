// The load generator behind `npm run bench:chat`: N logged-in UDP clients,
// each sending M messages (all at once, or paced at R per second with the
// clients' phases spread evenly), every one stamped with its send time so each
// receiver can measure the delivery latency. Counts, does not judge.
import type { Socket } from 'node:dgram';
import { bindUdp, CLIENT_BUFFER_BYTES } from '../chat/udp.js';

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
}

export interface LoadResult {
  readonly sent: number;
  readonly expected: number;
  readonly received: number;
  /** From the first send to the last delivery. */
  readonly elapsedMs: number;
  /** Sorted ascending, one per delivery. */
  readonly latenciesMs: Float64Array;
}

interface Client {
  readonly index: number;
  readonly name: string;
  readonly socket: Socket;
}

// `benchPID-I says: PHASE I.SEQ.SENT_AT`
const LINE = / says: ([wm]) (\d+)\.(\d+)\.(\d+(?:\.\d+)?)$/u;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async (_, index): Promise<Client> => {
      const socket = await bindUdp({ host: undefined, port: 0, type: 'udp4', bufferBytes: CLIENT_BUFFER_BYTES });
      return { index, name: `bench${process.pid}-${index}`, socket };
    }),
  );
  try {
    for (const client of clients) await login(client, options);
    if (options.warmup > 0) await measure(clients, { ...options, messages: options.warmup }, 'w');
    return await measure(clients, options, 'm');
  } finally {
    for (const client of clients) {
      client.socket.send(`Q ${client.name}`, options.port, options.host, () => client.socket.close());
    }
  }
}

async function login(client: Client, options: LoadOptions): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const reply = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 1000);
      const onMessage = (bytes: Buffer): void => {
        const text = bytes.toString();
        if (text === 'OK' || !text.includes(' joined ')) {
          clearTimeout(timer);
          client.socket.removeListener('message', onMessage);
          resolve(text);
        }
      };
      client.socket.on('message', onMessage);
    });
    client.socket.send(`L ${client.name}`, options.port, options.host);
    const text = await reply;
    if (text === 'OK') return;
    if (text !== undefined) throw new Error(`${client.name} refused: ${text}`);
  }
  throw new Error(`no answer from ${options.host}:${options.port}`);
}

async function measure(clients: readonly Client[], options: LoadOptions, phase: 'w' | 'm'): Promise<LoadResult> {
  const expected = clients.length * options.messages * (clients.length - 1);
  const latencies = new Float64Array(expected);
  let received = 0;
  let sent = 0;
  let firstSend = Number.NaN;
  let lastReceive = Number.NaN;

  for (const client of clients) {
    client.socket.removeAllListeners('message');
    client.socket.on('message', (bytes: Buffer) => {
      const now = performance.now();
      const match = LINE.exec(bytes.toString());
      if (match === null || match[1] !== phase) return; // join notices, stragglers of the warm-up
      if (received < expected) latencies[received] = now - Number(match[4]);
      received += 1;
      lastReceive = now;
    });
  }

  const sendOne = (client: Client, seq: number): void => {
    const now = performance.now();
    if (Number.isNaN(firstSend)) firstSend = now;
    client.socket.send(`C ${client.name} ${phase} ${client.index}.${seq}.${now.toFixed(3)}`, options.port, options.host);
    sent += 1;
  };

  if (options.rate <= 0) {
    for (let seq = 0; seq < options.messages; seq += 1) for (const client of clients) sendOne(client, seq);
  } else {
    await paced(clients, options, sendOne);
  }

  // Done when every delivery came, or nothing new came for quietMs.
  await new Promise<void>((resolve) => {
    let seen = -1;
    const check = (): void => {
      if (received >= expected || received === seen) return resolve();
      seen = received;
      setTimeout(check, options.quietMs);
    };
    setTimeout(check, Math.min(200, options.quietMs));
  });

  const count = Math.min(received, expected);
  const sorted = latencies.slice(0, count).sort();
  return { sent, expected, received, elapsedMs: lastReceive - firstSend, latenciesMs: sorted };
}

/** Each client sends every 1000/rate ms; client i starts i/N of a period late, so sends interleave. */
async function paced(clients: readonly Client[], options: LoadOptions, sendOne: (client: Client, seq: number) => void): Promise<void> {
  const period = 1000 / options.rate;
  const start = performance.now() + 20;
  const nextSeq = clients.map(() => 0);
  const due = clients.map((client) => start + (client.index * period) / clients.length);
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      let soonest = Number.POSITIVE_INFINITY;
      for (const client of clients) {
        let seq = nextSeq[client.index] ?? options.messages;
        let at = due[client.index] ?? Number.POSITIVE_INFINITY;
        while (seq < options.messages && at <= now) {
          sendOne(client, seq);
          seq += 1;
          at += period;
        }
        nextSeq[client.index] = seq;
        due[client.index] = at;
        if (seq < options.messages) soonest = Math.min(soonest, at);
      }
      if (soonest === Number.POSITIVE_INFINITY) return resolve();
      // Timers, not a setImmediate spin: on two cores a spinning load generator
      // would take the CPU the server needs. Sends due within a tick go together.
      setTimeout(tick, Math.max(0, soonest - performance.now()));
    };
    tick();
  });
}

/** The q-quantile of ascending values (nearest rank). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
