// The unix-socket lesson's server: a stream socket bound to a file. A file
// left by a server that died (nobody accepts on it any more) is stale: bind()
// fails with EADDRINUSE until it is removed. A live one is left alone, and so
// is anything that is not a socket of ours (see ../../sockets/stale-socket.ts).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { errnoOf } from '../../process/errno.js';
import { removeOurSocketFile, removeStaleSocket } from '../../sockets/stale-socket.js';
import { t } from '../../text/i18n/message.js';
import { LineSplitter } from '../../text/lines.js';
import { keepLifeline, onLessonEnd, option, send } from './channel.js';
import { nextCommand } from './commands.js';

const path = option('path') ?? '';

function listen(server: Server): Promise<string | undefined> {
  return new Promise((resolve) => {
    const onError = (error: Error): void => resolve(errnoOf(error) ?? error.message);
    server.once('error', onError);
    server.listen(path, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

keepLifeline();
send('hello', { role: option('role') });

const server = createServer((connection) => {
  send('accepted');
  const splitter = new LineSplitter();
  connection.on('data', (chunk: Buffer) => {
    for (const line of splitter.push(chunk) ?? []) {
      send('received', { text: line });
      connection.write(`${t('demo.socket.serverReply', { line, pid: process.pid })}\n`);
    }
  });
  connection.on('error', () => connection.destroy());
});

let failure = await listen(server);
if (failure === 'EADDRINUSE') {
  send('bind-failed', { code: failure });
  // Removed only if it is a socket of ours that nobody answers on.
  const verdict = await removeStaleSocket(path);
  if (verdict.kind === 'live') {
    send('in-use');
    process.exit(3);
  }
  if (verdict.kind === 'foreign') {
    send('not-removed', { message: t('demo.socket.willNotRemove', { why: verdict.reason }) });
    process.exit(4);
  }
  if (verdict.kind === 'stale') send('stale-removed');
  failure = await listen(server);
}
if (failure !== undefined) {
  send('listen-failed', { code: failure });
  process.exit(1);
}
// libuv removes the file when the server closes; on the way out without a close, we do.
onLessonEnd(() => removeOurSocketFile(path));
send('listening', { path });

for (;;) {
  if ((await nextCommand()) === 'stop') {
    server.close(() => {
      send('closed', { fileRemoved: !existsSync(path) });
      process.exit(0);
    });
    // close() waits for open connections; the client has said goodbye by now.
    server.unref();
  }
}
