// The unix-socket lesson's client: connects to the server's file, sends a few
// lines, spaced so the talk lasts about one hold, reads the replies, and hangs
// up when procview says so.
import { connect } from 'node:net';
import { t } from '../../text/i18n/message.js';
import { LineSplitter } from '../../text/lines.js';
import { holdMs, keepLifeline, numberOption, option, send } from './channel.js';
import { nextCommand } from './commands.js';

const path = option('path') ?? '';
const count = Math.max(1, numberOption('count', 3));

keepLifeline();
send('hello', { role: 'client' });

const socket = connect(path);
socket.on('error', (error) => {
  send('client-error', { message: error.message });
  process.exit(1);
});
socket.on('connect', () => {
  send('connected');
  let sent = 0;
  const speak = (): void => {
    sent += 1;
    socket.write(`${t('demo.socket.clientLine', { n: sent, pid: process.pid })}\n`);
    if (sent < count) setTimeout(speak, holdMs / count);
  };
  speak();
});

let replies = 0;
const splitter = new LineSplitter();
socket.on('data', (chunk: Buffer) => {
  for (const line of splitter.push(chunk) ?? []) {
    replies += 1;
    send('reply', { text: line });
    if (replies === count) void nextCommand().then(() => socket.end());
  }
});
socket.on('close', () => {
  send('bye', { replies });
  process.exit(0);
});
