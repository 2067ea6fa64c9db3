// `procview --watch chat`: find the chat server by its process title, or start
// one (and stop it again on exit, only then); follow the room through the
// admin's Unix socket, and shout into it as the admin.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectAdmin } from '../../chat/admin-client.js';
import type { Inspector } from '../../inspect/types.js';
import { chatServers, type ChatServerSighting } from '../model/seeds.js';
import type { Message } from '../model/view-state.js';
import type { SideEntry } from '../model/wrap.js';

export const DEFAULT_CHAT_PORT = 9999;
const START_TIMEOUT_MS = 8000;
const STOP_TIMEOUT_MS = 3000;
const POLL_MS = 100;

type Admin = Awaited<ReturnType<typeof connectAdmin>>;

export interface ChatSession {
  readonly port: number;
  readonly address: string;
  /** Pid of the server procview started, if it did. */
  readonly startedPid: number | undefined;
  readonly entries: readonly SideEntry[];
  say(text: string): Promise<Message>;
  stop(): Promise<void>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function findServer(inspector: Inspector, port: number | undefined): Promise<ChatServerSighting | undefined> {
  const servers = chatServers(await inspector.snapshot());
  if (port !== undefined) return servers.find((s) => s.port === port);
  return servers.find((s) => s.port === DEFAULT_CHAT_PORT) ?? servers[0];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Starts `procview chat server` detached (its own process group), stdin ignored. */
function startServer(port: number): number {
  const cli = fileURLToPath(new URL('../../cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli, 'chat', 'server', '--port', String(port)], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  if (child.pid === undefined) throw new Error('could not start the chat server');
  return child.pid;
}

async function connectWithRetry(port: number, deadline: number): Promise<Admin> {
  for (;;) {
    try {
      return await connectAdmin({ port });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(POLL_MS);
    }
  }
}

async function stopServer(pid: number): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is gone already.
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await pause(50);
  signalGroup('SIGKILL');
}

export async function openChat(inspector: Inspector, port: number | undefined, onChange: () => void): Promise<ChatSession> {
  let server = await findServer(inspector, port);
  let startedPid: number | undefined;
  const deadline = Date.now() + START_TIMEOUT_MS;
  if (server === undefined) {
    const wanted = port ?? DEFAULT_CHAT_PORT;
    startedPid = startServer(wanted);
    while (server === undefined && Date.now() < deadline) {
      await pause(POLL_MS);
      server = await findServer(inspector, wanted);
    }
    if (server === undefined) {
      await stopServer(startedPid);
      throw new Error(`started a chat server on port ${wanted}, but it did not show up within ${START_TIMEOUT_MS / 1000} s`);
    }
  }
  const found = server;
  let admin: Admin;
  try {
    admin = await connectWithRetry(found.port, deadline);
  } catch (error) {
    if (startedPid !== undefined) await stopServer(startedPid);
    throw new Error(`cannot reach the admin socket of the chat server on port ${found.port}: ${(error as Error).message}`);
  }
  const entries: SideEntry[] = [
    { text: `${startedPid === undefined ? 'Found' : 'Started'} the chat server ${found.host}:${found.port} (pid ${found.pid}). i speaks as the admin.`, tone: 'dim' },
  ];
  const add = (entry: SideEntry): void => {
    entries.push(entry);
    if (entries.length > 500) entries.splice(0, entries.length - 500);
    onChange();
  };
  let closing = false;
  const unsubscribe = admin.onRoomLine((line) => add({ text: line, tone: 'plain' }));
  const unwatch = admin.onClose(() => {
    if (!closing) add({ text: 'The chat server closed the admin connection (server stopped?).', tone: 'problem' });
  });
  return {
    port: found.port,
    address: `${found.host}:${found.port}`,
    startedPid,
    entries,
    async say(text) {
      try {
        await admin.say(text);
        return { text: 'said in the room as the admin', tone: 'info' };
      } catch (error) {
        return { text: `could not say that: ${(error as Error).message}`, tone: 'error' };
      }
    },
    async stop() {
      closing = true;
      unsubscribe();
      unwatch();
      admin.close();
      if (startedPid !== undefined) await stopServer(startedPid);
    },
  };
}
