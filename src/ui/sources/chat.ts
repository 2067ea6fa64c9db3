// `procview --watch chat`: find the chat server by its process title, or start
// one (and stop it again on exit, only then); follow the room through the
// admin's Unix socket, and shout into it as the admin. The view's seeds are
// that server and the clients of that room only, told apart by the server
// address in their titles (`procview chat-input NAME HOST:PORT`).
import { spawn, type ChildProcess } from 'node:child_process';
import { isIPv4, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { connectAdmin } from '../../chat/admin-client.js';
import { DEFAULT_PORT } from '../../chat/protocol.js';
import { CHAT_TITLES, hasChatTitle } from '../../chat/title.js';
import { parseHostPort, type HostPort } from '../../chat/udp.js';
import type { Inspector, Snapshot } from '../../inspect/types.js';
import { hasExited, stopChild } from '../../process/child-exit.js';
import { chatServers, type ChatServerSighting } from '../model/seeds.js';
import type { Message } from '../model/view-state.js';
import type { SideEntry } from '../model/wrap.js';

const START_TIMEOUT_MS = 8000;
const STOP_TIMEOUT_MS = 3000;
/** After SIGKILL, how long to wait for the exit to be reported. */
const KILL_TIMEOUT_MS = 1000;
/** The fd the started server inherits its lifeline on (after stdin, stdout, stderr). */
const LIFELINE_FD = 3;
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

/**
 * The room a client process names in its title: `procview chat-client NAME
 * HOST:PORT` or `procview chat-input NAME HOST:PORT`. NAME carries no spaces
 * (titleSafe); the parent's title may lack the address (its argv was too
 * short), and then this is undefined.
 */
export function clientRoom(args: string | undefined): HostPort | undefined {
  if (args === undefined || !(hasChatTitle(args, CHAT_TITLES.client) || hasChatTitle(args, CHAT_TITLES.input))) return undefined;
  const words = args.trim().split(' ');
  return words.length === 4 ? parseHostPort(words[3] ?? '') : undefined;
}

/** The IPv4 form of a v4-mapped v6 address (`::ffff:127.0.0.1`), else the address. */
function unmapped(host: string): string {
  return host.startsWith('::ffff:') && isIPv4(host.slice(7)) ? host.slice(7) : host;
}

function isLoopback(host: string): boolean {
  return host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/** This machine's addresses (what a client may use to reach a server bound to 0.0.0.0 or ::). */
export function localAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) out.add(entry.address.toLowerCase());
  return out;
}

/**
 * Whether a client talking to `client` reaches the server bound at `server`:
 * same port, and the same address, or any address of this machine when the
 * server is bound to the wildcard (0.0.0.0 takes IPv4 only; :: both, as Node
 * binds udp6 dual-stack).
 */
export function reachesServer(server: HostPort, client: HostPort, local: ReadonlySet<string>): boolean {
  if (server.port !== client.port) return false;
  const serverHost = unmapped(server.host);
  const clientHost = unmapped(client.host);
  if (serverHost === clientHost) return true;
  const isLocal = local.has(clientHost) || isLoopback(clientHost) || clientHost === '0.0.0.0' || clientHost === '::';
  if (serverHost === '0.0.0.0') return isLocal && isIPv4(clientHost);
  if (serverHost === '::') return isLocal;
  return false;
}

/**
 * The pids a room's view starts from: its server (whose admin comes in as a
 * descendant) and every client process of this room. A keyboard child's title
 * always carries the address, so its parent is taken through it when the
 * parent's own title could not hold the address.
 */
export function roomSeeds(snapshot: Snapshot, server: ChatServerSighting, local: ReadonlySet<string>): number[] {
  // The sighting keeps the title's spelling: `[::1]` for IPv6, as formatHostPort wrote it.
  const room = parseHostPort(`${server.host}:${server.port}`);
  const out = new Set<number>();
  if (snapshot.procs.has(server.pid)) out.add(server.pid);
  if (room === undefined) return [...out];
  for (const proc of snapshot.procs.values()) {
    const address = clientRoom(proc.args);
    if (address === undefined || !reachesServer(room, address, local)) continue;
    out.add(proc.pid);
    if (!hasChatTitle(proc.args, CHAT_TITLES.input) || proc.ppid === undefined) continue;
    const parent = snapshot.procs.get(proc.ppid);
    // Only a parent whose own title names no room: one that names another is not ours.
    if (parent !== undefined && hasChatTitle(parent.args, CHAT_TITLES.client) && clientRoom(parent.args) === undefined) out.add(parent.pid);
  }
  return [...out];
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function findServer(inspector: Inspector, port: number | undefined): Promise<ChatServerSighting | undefined> {
  const servers = chatServers(await inspector.snapshot());
  if (port !== undefined) return servers.find((s) => s.port === port);
  return servers.find((s) => s.port === DEFAULT_PORT) ?? servers[0];
}

/** A server this dashboard started, and whether it is known to have exited. */
export interface StartedServer {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Settles when Node reports the exit; the pid is reaped then, and may be reused. */
  readonly exited: Promise<void>;
}

/**
 * Starts `procview chat server` detached (its own process group), stdin
 * ignored, holding one end of a lifeline pipe on fd 3. Only this process
 * holds the other end (Node opens it close-on-exec), so when the dashboard
 * dies, even by SIGKILL, the server reads end-of-file and closes the room.
 */
function startServer(port: number): StartedServer {
  const cli = fileURLToPath(new URL('../../cli.js', import.meta.url));
  const args = [cli, 'chat', 'server', '--port', String(port), '--lifeline-fd', String(LIFELINE_FD)];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const server = trackStarted(child);
  child.unref();
  // Never read, never closed: it only has to stay open while we live. Unref'd, it keeps nothing waiting.
  const lifeline = child.stdio[LIFELINE_FD];
  if (lifeline !== null && lifeline !== undefined && 'unref' in lifeline) (lifeline as Socket).unref();
  return server;
}

/** Watches a started child's exit from the moment it is spawned. */
export function trackStarted(child: ChildProcess): StartedServer {
  child.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error('could not start the chat server');
  return { pid: child.pid, child, exited };
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

/**
 * SIGTERM to the server's group, then SIGKILL if it has not exited within
 * `graceMs`; each only while its leader's exit is unreported (stopChild).
 */
export async function stopServer(server: StartedServer, graceMs = STOP_TIMEOUT_MS): Promise<void> {
  await stopChild(server.child, { graceMs, group: true, killWaitMs: KILL_TIMEOUT_MS });
}

export async function openChat(inspector: Inspector, port: number | undefined, onChange: () => void): Promise<ChatSession> {
  let server = await findServer(inspector, port);
  let started: StartedServer | undefined;
  const deadline = Date.now() + START_TIMEOUT_MS;
  if (server === undefined) {
    const wanted = port ?? DEFAULT_PORT;
    const ours = startServer(wanted);
    while (server === undefined && Date.now() < deadline && !hasExited(ours.child)) {
      await pause(POLL_MS);
      server = await findServer(inspector, wanted);
    }
    // Ours may have lost the port to a server that came up meanwhile: that one is found, not started here.
    if (server === undefined && hasExited(ours.child)) server = await findServer(inspector, wanted);
    if (server !== undefined && server.pid === ours.pid) started = ours;
    else if (server !== undefined) await stopServer(ours);
    if (server === undefined) {
      const code = ours.child.exitCode;
      await stopServer(ours);
      if (code !== null) throw new Error(`started a chat server on port ${wanted}, but it exited at once (code ${code}; is the port in use?)`);
      throw new Error(`started a chat server on port ${wanted}, but it did not show up within ${START_TIMEOUT_MS / 1000} s`);
    }
  }
  const found = server;
  let admin: Admin;
  try {
    admin = await connectWithRetry(found.port, deadline);
  } catch (error) {
    if (started !== undefined) await stopServer(started);
    throw new Error(`cannot reach the admin socket of the chat server on port ${found.port}: ${(error as Error).message}`);
  }
  const startedPid = started?.pid;
  const entries: SideEntry[] = [
    {
      text: `${startedPid === undefined ? 'Found' : 'Started'} the chat server ${found.host}:${found.port} (pid ${found.pid}). i speaks as the admin.`,
      tone: 'dim',
    },
  ];
  const add = (entry: SideEntry): void => {
    entries.push(entry);
    if (entries.length > 500) entries.splice(0, entries.length - 500);
    onChange();
  };
  let closing = false;
  const local = localAddresses();
  const unsubscribe = admin.onRoomLine((line) => add({ text: line, tone: 'plain' }));
  const unwatch = admin.onClose(() => {
    if (!closing) add({ text: 'The chat server closed the admin connection (server stopped?).', tone: 'problem' });
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
      if (started !== undefined) await stopServer(started);
    },
  };
}
