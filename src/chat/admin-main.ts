// The admin child of `procview chat server` (title `procview chat-admin
// HOST:PORT`). It reads lines from the server's terminal and has them
// broadcast as the admin, and serves the same to `procview chat say` and the
// dashboard on a private Unix socket. It reaches the server only over the fork
// IPC channel.
import { createInterface } from 'node:readline';
import type { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { stripControls } from '../text/sanitize.js';
import { asToAdmin, type ToServer } from './admin-ipc.js';
import { bindAdminSocket, type BoundSocket } from './admin-socket.js';
import { LineSplitter } from '../text/lines.js';
import { encodeFrame, MAX_FRAME_BYTES, parseClientFrame, type AdminFrame } from './admin-wire.js';
import { titleBase } from './room-titles.js';
import { setRoomTitle } from './title.js';
import { formatHostPort } from './udp.js';
import { refuseInspectorSignal } from '../base/inspector-signal.js';

refuseInspectorSignal();

/** Queued room lines a slow socket client may have before it is dropped. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

type Asker = { readonly connection: Socket; readonly id: number } | 'terminal';

const { values } = parseArgs({
  options: { host: { type: 'string' }, port: { type: 'string' }, socket: { type: 'string' } },
});
const { host = '?', port = '?', socket: socketPath } = values;
setRoomTitle(titleBase('admin'), formatHostPort(host, Number(port)));

function toServer(message: ToServer): void {
  if (process.connected) process.send?.(message);
}

const connections = new Set<Socket>();
const askers = new Map<number, Asker>();
let nextId = 1;
let bound: BoundSocket | undefined;

function ask(text: string, asker: Asker): void {
  const id = nextId++;
  askers.set(id, asker);
  toServer({ type: 'say', id, text });
}

/** Writes frames already encoded; a connection too far behind is dropped. */
function sendEncoded(connection: Socket, text: string): void {
  if (connection.writableLength > MAX_BACKLOG_BYTES) return void connection.destroy();
  connection.write(text);
}

function sendFrame(connection: Socket, frame: AdminFrame): void {
  sendEncoded(connection, encodeFrame(frame));
}

// Room lines flow from the server only while someone here wants them. A new
// connection is told `ready` once the server has confirmed they flow, so a
// line broadcast after connectAdmin resolves is never missed. The channel is
// ordered: the state is settled when no request is outstanding.
let outstanding = 0;
let serverSends = false;
const awaitingReady = new Set<Socket>();

function requestLines(on: boolean): void {
  outstanding += 1;
  toServer({ type: 'watch', on });
}

function linesConfirmed(on: boolean): void {
  outstanding -= 1;
  serverSends = on;
  if (outstanding !== 0 || !serverSends) return;
  for (const connection of awaitingReady) sendFrame(connection, { ready: true });
  awaitingReady.clear();
}

function serve(connection: Socket): void {
  connections.add(connection);
  if (connections.size === 1) requestLines(true);
  if (outstanding === 0 && serverSends) sendFrame(connection, { ready: true });
  else awaitingReady.add(connection);
  const splitter = new LineSplitter(MAX_FRAME_BYTES);
  connection.on('data', (chunk: Buffer) => {
    const lines = splitter.push(chunk);
    // These two id-less errors stay English: they are protocol replies on the admin
    // socket for the program at the other end (admin-client.ts settles only frames
    // with an id and, when the socket then closes, tells the person in their
    // language: chat.admin.closedByServer), not sentences procview shows anyone.
    if (lines === undefined) {
      sendFrame(connection, { error: 'request too long' });
      return void connection.end();
    }
    for (const line of lines) {
      const frame = parseClientFrame(line);
      if (frame === undefined) sendFrame(connection, { error: 'expected {"id":N,"say":"text"}' });
      else ask(frame.say, { connection, id: frame.id });
    }
  });
  connection.on('error', () => undefined);
  connection.on('close', () => {
    connections.delete(connection);
    awaitingReady.delete(connection);
    if (connections.size === 0) requestLines(false);
  });
}

let ending = false;
function end(code: number): void {
  if (ending) return;
  ending = true;
  bound?.removeFile();
  for (const connection of connections) connection.destroy();
  process.exit(code);
}

process.on('message', (raw) => {
  const message = asToAdmin(raw);
  if (message === undefined) return;
  if (message.type === 'shutdown') return end(0);
  if (message.type === 'watching') return linesConfirmed(message.on);
  if (message.type === 'lines') {
    // Encoded once for every connection.
    let text = '';
    for (const line of message.lines) text += encodeFrame({ line });
    for (const connection of connections) sendEncoded(connection, text);
    return;
  }
  const asker = askers.get(message.id);
  askers.delete(message.id);
  if (asker === 'terminal') {
    if (message.error !== undefined) process.stderr.write(`procview chat: ${stripControls(message.error)}\n`);
  } else if (asker !== undefined && !asker.connection.destroyed) {
    sendFrame(asker.connection, message.error === undefined ? { id: asker.id, ok: true } : { id: asker.id, error: message.error });
  }
});

// The server leads a Ctrl-C (the terminal signals the whole group): it tells
// the room and then sends us `shutdown`. A server that vanished (even by
// SIGKILL) closes the channel, and we go too, taking the socket file along.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => end(0));
process.on('SIGHUP', () => end(0));
process.on('disconnect', () => end(0));
process.on('exit', () => bound?.removeFile());

// Lines typed in the server's terminal. With stdin closed or /dev/null this
// just ends at once and the admin goes on serving the socket.
function readTerminal(): void {
  const terminal = createInterface({ input: process.stdin, terminal: false });
  terminal.on('line', (line) => {
    if (line.trim().length > 0) ask(line, 'terminal');
  });
}

try {
  if (socketPath === undefined) throw new Error('no --socket given');
  bound = await bindAdminSocket(socketPath);
  bound.server.on('connection', serve);
  toServer({ type: 'ready' });
  readTerminal();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // Exit only once the report is written: process.exit does not flush the channel.
  if (process.connected && process.send !== undefined) process.send({ type: 'failed', message } satisfies ToServer, () => end(1));
  else end(1);
}
