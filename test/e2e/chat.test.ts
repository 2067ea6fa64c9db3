// `procview --watch chat` in a real terminal, with a real chat server and a
// real client: the room's processes (server, admin, client ×2) in the view,
// a room message in the chat pane, and a line said as the admin; and a client
// of another room on the same machine kept out of the view.
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { isGone, procStat } from './helpers/procs.js';
import { CLI, runInPty } from './helpers/pty.js';

/** A UDP port nobody is bound to right now. */
async function freePort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const FAMILY = '👨\u200d👩\u200d👧';

const row = (title: string): RegExp => new RegExp(`^\\s*(\\d+)\\s.*procview ${title}`, 'm');

/** The command line (title) of `pid` as ps shows it, or '' once it is gone. */
function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The first child of `pid` found in /proc, if any. */
function childOf(pid: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/u.test(entry) && procStat(Number(entry))?.ppid === pid) return Number(entry);
  }
  return undefined;
}

/** Pids in the first column of the process table on `screen`. */
function pidsShown(screen: string): Set<number> {
  return new Set([...screen.matchAll(/^\s*(\d+)\s/gmu)].map((match) => Number(match[1])));
}

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

  it('lines up a chat line in Chinese with emoji: the pane borders stay in their columns on every row', async () => {
    const port = await freePort();
    const view = runInPty(['--watch', `chat:${port}`, '-d', '0.5'], { cols: 200, rows: 40, env });
    const started = await view.waitForScreen(/Started the chat server 127\.0\.0\.1:\d+ \(pid \d+\)/);
    trackGroup(Number(/Started the chat server \S+ \(pid (\d+)\)/.exec(started)?.[1]));
    const client = runInPty(['chat', 'client', '127.0.0.1', String(port), '--name', '小明'], { cols: 100, rows: 20, env });
    await client.waitForScreen('小明');
    // Longer than the side pane is wide (about 80 cells against 66), so it wraps: where is measured in cells.
    const message = `你好，世界🎉 ${FAMILY} ${'孤儿进程和僵尸进程🎉'.repeat(3)} ok`;
    client.write(`${message}\r`);
    const screen = await view.waitForScreen(/ ok\s*$/m);
    const rows = view.rows();
    const title = rows.findIndex((line) => line.includes('COMMAND'));
    const said = rows.findIndex((line) => line.includes('小明 says: 你好'));
    expect(title, screen).toBeGreaterThan(0);
    expect(said, screen).toBeGreaterThan(title);
    // The rule between the table and the side pane: its column on the title row, from the terminal's own cells.
    let rule = -1;
    for (let x = 199; x > 0 && rule < 0; x -= 1) if (view.cell(title, x) === '│') rule = x;
    expect(rule, screen).toBeGreaterThan(100);
    const misplaced = [];
    for (let y = title; y < rows.length - 1; y += 1) if (view.cell(y, rule) !== '│') misplaced.push(`${y}: ${rows[y]}`);
    expect(misplaced, screen).toEqual([]);
    // The message is drawn whole after the rule, wrapped within the pane (no cell lost or spilled into the
    // next row); its joined emoji one by one (text/sanitize.ts: terminals disagree on a joined one's width).
    const pane = rows.slice(said, said + 4).map((line) => line.slice(line.lastIndexOf('│') + 1));
    const drawn = pane.join('').replace(/\s/gu, '');
    expect(drawn.startsWith(`小明says:${message.replace(/\s|\u200d/gu, '')}`), screen).toBe(true);
    expect(rows.filter((line) => line.includes('procview chat-client 小明')).length, screen).toBeGreaterThan(0);
    view.write('q');
    expect((await view.waitForExit()).exitCode).toBe(0);
    client.write('/quit\r');
    await client.waitForExit();
  });

  it('when procview is killed outright, the server it started closes the room (its lifeline pipe ends)', async () => {
    const port = await freePort();
    const view = runInPty(['--watch', `chat:${port}`, '-d', '0.5'], { cols: 200, rows: 45, env });
    const started = await view.waitForScreen(/Started the chat server 127\.0\.0\.1:\d+ \(pid \d+\)/);
    const serverPid = Number(/Started the chat server \S+ \(pid (\d+)\)/.exec(started)?.[1]);
    trackGroup(serverPid);
    const adminPid = await waitFor(() => childOf(serverPid), { what: 'the admin child' });
    const socketPath = join(runtimeDir, `procview-${process.getuid?.() ?? 0}`, `chat-${port}.sock`);
    expect(existsSync(socketPath)).toBe(true);

    // A member of the room, to hear it close.
    const member = createSocket('udp4');
    const heard: string[] = [];
    member.on('message', (bytes) => heard.push(bytes.toString()));
    await new Promise<void>((resolve) => member.bind(0, '127.0.0.1', resolve));
    try {
      member.send('L witness', port, '127.0.0.1');
      await waitFor(() => heard.includes('OK'), { what: 'the login' });

      view.kill('SIGKILL'); // no cleanup of its own: only the kernel closing its end of the pipe
      await view.waitForExit();
      await waitFor(() => isGone(serverPid) && isGone(adminPid) && !existsSync(socketPath), {
        timeoutMs: 5000,
        what: 'the server, its admin and its socket file to go',
      });
      await waitFor(() => heard.includes('EXIT'), { what: 'EXIT for the member' });
      expect(heard.slice(-2)).toEqual(['the room is closing', 'EXIT']);
    } finally {
      member.close();
    }
  });

  it('finds a running server by its title and leaves it running on exit', async () => {
    const port = await freePort();
    const server = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', String(port)], {
      env: { ...process.env, ...env },
    });
    // Titled before the view looks, or the view would start a server of its own.
    await waitFor(() => cmdline(server.pid ?? 0) === `procview chat-server 127.0.0.1:${port}`, { what: 'the server to be titled' });
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

  it('shows only its own room: a client of another server on this machine stays out', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const serverEnv = { ...process.env, ...env };
    const serverA = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', String(portA)], { env: serverEnv });
    const serverB = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', String(portB)], { env: serverEnv });
    const titled = (pid: number | undefined, title: string): Promise<number> =>
      waitFor(() => pid !== undefined && cmdline(pid) === title && pid, { what: `${pid ?? '?'} to be titled ${title}` });
    await titled(serverA.pid, `procview chat-server 127.0.0.1:${portA}`);
    await titled(serverB.pid, `procview chat-server 127.0.0.1:${portB}`);

    // Room B's client, in full: `procview chat-client bea 127.0.0.1:PORT_B` and its keyboard child.
    const bea = spawnGroup(process.execPath, [CLI, 'chat', 'client', '127.0.0.1', String(portB), '--name', 'bea'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const beaPid = await titled(bea.pid, `procview chat-client bea 127.0.0.1:${portB}`);
    const beaInput = await waitFor(() => childOf(beaPid), { what: "bea's keyboard child" });
    await titled(beaInput, `procview chat-input bea 127.0.0.1:${portB}`);

    // Room A's client with an argv too short for the address: `node cli.js chat client PORT`,
    // name typed. Its title is then `procview chat-client zed`; the view takes it through its child.
    const zed = spawnGroup(process.execPath, ['cli.js', 'chat', 'client', String(portA)], {
      argv0: 'node',
      cwd: dirname(CLI),
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    zed.stdin?.write('zed\n');
    const zedPid = await titled(zed.pid, 'procview chat-client zed');
    const zedInput = await waitFor(() => childOf(zedPid), { what: "zed's keyboard child" });
    await titled(zedInput, `procview chat-input zed 127.0.0.1:${portA}`);

    const view = runInPty(['--watch', `chat:${portA}`, '-d', '0.3'], { cols: 200, rows: 40, env });
    await view.waitForScreen(`Found the chat server 127.0.0.1:${portA} (pid ${serverA.pid})`);
    const screen = await view.waitForScreen(row('chat-input zed'));
    const shown = pidsShown(screen);
    expect(shown).toContain(serverA.pid);
    expect(shown).toContain(zedPid);
    expect(shown).toContain(zedInput);
    expect(screen).toMatch(new RegExp(`^\\s*${zedPid}\\s.*procview chat-client zed`, 'mu'));
    // Room B was there before the view started: had the view taken it, it would show by now.
    for (const pid of [serverB.pid, beaPid, beaInput]) expect(shown, `pid ${pid} of room B`).not.toContain(pid);
    expect(screen).not.toMatch(/chat-(client|input) bea/u);

    view.write('q');
    expect((await view.waitForExit()).exitCode).toBe(0);
    // Stopped the way a user would: each tells its clients, which then leave, and removes its socket file.
    for (const server of [serverA, serverB]) process.kill(server.pid ?? 0, 'SIGTERM');
    for (const pid of [serverA.pid ?? 0, serverB.pid ?? 0, beaPid, zedPid]) await waitFor(() => isGone(pid), { what: `${pid} to exit` });
    await waitFor(() => readdirSync(runtimeDir, { recursive: true }).every((name) => !String(name).endsWith('.sock')), {
      what: 'the admin socket files to be removed',
    });
  });
});
