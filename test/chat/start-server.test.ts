// How `procview --watch chat` stops the server it started (stopServer in
// src/chat/start-server.ts), with real children in their own process groups and
// the signals it sends recorded: SIGTERM first, SIGKILL only after a bounded
// wait, and nothing at all once the child is known to have exited (its pid,
// reaped, may already be someone else's).
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it, vi } from 'vitest';
// The built module: the server it starts is dist/cli.js, and the language it hands on is dist's.
import { startServer as startRoom, stopServer as stopRoom } from '../../dist/chat/start-server.js';
import { setLanguage } from '../../dist/text/i18n/lang.js';
import { stopServer, trackStarted } from '../../src/chat/start-server.js';
import { trackGroup, waitFor } from '../helpers/processes.js';
import { recordKills } from '../helpers/record-kills.js';
import { RawClient, runtimeDir } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A detached child running `code`, watched from its spawn. */
function started(code: string) {
  const child = spawn(process.execPath, ['-e', code], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const server = trackStarted(child);
  trackGroup(server.pid);
  return server;
}

/** Resolves once the child has written `text` (it is then past its set-up). */
async function said(server: ReturnType<typeof started>, text: string): Promise<void> {
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(text)) resolve();
    });
    server.child.once('exit', () => reject(new Error(`exited before saying ${text}`)));
  });
}

describe('stopServer', () => {
  it('sends nothing to a server that has exited and been reaped', async () => {
    const server = started('');
    await server.exited;
    const calls = recordKills();
    await stopServer(server, 200);
    expect(calls).toEqual([]);
  });

  it('sends SIGTERM to the group, and no more when the server exits on it', async () => {
    const server = started('setInterval(() => {}, 1000)');
    const calls = recordKills();
    await stopServer(server, 5000);
    expect(calls).toEqual([[-server.pid, 'SIGTERM']]);
    expect(server.child.signalCode).toBe('SIGTERM');
  });

  it('sends SIGKILL after the grace period to a server that ignores SIGTERM', async () => {
    const server = started(`process.on('SIGTERM', () => {}); process.stdout.write('ready'); setInterval(() => {}, 1000)`);
    // Its handler must be in place first: until then SIGTERM would simply end it.
    await said(server, 'ready');
    const calls = recordKills();
    await stopServer(server, 200);
    expect(calls).toEqual([
      [-server.pid, 'SIGTERM'],
      [-server.pid, 'SIGKILL'],
    ]);
    expect(server.child.signalCode).toBe('SIGKILL');
  });
});

/** A UDP port nobody holds right now (the kernel's pick for port 0). */
async function freeUdpPort(): Promise<number> {
  const probe = createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise<void>((resolve) => probe.close(resolve));
  return port;
}

describe('startServer', () => {
  it("starts the room in the starter's language (--lang outranks the locale; PROCVIEW_LANG hands it on)", async ({ onTestFinished }) => {
    const savedDir = process.env.XDG_RUNTIME_DIR;
    process.env.XDG_RUNTIME_DIR = runtimeDir();
    setLanguage('zh');
    onTestFinished(() => {
      setLanguage(undefined);
      if (savedDir === undefined) delete process.env.XDG_RUNTIME_DIR;
      else process.env.XDG_RUNTIME_DIR = savedDir;
    });
    const port = await freeUdpPort();
    const server = startRoom(port);
    trackGroup(server.pid);
    onTestFinished(() => stopRoom(server, 2000));
    const client = await RawClient.open(port);
    // Datagrams sent before the server binds are lost: ask again until it answers.
    await waitFor(
      async () => {
        await client.send('L ann');
        return client.received.includes('OK');
      },
      { what: 'the room to let ann in' },
    );
    await client.send('HELLO');
    await client.expect('错误：未知命令（请用 L、C 或 Q）');
  });
});
