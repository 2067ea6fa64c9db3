// `procview chat client`: asks for a name until the server says OK, then runs
// as two processes like the classic client. This process (title `procview
// chat-client NAME HOST:PORT`, the address only if it fits whole in this
// process's own argv) receives and prints; its child (`procview chat-input
// NAME HOST:PORT`, input-main.ts) reads the keyboard and sends, through the
// same UDP socket handed over the fork channel — the server knows a member by
// its source address and port, so both must use one socket.
import { fork } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import type { Socket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { CommandError } from '../base/errors.js';
import { hasExited, stopChild } from '../process/child-exit.js';
import { awaitStopSignal, type StopSignal } from '../process/stop-signals.js';
import { decodeUtf8Lossy, stripControls } from '../text/sanitize.js';
import { CLIENT_WORDING, type ClientWording } from './client-text.js';
import { readLineSync } from './keyboard.js';
import type { Lang } from './messages.js';
import { formatRequest, REPLY_EXIT, REPLY_HEARTBEAT, REPLY_OK } from './protocol.js';
import { titleBase } from './room-titles.js';
import { setRoomTitle } from './title.js';
import { bindUdp, CLIENT_BUFFER_BYTES, formatHostPort } from './udp.js';

export interface ChatClientOptions {
  readonly host: string;
  readonly port: number;
  readonly lang: Lang;
  /** Tried first; if the server refuses it, the client asks. */
  readonly name?: string | undefined;
  /** How often the keyboard child sends `H name`; 0 sends none. */
  readonly heartbeatMs: number;
  readonly write?: ((text: string) => void) | undefined;
}

const INPUT_SCRIPT = fileURLToPath(new URL('./input-main.js', import.meta.url));
const REPLY_WAIT_MS = 1000;
const LOGIN_TRIES = 3;
const LEAVE_WAIT_MS = 2000;
const CHILD_STOP_MS = 1000;
const LEAVE_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Heartbeats missed in a row before a server that used to answer them counts as gone (and at least this long). */
const MISSED_HEARTBEATS = 3;
const MIN_SILENCE_MS = 3000;

interface Server {
  readonly address: string;
  readonly port: number;
}

export async function runChatClient(options: ChatClientOptions): Promise<number> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const wording = CLIENT_WORDING[options.lang];
  const resolved = await lookup(options.host).catch(() => {
    throw new CommandError(wording.cannotResolve(options.host));
  });
  const server: Server = { address: resolved.address, port: options.port };
  const socket = await bindUdp({ host: undefined, port: 0, type: resolved.family === 6 ? 'udp6' : 'udp4', bufferBytes: CLIENT_BUFFER_BYTES });
  const inbox = new Inbox();
  socket.on('message', (bytes, from) => {
    // Only the server speaks to us; a third-party server may be hostile, so strip again.
    if (from.address === server.address && from.port === server.port) inbox.push(stripControls(decodeUtf8Lossy(bytes)));
  });
  socket.on('error', () => undefined);
  try {
    const name = await login(socket, server, inbox, options, wording, write);
    if (name === undefined) {
      socket.close();
      return 0;
    }
    return await chat(socket, server, inbox, name, options, wording, write);
  } catch (error) {
    socket.close();
    throw error;
  }
}

/** Lines from the server, handed to whoever waits for them (login), or to a printer (chat). */
class Inbox {
  private listener: ((line: string) => void) | undefined;
  private readonly queue: string[] = [];

  push(line: string): void {
    if (this.listener !== undefined) this.listener(line);
    else this.queue.push(line);
  }

  /** Forgets queued copies of `line` (a late answer to a repeated login). */
  discard(line: string): void {
    for (let index = this.queue.indexOf(line); index >= 0; index = this.queue.indexOf(line)) this.queue.splice(index, 1);
  }

  listen(listener: ((line: string) => void) | undefined): void {
    this.listener = listener;
    while (listener !== undefined && this.queue.length > 0) listener(this.queue.shift() ?? '');
  }

  /** The next line within `ms`, or undefined. */
  async next(ms: number): Promise<string | undefined> {
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.listener = undefined;
        resolve(undefined);
      }, ms);
      this.listener = (line) => {
        clearTimeout(timer);
        this.listener = undefined;
        resolve(line);
      };
    });
  }
}

function send(socket: Socket, server: Server, text: string): void {
  socket.send(text, server.port, server.address);
}

async function login(
  socket: Socket,
  server: Server,
  inbox: Inbox,
  options: ChatClientOptions,
  wording: ClientWording,
  write: (text: string) => void,
): Promise<string | undefined> {
  let candidate = options.name;
  for (;;) {
    if (candidate === undefined) {
      write(wording.prompt);
      // Blocking on purpose (see keyboard.ts); Ctrl-C here simply ends the process.
      candidate = readLineSync(0);
      if (candidate === undefined) {
        write('\n');
        throw new CommandError(wording.noName);
      }
    }
    // A Ctrl-C while the server is asked must not kill us with a login half done.
    const stop = awaitStopSignal(LEAVE_SIGNALS);
    let reply: string | undefined;
    try {
      for (let attempt = 0; attempt < LOGIN_TRIES && reply === undefined; attempt += 1) {
        send(socket, server, formatRequest({ verb: 'L', name: candidate }));
        reply = await inbox.next(REPLY_WAIT_MS);
      }
    } finally {
      stop.dispose();
    }
    const interrupted = stop.caught !== undefined;
    if (reply === undefined) throw new CommandError(wording.noAnswer(formatHostPort(server.address, server.port)));
    if (reply === REPLY_OK && !interrupted) return candidate;
    if (interrupted) {
      // Logged in just as the user gave up: leave again rather than linger in the room.
      if (reply === REPLY_OK) {
        send(socket, server, formatRequest({ verb: 'Q', name: candidate }));
        await inbox.next(REPLY_WAIT_MS);
      }
      return undefined;
    }
    write(`${reply}\n`);
    candidate = undefined;
  }
}

async function chat(
  socket: Socket,
  server: Server,
  inbox: Inbox,
  name: string,
  options: ChatClientOptions,
  wording: ClientWording,
  write: (text: string) => void,
): Promise<number> {
  // The dashboard does not rely on this address: the child's title always has it.
  setRoomTitle(titleBase('client', name), formatHostPort(server.address, server.port));
  // The first heartbeat comes from here, at once: a client killed before its
  // child is up is then still one of ours, and evicted when it falls silent.
  if (options.heartbeatMs > 0) send(socket, server, formatRequest({ verb: 'H', name }));
  // The child's own argv carries the name and address, so its title fits (see title.ts).
  const child = fork(
    INPUT_SCRIPT,
    ['--host', server.address, '--port', String(server.port), '--name', name, '--heartbeat', String(options.heartbeatMs), '--lang', options.lang],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  child.on('error', () => undefined);
  child.send({ type: 'socket' }, socket);

  return new Promise<number>((resolve) => {
    let leaving = false;
    let finished = false;
    let leaveTimer: NodeJS.Timeout | undefined;
    let stop: StopSignal | undefined;
    // A server that answered a heartbeat is ours; only then does its silence mean something
    // (a classic server never answers one, and a quiet room says nothing for hours).
    let answersHeartbeats = false;
    let lastHeard = performance.now();
    const silenceMs = Math.max(MISSED_HEARTBEATS * options.heartbeatMs, MIN_SILENCE_MS);
    const heard = (from: { address: string; port: number }): void => {
      if (from.address === server.address && from.port === server.port) lastHeard = performance.now();
    };
    socket.on('message', (_bytes, from) => heard(from));
    const watchdog =
      options.heartbeatMs > 0
        ? setInterval(
            () => {
              const silent = performance.now() - lastHeard;
              if (!answersHeartbeats || silent <= silenceMs || finished) return;
              write(`${wording.serverSilent(Math.floor(silent / 1000))}\n`);
              // Nobody to say Q to: end at once.
              finish(1);
            },
            Math.min(options.heartbeatMs, MIN_SILENCE_MS),
          )
        : undefined;

    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      clearTimeout(leaveTimer);
      stop?.dispose();
      inbox.listen(undefined);
      // Letting go of the channel is the child's cue to exit (input-main.ts).
      if (!hasExited(child) && child.connected) child.disconnect();
      void stopChild(child, { signal: null, graceMs: CHILD_STOP_MS }).then(() => {
        socket.close();
        resolve(code);
      });
    };

    const quit = (): void => send(socket, server, formatRequest({ verb: 'Q', name }));
    const awaitExit = (): void => {
      leaving = true;
      leaveTimer = setTimeout(() => {
        write(`${wording.noAnswer(formatHostPort(server.address, server.port))}\n`);
        finish(1);
      }, LEAVE_WAIT_MS);
    };

    function leave(): void {
      if (leaving || finished) return;
      // The sender child sends Q; if it is gone, this process does (same socket).
      const childAlive = !hasExited(child) && child.connected;
      if (childAlive) child.send({ type: 'leave' });
      else quit();
      awaitExit();
    }

    inbox.discard(REPLY_OK);
    inbox.listen((line) => {
      if (line === REPLY_HEARTBEAT) {
        answersHeartbeats = true;
      } else if (line === REPLY_EXIT) {
        write(`${wording.left}\n`);
        finish(0);
      } else {
        write(`${line}\n`);
      }
    });
    child.on('message', (raw: unknown) => {
      if (isLeaving(raw)) {
        if (!leaving && !finished) awaitExit();
        return;
      }
      // Only if the child could not stop reading its copy of the socket (see udp.ts).
      const relayed = asRelayed(raw);
      if (relayed !== undefined && relayed.address === server.address && relayed.port === server.port) {
        heard(relayed);
        inbox.push(stripControls(decodeUtf8Lossy(Buffer.from(relayed.data, 'base64'))));
      }
    });
    child.once('exit', () => {
      if (finished) return;
      // The child may have died before it could send Q (a Ctrl-C before its
      // handlers were up, a kill): say it from here. A second Q is harmless,
      // the server ignores Q from an address that is no longer in the room.
      quit();
      if (!leaving) awaitExit();
    });
    stop = awaitStopSignal(LEAVE_SIGNALS);
    void stop.received.then(leave);
    // Only now: from the moment the user reads this, Ctrl-C leaves cleanly.
    write(`${wording.joined(name)}\n`);
  });
}

function asRelayed(raw: unknown): { data: string; address: string; port: number } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, data, address, port } = raw as Record<string, unknown>;
  return type === 'datagram' && typeof data === 'string' && typeof address === 'string' && typeof port === 'number' ? { data, address, port } : undefined;
}

function isLeaving(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).type === 'leaving';
}
