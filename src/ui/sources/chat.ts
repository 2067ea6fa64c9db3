// `procview --watch chat`: find the chat server by its process title, or start
// one (and stop it again on exit, only then); follow the room through the
// admin's Unix socket, and shout into it as the admin. The view's seeds are
// that server and the clients of that room only, told apart by the server
// address in their titles (`procview chat-input NAME HOST:PORT`).
import { connectAdmin } from '../../chat/admin-client.js';
import { DEFAULT_PORT } from '../../chat/protocol.js';
import { localAddresses, roomSeeds } from '../../chat/room-members.js';
import { type ChatServerSighting, chatServers } from '../../chat/room-titles.js';
import { type StartedServer, startServer, stopServer } from '../../chat/start-server.js';
import { pollUntil } from '../../base/poll.js';
import type { Inspector, Snapshot } from '../../inspect/types.js';
import { hasExited } from '../../process/child-exit.js';
import { t } from '../../text/i18n/message.js';
import type { Message } from '../model/view-state.js';
import type { SideEntry } from '../model/wrap.js';

const START_TIMEOUT_MS = 8000;
const POLL_MS = 100;

type Admin = Awaited<ReturnType<typeof connectAdmin>>;

export interface ChatSession {
  readonly port: number;
  readonly address: string;
  /** Pid of the server procview started, if it did. */
  readonly startedPid: number | undefined;
  readonly entries: readonly SideEntry[];
  /** The pids that start the view's scope: this room's server and its clients (see roomSeeds). */
  seeds(snapshot: Snapshot): number[];
  say(text: string): Promise<Message>;
  stop(): Promise<void>;
}

async function findServer(inspector: Inspector, port: number | undefined): Promise<ChatServerSighting | undefined> {
  const servers = chatServers(await inspector.snapshot());
  if (port !== undefined) return servers.find((s) => s.port === port);
  return servers.find((s) => s.port === DEFAULT_PORT) ?? servers[0];
}

/** The admin connection, tried again until `deadline` (the server may still be binding its socket). */
async function connectWithRetry(port: number, deadline: number): Promise<Admin> {
  let last: unknown;
  const admin = await pollUntil(
    async () => {
      try {
        return await connectAdmin({ port });
      } catch (error) {
        last = error;
        return undefined;
      }
    },
    { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: POLL_MS },
  );
  if (admin === undefined) throw last instanceof Error ? last : new Error(t('ui.chat.noAnswer'));
  return admin;
}

/** The room on `port` (default: 9999 first, else any): found running, or started here (then `started`). */
async function findOrStart(inspector: Inspector, port: number | undefined, deadline: number): Promise<{ server: ChatServerSighting; started?: StartedServer }> {
  const running = await findServer(inspector, port);
  if (running !== undefined) return { server: running };
  const wanted = port ?? DEFAULT_PORT;
  const ours = startServer(wanted);
  // Until it shows up, or exits (it may have lost the port to a server that came up meanwhile: that one is found, not started here).
  const seen = await pollUntil(
    async () => {
      const exited = hasExited(ours.child);
      const server = await findServer(inspector, wanted);
      return server !== undefined || exited ? { server } : undefined;
    },
    { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: POLL_MS },
  );
  const server = seen?.server;
  if (server !== undefined && server.pid === ours.pid) return { server, started: ours };
  const code = ours.child.exitCode;
  await stopServer(ours);
  if (server !== undefined) return { server };
  if (code !== null) throw new Error(t('ui.chat.exitedAtOnce', { port: wanted, code }));
  throw new Error(t('ui.chat.didNotShow', { port: wanted, seconds: START_TIMEOUT_MS / 1000 }));
}

export async function openChat(
  inspector: Inspector,
  port: number | undefined,
  onChange: () => void,
  onNote?: (at: number, text: string, tone: SideEntry['tone']) => void,
): Promise<ChatSession> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const { server: found, started } = await findOrStart(inspector, port, deadline);
  let admin: Admin;
  try {
    admin = await connectWithRetry(found.port, deadline);
  } catch (error) {
    if (started !== undefined) await stopServer(started);
    throw new Error(t('ui.chat.noAdmin', { port: found.port, why: (error as Error).message }));
  }
  const startedPid = started?.pid;
  const entries: SideEntry[] = [
    {
      text: t(startedPid === undefined ? 'ui.chat.found' : 'ui.chat.started', { address: `${found.host}:${found.port}`, pid: found.pid }),
      tone: 'dim',
    },
  ];
  const add = (entry: SideEntry): void => {
    entries.push(entry);
    onNote?.(Date.now(), entry.text, entry.tone);
    if (entries.length > 500) entries.splice(0, entries.length - 500);
    onChange();
  };
  let closing = false;
  const local = localAddresses();
  const unsubscribe = admin.onRoomLine((line) => add({ text: line, tone: 'plain' }));
  const unwatch = admin.onClose(() => {
    if (!closing) add({ text: t('ui.chat.adminClosed'), tone: 'problem' });
  });
  return {
    port: found.port,
    address: `${found.host}:${found.port}`,
    startedPid,
    entries,
    seeds: (snapshot) => roomSeeds(snapshot, found, local),
    async say(text) {
      try {
        await admin.say(text);
        return { text: t('ui.chat.said'), tone: 'info' };
      } catch (error) {
        return { text: t('ui.chat.cannotSay', { why: (error as Error).message }), tone: 'error' };
      }
    },
    async stop() {
      closing = true;
      unsubscribe();
      unwatch();
      admin.close();
      if (started !== undefined) await stopServer(started);
    },
  };
}
