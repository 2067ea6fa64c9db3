// Speaking as the admin from outside the server's terminal: `procview chat say`
// and the dashboard connect to the admin process's Unix socket. Only the owner
// can: the socket sits in a 0700 directory and is itself 0600.
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../text/i18n/message.js';
import { LineSplitter } from '../text/lines.js';
import { stripControls } from '../text/sanitize.js';
import { encodeFrame, MAX_FRAME_BYTES, parseAdminFrame } from './admin-wire.js';
import { ensurePrivateDir } from './private-dir.js';

export interface AdminConnection {
  /** Has the admin broadcast `<admin> says: text`; resolves once the server has sent it. */
  say(text: string): Promise<void>;
  /** Every line the room broadcasts, controls already stripped; returns an unsubscribe function. */
  onRoomLine(listener: (line: string) => void): () => void;
  /** Called once when the connection ends (server gone, or close()); returns an unsubscribe function. */
  onClose(listener: () => void): () => void;
  close(): void;
}

const ANSWER_TIMEOUT_MS = 5000;

/**
 * `${XDG_RUNTIME_DIR or the temp dir}/procview-<uid>/chat-<port>.sock`, one per
 * server port. The directory is created 0700 if absent; if it exists with
 * another owner or a wider mode this throws rather than use it.
 */
export function adminSocketPath(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(t('chat.admin.badPort', { port }));
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = join(process.env.XDG_RUNTIME_DIR || tmpdir(), `procview-${uid}`);
  ensurePrivateDir(dir);
  return join(dir, `chat-${port}.sock`);
}

function connectError(error: NodeJS.ErrnoException, path: string, port: number): Error {
  switch (error.code) {
    case 'ENOENT':
    case 'ECONNREFUSED':
      return new Error(t('chat.admin.noServer', { port, path }));
    case 'EACCES':
      return new Error(t('chat.admin.notAllowed', { port, path }));
    default:
      return new Error(t('chat.admin.cannotReach', { path, why: error.message }));
  }
}

/**
 * Connects to the admin of the server on `port`. Resolves once the admin says
 * `ready`: every room line broadcast from then on reaches onRoomLine.
 * Rejects with a clear Error when no server listens there.
 */
export async function connectAdmin(options: { port: number; socketPath?: string }): Promise<AdminConnection> {
  const path = options.socketPath ?? adminSocketPath(options.port);
  const socket = await new Promise<Socket>((resolve, reject) => {
    const attempt = createConnection({ path });
    attempt.once('connect', () => {
      attempt.removeAllListeners('error');
      resolve(attempt);
    });
    attempt.once('error', (error: NodeJS.ErrnoException) => reject(connectError(error, path, options.port)));
  });
  return wrap(socket, path);
}

function wrap(socket: Socket, path: string): Promise<AdminConnection> {
  const lineListeners = new Set<(line: string) => void>();
  const closeListeners = new Set<() => void>();
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  const splitter = new LineSplitter(MAX_FRAME_BYTES);
  let nextId = 1;
  let closed = false;
  let onReady: ((ready: boolean) => void) | undefined;

  const settle = (id: number, error: Error | undefined): void => {
    const waiter = pending.get(id);
    if (waiter === undefined) return;
    pending.delete(id);
    clearTimeout(waiter.timer);
    if (error === undefined) waiter.resolve();
    else waiter.reject(error);
  };

  socket.on('data', (chunk: Buffer) => {
    const lines = splitter.push(chunk);
    if (lines === undefined) return socket.destroy();
    for (const text of lines) {
      const frame = parseAdminFrame(text);
      if (frame === undefined) continue;
      if ('ready' in frame) {
        onReady?.(true);
      } else if ('line' in frame) {
        // The server strips already; a second pass costs little and trusts nobody.
        const line = stripControls(frame.line);
        for (const listener of lineListeners) listener(line);
      } else if ('error' in frame) {
        if (frame.id !== undefined) settle(frame.id, new Error(frame.error));
      } else {
        settle(frame.id, undefined);
      }
    }
  });
  socket.on('error', () => undefined); // 'close' follows and reports it
  socket.on('close', () => {
    closed = true;
    onReady?.(false);
    for (const id of [...pending.keys()]) settle(id, new Error(t('chat.admin.closedByServer')));
    for (const listener of closeListeners) listener();
    closeListeners.clear();
  });

  const connection: AdminConnection = {
    say(text) {
      if (closed) return Promise.reject(new Error(t('chat.admin.closed')));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => settle(id, new Error(t('chat.admin.noAnswer'))), ANSWER_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        socket.write(encodeFrame({ id, say: text }));
      });
    },
    onRoomLine(listener) {
      lineListeners.add(listener);
      return () => lineListeners.delete(listener);
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(listener);
        return () => undefined;
      }
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close() {
      socket.end();
      socket.destroy();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(t('chat.admin.noAnswerAt', { path })));
    }, ANSWER_TIMEOUT_MS);
    onReady = (ready) => {
      onReady = undefined;
      clearTimeout(timer);
      if (ready) resolve(connection);
      else reject(new Error(t('chat.admin.closedAt', { path })));
    };
  });
}
