// The keyboard child of `procview chat client` (title `procview chat-input
// NAME HOST:PORT`, the server's address: its own argv holds both, so it fits): reads lines and sends them as `C name text`, sends a heartbeat, and
// `Q name` on `quit`, end of input, Ctrl-C or when the parent asks. It sends
// through the parent's own UDP socket, received over the fork channel.
import { Socket } from 'node:dgram';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CLIENT_WORDING } from './client-text.js';
import { isLang } from './messages.js';
import { DEFAULT_HOST, formatRequest, MAX_TEXT_BYTES } from './protocol.js';
import { titleBase } from './room-titles.js';
import { setRoomTitle } from './title.js';
import { formatHostPort, stopReceiving } from './udp.js';
import { refuseInspectorSignal } from '../base/inspector-signal.js';

refuseInspectorSignal();

/** If the parent never lets go after Q, do not linger. */
const ORPHAN_EXIT_MS = 5000;

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    name: { type: 'string' },
    heartbeat: { type: 'string' },
    lang: { type: 'string' },
  },
});
const host = values.host ?? DEFAULT_HOST;
const port = Number(values.port);
const name = values.name ?? '';
const heartbeatMs = Number(values.heartbeat ?? 0);
const wording = CLIENT_WORDING[values.lang !== undefined && isLang(values.lang) ? values.lang : 'en'];
setRoomTitle(titleBase('input', name), formatHostPort(host, port));

let socket: Socket | undefined;
let keyboard: Interface | undefined;
let heartbeat: NodeJS.Timeout | undefined;
let leaveRequested = false;
let left = false;

function send(text: string): void {
  socket?.send(text, port, host, (error) => {
    if (error) process.stderr.write(`procview chat: ${error.message}\n`);
  });
}

function leave(): void {
  if (socket === undefined) {
    leaveRequested = true;
    return;
  }
  if (left) return;
  left = true;
  clearInterval(heartbeat);
  send(formatRequest({ verb: 'Q', name }));
  // The parent now waits for EXIT, bounded: a dead server must not keep `quit` waiting.
  process.send?.({ type: 'leaving' });
  keyboard?.close();
  // The parent disconnects once the server answers EXIT; this is only a backstop.
  setTimeout(() => process.exit(0), ORPHAN_EXIT_MS).unref();
}

function onLine(raw: string): void {
  if (left) return;
  const line = raw.replace(/\r$/u, '');
  if (line.trim() === 'quit') return leave();
  if (line.trim().length === 0) return;
  if (Buffer.byteLength(line) > MAX_TEXT_BYTES) {
    process.stderr.write(`${wording.tooLong(MAX_TEXT_BYTES)}\n`);
    return;
  }
  send(formatRequest({ verb: 'C', name, text: line }));
}

function start(handed: Socket): void {
  socket = handed;
  if (!stopReceiving(handed)) {
    // Fallback: whatever this copy reads goes to the parent, which prints it.
    handed.on('message', (bytes, from) => {
      process.send?.({ type: 'datagram', data: bytes.toString('base64'), address: from.address, port: from.port });
    });
  }
  handed.on('error', () => undefined);
  if (heartbeatMs > 0) {
    send(formatRequest({ verb: 'H', name }));
    heartbeat = setInterval(() => send(formatRequest({ verb: 'H', name })), heartbeatMs);
  }
  if (leaveRequested) return leave();
  keyboard = createInterface({ input: process.stdin, terminal: false });
  keyboard.on('line', onLine);
  keyboard.on('close', leave); // end of input (Ctrl-D, closed pipe) leaves too
}

process.on('message', (message: unknown, handle: unknown) => {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (type === 'socket' && handle instanceof Socket && socket === undefined) start(handle);
  else if (type === 'leave') leave();
});
// Ctrl-C reaches the whole foreground group: this process sends Q, the parent waits for EXIT.
process.on('SIGINT', leave);
process.on('SIGTERM', leave);
process.on('SIGHUP', leave);
process.on('disconnect', () => {
  // Normally the parent lets go after EXIT. If it died instead, say goodbye for it.
  if (left || socket === undefined) return process.exit(0);
  left = true;
  socket.send(formatRequest({ verb: 'Q', name }), port, host, () => process.exit(0));
});
