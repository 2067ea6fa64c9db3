// Lesson: unix-socket. A stream server on a socket file, a client talking to
// it, a stale file from a crashed server removed before bind, and the file
// gone at the end. All of it inside a private directory of procview's own.
import { existsSync, lstatSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendSignal } from '../inspect/control.js';
import { notOurSocket, removeOurSocketFile } from '../sockets/stale-socket.js';
import { fileTypeLetter, longListing } from '../text/file-mode.js';
import { t } from '../text/i18n/message.js';
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
    return t('demo.socket.noFile', { path });
  }
}

export const unixSocketDemo = defineDemo({
  name: 'unix-socket',
  summary: 'demo.unix-socket.summary',
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
    say(t('demo.socket.intro'));
    say(t('demo.socket.dir', { listing: listing(dir) }));
    say(t('demo.socket.staleFirst', { path }));

    const crashed = lab.start('socket-server', [`path=${path}`, 'role=crashed']);
    await lab.message('listening', (m) => m.pid === crashed.pid);
    const crashedRow = await watch.proc(crashed.pid, t('demo.watch.firstServer'));
    see(crashedRow, t('demo.socket.listening', { path }));
    say(`ls -ln: ${listing(path)}`);
    const killed = await sendSignal({ pid: crashedRow.pid, startTime: crashedRow.startTime, comm: crashedRow.comm }, 'KILL');
    if (!killed.ok) throw new LessonProblem(killed.message);
    await seeReaped(crashed.pid, crashedRow, process.pid, t('demo.socket.killed'));
    const stale = notOurSocket(path) === undefined ? lstatSync(path, { bigint: true }) : undefined;
    if (stale === undefined) throw new LessonProblem(t('demo.check.noStale', { path }));
    say(t('demo.socket.leftBehind', { listing: listing(path) }));

    say(t('demo.socket.newServer'));
    const server = lab.start('socket-server', [`path=${path}`, 'role=server']);
    const failed = await lab.message('bind-failed', (m) => m.pid === server.pid);
    say(t('demo.socket.bindFailed', { code: stringField(failed, 'code') ?? '?' }));
    const verdict = await lab.message(['stale-removed', 'in-use', 'not-removed'], (m) => m.pid === server.pid);
    if (verdict.kind !== 'stale-removed') {
      throw new LessonProblem(t('demo.check.notRemoved', { why: stringField(verdict, 'message') ?? verdict.kind }));
    }
    say(t('demo.socket.removed'));
    await lab.message('listening', (m) => m.pid === server.pid);
    const stats = lstatSync(path, { bigint: true });
    check(fileTypeLetter(Number(stats.mode)) === 's', t('demo.check.fileType', { type: fileTypeLetter(Number(stats.mode)) }));
    // A file's identity is inode + change time, as a process's is pid + start time: tmpfs hands a freed inode number out again at once.
    const newer = stats.ino !== stale.ino || stats.ctimeNs > stale.ctimeNs;
    check(newer, t('demo.check.stillStale', { path, inode: String(stale.ino) }));
    const later = Number(stats.ctimeNs - stale.ctimeNs) / 1e6;
    say(t('demo.socket.newFile', { listing: listing(path), inode: String(stats.ino), ms: later.toFixed(0) }));

    const client = lab.start('socket-client', [`path=${path}`, `count=${MESSAGES}`]);
    await lab.message('connected', (m) => m.pid === client.pid);
    // Between the client's lines the server waits in epoll_wait: S.
    const [serverRow, clientRow] = await watch.until(t('demo.watch.serverClient'), (snapshot) =>
      rowsOf(snapshot, [server.pid, client.pid], (row) => row.pid !== server.pid || row.state === 'S'),
    );
    see(serverRow, t('demo.socket.serverSleeps'));
    see(clientRow, t('demo.socket.clientConnected', { path }));
    for (let index = 0; index < MESSAGES; index += 1) {
      const received = await lab.message('received', (m) => m.pid === server.pid);
      say(t('demo.socket.toServer', { text: JSON.stringify(received.text) }));
      const reply = await lab.message('reply', (m) => m.pid === client.pid);
      say(t('demo.socket.toClient', { text: JSON.stringify(reply.text) }));
    }
    await hold();
    client.command('close');
    const bye = await lab.message('bye', (m) => m.pid === client.pid);
    say(t('demo.socket.bye', { replies: String(bye.replies) }));
    check(bye.replies === MESSAGES, t('demo.check.replies', { replies: String(bye.replies), expected: MESSAGES }));
    await seeReaped(client.pid, clientRow, process.pid, t('demo.socket.clientExited'));

    say(t('demo.socket.closing'));
    server.command('stop');
    await lab.message('closed', (m) => m.pid === server.pid);
    await seeReaped(server.pid, serverRow, process.pid, t('demo.socket.serverExited'));
    check(!existsSync(path), t('demo.check.stillExists', { path }));
    say(existsSync(path) ? t('demo.socket.stillThere', { listing: listing(path) }) : t('demo.socket.removedAtEnd', { listing: listing(path) }));
  },
});
