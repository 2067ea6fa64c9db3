// Plumbing for the chat tests: a real `procview chat server` process on a free
// port with its own runtime dir, raw UDP clients that speak the protocol by
// hand, and /proc lookups scoped to the pids a test created.
import type { ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { isAlive, killGroup, spawnGroup, waitFor } from '../helpers/processes.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];
// Registered after processes.ts's hook, so (hooks run as a stack) this runs
// first: a graceful stop, then that hook's SIGKILL as the backstop.
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** A private runtime dir (as XDG_RUNTIME_DIR), removed after the test. */
export function runtimeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'procview-chat-test-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Lines a child prints, collected as they come. */
export class Lines {
  readonly all: string[] = [];
  constructor(stream: NodeJS.ReadableStream | null) {
    if (stream !== null) createInterface({ input: stream }).on('line', (line) => this.all.push(line));
  }
  async waitFor(match: string | RegExp, what = String(match)): Promise<string> {
    return waitFor(() => this.all.find((line) => (typeof match === 'string' ? line === match : match.test(line))), { what });
  }
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly socketPath: string;
  readonly runtimeDir: string;
  readonly stdout: Lines;
  readonly stderr: Lines;
  /** Sends `signal` and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServer(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}, stdin: 'pipe' | 'ignore' = 'pipe'): Promise<ServerProcess> {
  const dir = env.XDG_RUNTIME_DIR ?? runtimeDir();
  const child = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', '0', ...args], {
    stdio: [stdin, 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', XDG_RUNTIME_DIR: dir, ...env },
  });
  const pid = child.pid ?? 0;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stdout = new Lines(child.stdout);
  const stderr = new Lines(child.stderr);
  const first = await Promise.race([
    stdout.waitFor(/^listening on /u),
    exited.then((code) => {
      throw new Error(`server exited (${code}) before listening: ${stderr.all.join('\n')}`);
    }),
  ]);
  const port = Number(/:(\d+)$/u.exec(first)?.[1]);
  const socketLine = await stdout.waitFor(/^admin socket: /u);
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    killGroup(pid);
  });
  return { child, pid, port, socketPath: socketLine.slice('admin socket: '.length), runtimeDir: dir, stdout, stderr, stop };
}

/** A client speaking the protocol by hand, as any third-party client would. */
export class RawClient {
  private readonly inbox: string[] = [];
  readonly received: string[] = [];

  private constructor(
    readonly socket: Socket,
    readonly serverPort: number,
  ) {
    socket.on('message', (bytes) => {
      const text = bytes.toString('utf8');
      this.inbox.push(text);
      this.received.push(text);
    });
  }

  /** `from`: the source address; any of 127/8 is this machine too, and counts as another host. */
  static async open(serverPort: number, from = '127.0.0.1'): Promise<RawClient> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, from, resolve));
    const client = new RawClient(socket, serverPort);
    onCleanup(() => client.close());
    return client;
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Resolves once the datagram has left (so what is sent next arrives after it). */
  async send(data: string | Uint8Array): Promise<void> {
    await new Promise<void>((resolve, reject) => this.socket.send(data, this.serverPort, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  }

  /** Waits for a line matching `match`; returns it and everything received before it (consumed). */
  async expect(match: string | RegExp, timeoutMs = 10_000): Promise<{ line: string; before: string[] }> {
    const test = (line: string): boolean => (typeof match === 'string' ? line === match : match.test(line));
    const index = await waitFor(
      () => {
        const found = this.inbox.findIndex(test);
        return found >= 0 ? found : undefined;
      },
      { timeoutMs, what: `${String(match)} (got ${JSON.stringify(this.inbox)})` },
    );
    const before = this.inbox.splice(0, index + 1);
    const line = before.pop() ?? '';
    return { line, before };
  }

  async login(name: string): Promise<void> {
    await this.send(`L ${name}`);
    // Not yet in the room: the only datagram that can come is the answer.
    const { line } = await this.expect(/^/u);
    if (line !== 'OK') throw new Error(`login as ${name} refused: ${line}`);
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}

/** The args of a live process as ps shows them: /proc/PID/cmdline, NULs as spaces. */
export function cmdline(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/u, '').replace(/\0/gu, ' ');
}

/** Direct children of `pid` (field 4 of /proc/PID/stat is the ppid; comm may hold spaces). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // vanished meanwhile
    }
  }
  return children;
}

/** Waits until `pid` is gone or a zombie (its parent may not have reaped it yet). */
export async function waitGone(pid: number): Promise<void> {
  await waitFor(
    () => {
      if (!isAlive(pid)) return true;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
      } catch {
        return true;
      }
    },
    { what: `pid ${pid} to end` },
  );
}
