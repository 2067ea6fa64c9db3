// The socket side of the room: one UDP socket, the Room rules, and the admin
// child over IPC. Everything decided about a datagram is decided in room.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../process/child-exit.js';
import { languageEnv } from '../text/i18n/lang.js';
import { t } from '../text/i18n/message.js';
import { adminSocketPath } from './admin-client.js';
import { asToServer, type ToAdmin } from './admin-ipc.js';
import { awaitAdminReady } from './admin-start.js';
import type { Lang } from './messages.js';
import { ensurePrivateDir } from './private-dir.js';
import { Room, type RoomEffects } from './room.js';
import { titleBase } from './room-titles.js';
import { setRoomTitle } from './title.js';
import { batchPerTurn } from './turn-batch.js';
import { bindUdp, formatHostPort, SERVER_BUFFER_BYTES, socketTypeFor } from './udp.js';

export interface ChatServerOptions {
  readonly host: string;
  /** 0 picks a free port; `server.port` tells which. */
  readonly port: number;
  readonly lang: Lang;
  readonly burst: number;
  readonly ratePerSecond: number;
  /** 0 never evicts. */
  readonly heartbeatTimeoutMs: number;
  /** Any member silent this long goes, classic ones too; 0 (default) never. */
  readonly idleTimeoutMs?: number | undefined;
  readonly maxMembers?: number | undefined;
  readonly maxPerAddress?: number | undefined;
  readonly loginsPerMinute?: number | undefined;
  /** Default: adminSocketPath(port). */
  readonly adminSocket?: string | undefined;
  /** Each line the room broadcasts (the server terminal shows them). */
  readonly onRoomLine?: ((line: string) => void) | undefined;
  readonly onWarning?: ((message: string) => void) | undefined;
}

export interface ChatServer {
  readonly host: string;
  readonly port: number;
  readonly socketPath: string;
  readonly adminPid: number | undefined;
  /** Tells the room it is closing, ends the admin, closes the socket. Idempotent. */
  shutdown(): Promise<void>;
}

const ADMIN_SCRIPT = fileURLToPath(new URL('./admin-main.js', import.meta.url));
const ADMIN_START_MS = 10_000;
const ADMIN_STOP_MS = 2_000;

export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const warn = options.onWarning ?? (() => undefined);
  const socket = await bindUdp({ host: options.host, port: options.port, type: socketTypeFor(options.host), bufferBytes: SERVER_BUFFER_BYTES });
  const { address, port } = socket.address();
  const hostPort = formatHostPort(address, port);
  // Without its whole address the title names no room: --watch chat would not take it for another.
  setRoomTitle(titleBase('server'), hostPort);

  let socketPath: string;
  let admin: ChildProcess;
  try {
    if (options.adminSocket === undefined) socketPath = adminSocketPath(port);
    else {
      ensurePrivateDir(dirname(options.adminSocket));
      socketPath = options.adminSocket;
    }
    admin = await startAdmin(address, port, socketPath);
  } catch (error) {
    socket.close();
    throw error;
  }

  const room = new Room({
    lang: options.lang,
    burst: options.burst,
    ratePerSecond: options.ratePerSecond,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
    ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
    ...(options.maxMembers === undefined ? {} : { maxMembers: options.maxMembers }),
    ...(options.maxPerAddress === undefined ? {} : { maxPerAddress: options.maxPerAddress }),
    ...(options.loginsPerMinute === undefined ? {} : { loginsPerMinute: options.loginsPerMinute }),
  });
  let adminWatching = false;
  let closing = false;

  const send = (message: ToAdmin): void => {
    if (admin.connected) admin.send(message);
  };
  // Room lines reach the admin in one message per turn of the event loop.
  const adminLines = batchPerTurn<string>((lines) => send({ type: 'lines', lines }));
  /** Anything else for the admin goes after the lines before it, as they were said. */
  const toAdmin = (message: ToAdmin): void => {
    adminLines.flush();
    send(message);
  };

  /**
   * Sends what the room decided. The hot path makes no promise and passes no
   * callback per datagram; `sent`, when given, collects one promise per
   * datagram that settles once it has left (before the socket closes).
   */
  const apply = (effects: RoomEffects, sent?: Promise<void>[]): void => {
    for (const delivery of effects.deliveries) {
      const bytes = Buffer.from(delivery.text); // encoded once, sent to many
      for (const peer of delivery.to) {
        if (peer === delivery.except) continue;
        if (sent === undefined) socket.send(bytes, peer.port, peer.address);
        else sent.push(new Promise((resolve) => socket.send(bytes, peer.port, peer.address, () => resolve())));
      }
    }
    for (const line of effects.roomLines) {
      options.onRoomLine?.(line);
      if (adminWatching) adminLines.add(line);
    }
  };

  const warnings = rateLimited(warn);
  // Without a callback, a failed send is reported here; it must never end the server.
  socket.on('error', (error) => warnings(`UDP: ${error.message}`));
  // rinfo is a fresh object per datagram: the room copies what it keeps.
  socket.on('message', (bytes, from) => {
    if (!closing) apply(room.receive(bytes, from, performance.now()));
  });

  // Swept a few times per shortest timeout, so an eviction comes at most a quarter late.
  const timeouts = [options.heartbeatTimeoutMs, options.idleTimeoutMs ?? 0].filter((ms) => ms > 0);
  const sweeper =
    timeouts.length > 0 ? setInterval(() => apply(room.sweep(performance.now())), Math.max(50, Math.min(1000, Math.min(...timeouts) / 4))) : undefined;

  admin.on('message', (raw) => {
    const message = asToServer(raw);
    if (message?.type === 'watch') {
      adminWatching = message.on;
      toAdmin({ type: 'watching', on: message.on });
    }
    if (message?.type !== 'say') return;
    if (closing) return toAdmin({ type: 'said', id: message.id, error: room.wording.closing });
    const result = room.adminSay(message.text);
    if (result.ok) apply(result.effects);
    toAdmin(result.ok ? { type: 'said', id: message.id } : { type: 'said', id: message.id, error: result.error });
  });
  // A send on a channel that just closed is reported here: never fatal to the room.
  admin.on('error', (error) => warnings(t('chat.admin.channel', { why: error.message })));
  admin.once('exit', (code, signal) => {
    if (!closing) warn(t('chat.admin.ended', { how: signal ?? t('chat.admin.code', { code: String(code) }) }));
  });

  let shutdown: Promise<void> | undefined;
  return {
    host: address,
    port,
    socketPath,
    adminPid: admin.pid,
    shutdown() {
      shutdown ??= (async () => {
        closing = true;
        if (sweeper !== undefined) clearInterval(sweeper);
        const sent: Promise<void>[] = [];
        apply(room.close(), sent);
        await Promise.all(sent);
        toAdmin({ type: 'shutdown' });
        // Asked to go just now; SIGKILL only if it does not.
        await stopChild(admin, { signal: null, graceMs: ADMIN_STOP_MS });
        socket.close();
      })();
      return shutdown;
    },
  };
}

async function startAdmin(host: string, port: number, socketPath: string): Promise<ChildProcess> {
  // Long argv on purpose: the child's title must fit in it (see title.ts).
  const admin = fork(ADMIN_SCRIPT, ['--host', host, '--port', String(port), '--socket', socketPath], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // Why it cannot take the socket path reaches the log: in the server's language, not the locale's.
    env: { ...process.env, ...languageEnv() },
  });
  await awaitAdminReady(admin, ADMIN_START_MS);
  return admin;
}

/** At most one warning a second, so a hostile peer cannot flood the log. */
function rateLimited(write: (message: string) => void): (message: string) => void {
  let last = -Infinity;
  return (message) => {
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    write(message);
  };
}
