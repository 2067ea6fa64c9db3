// The unix-socket lesson's server: a stream socket bound to a file. A file
// left by a server that died (nobody accepts on it any more) is stale: bind()
// fails with EADDRINUSE until it is removed. A live one is left alone, and so
// is anything that is not a socket of ours (see ../socket-file.ts).
import { existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { createLineSplitter } from '../lines.js';
import { errorCode } from '../problem.js';
import { notOurSocket } from '../socket-file.js';
import { keepLifeline, onLessonEnd, option, send } from './channel.js';
import { nextCommand } from './commands.js';

const path = option('path') ?? '';

function removeOurSocket(): void {
  if (existsSync(path) && notOurSocket(path) === undefined) unlinkSync(path);
}

/** Does anybody accept connections on `path`? ECONNREFUSED means a stale file. */
function probe(): Promise<'live' | 'stale'> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve('live');
    });
    socket.once('error', () => resolve('stale'));
  });
}

function listen(server: Server): Promise<string | undefined> {
  return new Promise((resolve) => {
    const onError = (error: Error): void => resolve(errorCode(error) ?? error.message);
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
  connection.setEncoding('utf8');
  const splitLines = createLineSplitter();
  connection.on('data', (chunk: string) => {
    for (const line of splitLines(chunk)) {
      send('received', { text: line });
      connection.write(`got "${line}" (server pid ${process.pid})\n`);
    }
  });
  connection.on('error', () => connection.destroy());
});

let failure = await listen(server);
if (failure === 'EADDRINUSE') {
  send('bind-failed', { code: failure });
  if ((await probe()) === 'live') {
    send('in-use');
    process.exit(3);
  }
  // Nobody answers: remove the name, but only if it is a socket of ours.
  const refusal = notOurSocket(path);
  if (refusal !== undefined) {
    send('not-removed', { message: `will not remove ${refusal}` });
    process.exit(4);
  }
  unlinkSync(path);
  send('stale-removed');
  failure = await listen(server);
}
if (failure !== undefined) {
  send('listen-failed', { code: failure });
  process.exit(1);
}
// libuv removes the file when the server closes; on the way out without a close, we do.
onLessonEnd(removeOurSocket);
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
