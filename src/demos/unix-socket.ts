// Lesson: unix-socket. A stream server on a socket file, a client talking to
// it, a stale file from a crashed server removed before bind, and the file
// gone at the end.
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendSignal } from '../inspect/control.js';
import { LessonProblem } from './problem.js';
import { fileTypeLetter, longListing } from './file-mode.js';
import { defineDemo } from './lesson.js';
import { stringField } from './messages.js';

/** `ls -ln` of the path, or a sentence when there is nothing there. */
function listing(path: string): string {
  try {
    return longListing(lstatSync(path), path);
  } catch {
    return `(no file at ${path})`;
  }
}

function isSocketFile(path: string): boolean {
  try {
    return lstatSync(path).isSocket();
  } catch {
    return false;
  }
}

export const unixSocketDemo = defineDemo({
  name: 'unix-socket',
  summary: 'a stream server on a Unix socket file and a client exchanging messages; stale file removed first',
  async teach({ lab, watch, say, see, seeGone, hold, check, onCleanup }) {
    const path = join(tmpdir(), `procview-demo-${process.pid}.sock`);
    // Whatever happens, do not leave our socket file behind (only ever a socket: never remove anything else).
    onCleanup(() => {
      if (isSocketFile(path)) unlinkSync(path);
    });
    say('A Unix domain socket is a local IPC endpoint named by a file: the server bind()s a path and listen()s, ' +
      'clients connect() to that path. It is the socket API of TCP, without the network; who may connect is decided ' +
      'by the file\'s permissions.');
    say(`First a stale socket file: a server binds ${path} and is then killed with SIGKILL, so it never removes it.`);

    const crashed = lab.start('socket-server', [`path=${path}`, 'role=crashed']);
    await lab.message('listening', (m) => m.pid === crashed.pid);
    const crashedRow = await watch.proc(crashed.pid, 'the first server');
    see(crashedRow, `a server listening on ${path}`);
    say(`ls -ln: ${listing(path)}`);
    const killed = await sendSignal({ pid: crashedRow.pid, startTime: crashedRow.startTime, comm: crashedRow.comm }, 'KILL');
    if (!killed.ok) throw new LessonProblem(killed.message);
    await crashed.exited;
    await watch.gone(crashed.pid, 'the killed server leaves the table', crashedRow);
    seeGone(crashed.pid, crashedRow, 'killed by SIGKILL: no chance to clean up');
    check(isSocketFile(path), 'the killed server left no socket file behind');
    say(`Left behind: ${listing(path)}. The leading "s" is the file type (socket), from the mode bits lstat() ` +
      'returns. Nobody accepts connections on it any more: it is stale.');

    say('A new server starts on the same path.');
    const server = lab.start('socket-server', [`path=${path}`, 'role=server']);
    const failed = await lab.message('bind-failed', (m) => m.pid === server.pid);
    say(`server: bind() failed with ${stringField(failed, 'code') ?? '?'}: the name is taken by the old file.`);
    await lab.message('stale-removed', (m) => m.pid === server.pid);
    say('server: connect() to it was refused (ECONNREFUSED), so nobody listens: the file is stale. Removed it (unlink) ' +
      'and bound again. (A server must not remove a file a live server still answers on.)');
    await lab.message('listening', (m) => m.pid === server.pid);
    const stats = lstatSync(path);
    check(fileTypeLetter(stats.mode) === 's', `the server's file has type ${fileTypeLetter(stats.mode)}, not s`);
    say(`ls -ln: ${listing(path)}`);

    const client = lab.start('socket-client', [`path=${path}`, 'count=3']);
    await lab.message('connected', (m) => m.pid === client.pid);
    const [serverRow, clientRow] = await watch.until('server and client', (snapshot) => {
      const s = snapshot.procs.get(server.pid);
      const c = snapshot.procs.get(client.pid);
      return s !== undefined && c !== undefined ? ([s, c] as const) : undefined;
    });
    see(serverRow, 'the server: sleeps until a client writes (S)');
    see(clientRow, `the client: connected to ${path}`);
    let replies = 0;
    for (let index = 0; index < 3; index += 1) {
      const received = await lab.message('received', (m) => m.pid === server.pid);
      say(`client → server: ${JSON.stringify(received.text)}`);
      const reply = await lab.message('reply', (m) => m.pid === client.pid);
      say(`server → client: ${JSON.stringify(reply.text)}`);
      replies += 1;
    }
    check(replies === 3, `only ${replies} replies came back`);
    await hold();
    client.command('close');
    const bye = await lab.message('bye', (m) => m.pid === client.pid);
    say(`client: got ${String(bye.replies)} replies, closed the connection (told to by procview) and exits.`);
    await watch.gone(client.pid, 'the client leaves the table', clientRow);
    seeGone(client.pid, clientRow, 'the client exited');

    say('The server closes its listening socket; closing removes the file too (libuv unlinks the path).');
    server.command('stop');
    const closed = await lab.message('closed', (m) => m.pid === server.pid);
    await watch.gone(server.pid, 'the server leaves the table', serverRow);
    seeGone(server.pid, serverRow, 'the server exited');
    check(closed.fileRemoved === true && !existsSync(path), `${path} still exists after the server closed`);
    say(existsSync(path) ? `still there: ${listing(path)}` : `ls -ln: ${listing(path)} — removed.`);
  },
});
