// `procview --watch chat` in a real terminal, with a real chat server and a
// real client: the room's processes (server, admin, client ×2) in the view,
// a room message in the chat pane, and a line said as the admin.
import { createSocket } from 'node:dgram';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { isGone } from './helpers/procs.js';
import { CLI, runInPty } from './helpers/pty.js';

/** A UDP port nobody is bound to right now. */
async function freePort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const row = (title: string): RegExp => new RegExp(`^\\s*(\\d+)\\s.*procview ${title}`, 'm');

describe('procview --watch chat', () => {
  // A private runtime dir per test, so admin socket files never collect in the shared one.
  let runtimeDir = '';
  let env: Record<string, string> = {};
  beforeEach(() => {
    runtimeDir = mkdtempSync(join(tmpdir(), 'procview-e2e-chat-'));
    env = { XDG_RUNTIME_DIR: runtimeDir };
  });
  afterEach(() => {
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('starts a server, shows server, admin and both client processes, the room, and speaks as the admin', async () => {
    const port = await freePort();
    const view = runInPty(['--watch', `chat:${port}`, '-d', '0.5'], { cols: 200, rows: 45, env });
    const started = await view.waitForScreen(/Started the chat server 127\.0\.0\.1:(\d+) \(pid (\d+)\)/);
    const serverPid = Number(/Started the chat server \S+ \(pid (\d+)\)/.exec(started)?.[1]);
    // Should the test fail before q, the server (its own process group) still goes.
    trackGroup(serverPid);
    expect(started).toContain(`Scope: chat room 127.0.0.1:${port}`);

    const client = runInPty(['chat', 'client', '127.0.0.1', String(port), '--name', 'ann'], { cols: 100, rows: 20, env });
    await client.waitForScreen('in the room as ann');
    client.write('hello room\r');

    await view.waitForScreen('ann says: hello room');
    // Other rooms' clients may be on this machine too: check the processes this test made.
    const screen = await view.waitForScreen(/procview chat-input ann/);
    const pidOf = (title: string): number => Number(row(title).exec(screen)?.[1]);
    expect(pidOf('chat-server')).toBe(serverPid);
    expect(screen).toMatch(new RegExp(`^\\s*\\d+\\s+${serverPid}\\s.*procview chat-admin`, 'm'));
    expect(pidOf('chat-client ann')).toBe(client.pid);
    expect(screen).toMatch(new RegExp(`^\\s*\\d+\\s+${client.pid}\\s.*procview chat-input ann`, 'm'));

    view.write('i');
    await view.waitForScreen('say as admin>');
    view.write('welcome {bold}ann\r');
    await client.waitForScreen('admin says: welcome {bold}ann');
    await view.waitForScreen('admin says: welcome {bold}ann');

    view.write('q');
    expect((await view.waitForExit()).exitCode).toBe(0);
    // procview started this server, so it stops it again.
    await waitFor(() => isGone(serverPid), { what: 'the server procview started to stop' });
  });

  it('finds a running server by its title and leaves it running on exit', async () => {
    const port = await freePort();
    const server = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', String(port)], {
      env: { ...process.env, ...env },
    });
    const view = runInPty(['--watch', `chat:${port}`], { cols: 200, rows: 40, env });
    await view.waitForScreen(`Found the chat server 127.0.0.1:${port} (pid ${server.pid})`);
    await view.waitForScreen(row('chat-admin'));
    view.write('q');
    expect((await view.waitForExit()).exitCode).toBe(0);
    const serverPid = server.pid ?? 0;
    expect(isAlive(serverPid)).toBe(true);
    // Stop it the way a user would, so its admin removes the socket file.
    process.kill(serverPid, 'SIGTERM');
    await waitFor(() => isGone(serverPid), { what: 'the chat server to exit on SIGTERM' });
    await waitFor(() => readdirSync(runtimeDir, { recursive: true }).every((name) => !String(name).endsWith('.sock')), {
      what: 'the admin socket file to be removed',
    });
  });
});
