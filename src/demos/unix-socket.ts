// Lesson: unix-socket. A stream server on a socket file, a client talking to
// it, a stale file from a crashed server removed before bind, and the file
// gone at the end. All of it inside a private directory of procview's own.
import { existsSync, lstatSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendSignal } from '../inspect/control.js';
import { notOurSocket, removeOurSocketFile } from '../sockets/stale-socket.js';
import { fileTypeLetter, longListing } from '../text/file-mode.js';
import { rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';
import { stringField } from './messages.js';
import { LessonProblem } from './problem.js';

/** How many lines the client sends (each one answered). */
const MESSAGES = 3;

/** `ls -ln` of the path, or a sentence when there is nothing there. */
function listing(path: string): string {
  try {
    return longListing(lstatSync(path), path);
  } catch {
    return `(no file at ${path})`;
  }
}

export const unixSocketDemo = defineDemo({
  name: 'unix-socket',
  summary: 'a stream server on a Unix socket file and a client exchanging messages; stale file removed first',
  async teach({ lab, watch, say, see, seeReaped, hold, check, onCleanup }) {
    // mkdtemp(3) creates the directory with mode 0700: nobody else can put a
    // file (or a symbolic link) at our socket's name, or remove ours.
    const dir = mkdtempSync(join(tmpdir(), `procview-demo-${process.pid}-`));
    const path = join(dir, 'server.sock');
    // Whatever happens, leave nothing behind, and remove only a socket of ours and our (then empty) directory.
    onCleanup(() => {
      removeOurSocketFile(path);
      rmdirSync(dir);
    });
    say(
      'A Unix domain socket is a local IPC endpoint named by a file: the server bind()s a path and listen()s, ' +
        'clients connect() to that path. It is the socket API of TCP, without the network; who may connect is decided ' +
        "by the file's permissions, and by those of the directories on the way to it.",
    );
    say(`procview made a private directory for it (mkdtemp, mode 0700: only its owner may enter): ls -lnd: ${listing(dir)}`);
    say(`First a stale socket file: a server binds ${path} and is then killed with SIGKILL, so it never removes it.`);

    const crashed = lab.start('socket-server', [`path=${path}`, 'role=crashed']);
    await lab.message('listening', (m) => m.pid === crashed.pid);
    const crashedRow = await watch.proc(crashed.pid, 'the first server');
    see(crashedRow, `a server listening on ${path}`);
    say(`ls -ln: ${listing(path)}`);
    const killed = await sendSignal({ pid: crashedRow.pid, startTime: crashedRow.startTime, comm: crashedRow.comm }, 'KILL');
    if (!killed.ok) throw new LessonProblem(killed.message);
    await seeReaped(crashed.pid, crashedRow, process.pid, 'killed by SIGKILL: no chance to clean up (procview, its parent, reaped it)');
    const stale = notOurSocket(path) === undefined ? lstatSync(path, { bigint: true }) : undefined;
    if (stale === undefined) throw new LessonProblem(`the killed server left no socket file behind at ${path}`);
    say(
      `Left behind: ${listing(path)}. The leading "s" is the file type (socket), from the mode bits lstat() ` +
        'returns. Nobody accepts connections on it any more: it is stale.',
    );

    say('A new server starts on the same path.');
    const server = lab.start('socket-server', [`path=${path}`, 'role=server']);
    const failed = await lab.message('bind-failed', (m) => m.pid === server.pid);
    say(`server: bind() failed with ${stringField(failed, 'code') ?? '?'}: the name is taken by the old file.`);
    const verdict = await lab.message(['stale-removed', 'in-use', 'not-removed'], (m) => m.pid === server.pid);
    if (verdict.kind !== 'stale-removed') {
      throw new LessonProblem(`the new server did not remove the stale file: ${stringField(verdict, 'message') ?? verdict.kind}`);
    }
    say(
      'server: connect() to it was refused (ECONNREFUSED), so nobody listens: the file is stale. lstat() showed a ' +
        'socket owned by our uid, so it removed it (unlink) and bound again. (A server must not remove a file a live ' +
        'server still answers on, nor anything that is not its own socket.)',
    );
    await lab.message('listening', (m) => m.pid === server.pid);
    const stats = lstatSync(path, { bigint: true });
    check(fileTypeLetter(Number(stats.mode)) === 's', `the server's file has type ${fileTypeLetter(Number(stats.mode))}, not s`);
    // A file's identity is inode + change time, as a process's is pid + start time: tmpfs hands a freed inode number out again at once.
    const newer = stats.ino !== stale.ino || stats.ctimeNs > stale.ctimeNs;
    check(newer, `${path} is still the stale file (inode ${stale.ino}, same change time)`);
    const later = Number(stats.ctimeNs - stale.ctimeNs) / 1e6;
    say(`ls -ln: ${listing(path)} — a new socket file (inode ${stats.ino}, made ${later.toFixed(0)} ms after the stale one)`);

    const client = lab.start('socket-client', [`path=${path}`, `count=${MESSAGES}`]);
    await lab.message('connected', (m) => m.pid === client.pid);
    // Between the client's lines the server waits in epoll_wait: S.
    const [serverRow, clientRow] = await watch.until('server and client', (snapshot) =>
      rowsOf(snapshot, [server.pid, client.pid], (row) => row.pid !== server.pid || row.state === 'S'),
    );
    see(serverRow, 'the server: sleeps until a client writes (S)');
    see(clientRow, `the client: connected to ${path}`);
    for (let index = 0; index < MESSAGES; index += 1) {
      const received = await lab.message('received', (m) => m.pid === server.pid);
      say(`client → server: ${JSON.stringify(received.text)}`);
      const reply = await lab.message('reply', (m) => m.pid === client.pid);
      say(`server → client: ${JSON.stringify(reply.text)}`);
    }
    await hold();
    client.command('close');
    const bye = await lab.message('bye', (m) => m.pid === client.pid);
    say(`client: got ${String(bye.replies)} replies, closed the connection (told to by procview) and exits.`);
    check(bye.replies === MESSAGES, `the client counted ${String(bye.replies)} replies, not ${MESSAGES}`);
    await seeReaped(client.pid, clientRow, process.pid, 'the client exited');

    say('The server closes its listening socket; closing removes the file too (libuv unlinks the path).');
    server.command('stop');
    await lab.message('closed', (m) => m.pid === server.pid);
    await seeReaped(server.pid, serverRow, process.pid, 'the server exited');
    check(!existsSync(path), `${path} still exists after the server closed`);
    say(existsSync(path) ? `still there: ${listing(path)}` : `ls -ln: ${listing(path)} — removed.`);
  },
});
