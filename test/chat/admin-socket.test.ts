// The admin's Unix socket: who can reach it, how it is born and removed, and
// speaking through it with connectAdmin and `procview chat say`.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminSocketPath, connectAdmin } from '../../src/chat/admin-client.js';
import { setLanguage } from '../../src/text/i18n/lang.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { childrenOf, CLI, RawClient, runtimeDir, startServer, waitGone } from './helpers.js';

const run = promisify(execFile);
const uid = process.getuid?.() ?? -1;

/** `procview chat say …`: exit code and output. */
async function say(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [CLI, 'chat', 'say', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? -1, stderr: failure.stderr ?? '' };
  }
}

describe('adminSocketPath', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.XDG_RUNTIME_DIR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_RUNTIME_DIR;
    else process.env.XDG_RUNTIME_DIR = saved;
  });

  it('refuses a number that is not a UDP port, in the chosen language', ({ onTestFinished }) => {
    onTestFinished(() => setLanguage(undefined));
    expect(() => adminSocketPath(0)).toThrow(new RangeError('not a UDP port: 0'));
    setLanguage('zh');
    expect(() => adminSocketPath(65_536)).toThrow(new RangeError('不是 UDP 端口：65536'));
  });

  it('is one file per port in a private directory it creates with mode 0700', () => {
    const base = runtimeDir();
    process.env.XDG_RUNTIME_DIR = base;
    const path = adminSocketPath(4242);
    expect(path).toBe(join(base, `procview-${uid}`, 'chat-4242.sock'));
    expect(statSync(join(base, `procview-${uid}`)).mode & 0o777).toBe(0o700);
    expect(adminSocketPath(4243)).not.toBe(path);
  });

  it('refuses a directory open to others, a symlink, or one owned by someone else', () => {
    const base = runtimeDir();
    process.env.XDG_RUNTIME_DIR = base;
    const dir = join(base, `procview-${uid}`);
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    expect(() => adminSocketPath(4242)).toThrow(/mode is 0755, it must be 0700/u);
    chmodSync(dir, 0o700);
    expect(() => adminSocketPath(4242)).not.toThrow();

    const other = runtimeDir();
    process.env.XDG_RUNTIME_DIR = other;
    symlinkSync(dir, join(other, `procview-${uid}`));
    expect(() => adminSocketPath(4242)).toThrow(/not a directory/u);
  });

  it.skipIf(uid !== 0)('refuses a directory owned by another user (needs root to make one)', () => {
    const base = runtimeDir();
    process.env.XDG_RUNTIME_DIR = base;
    const dir = join(base, `procview-${uid}`);
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 12345, 12345);
    expect(() => adminSocketPath(4242)).toThrow(/belongs to uid 12345/u);
  });

  it('refuses a port that is not one', () => {
    expect(() => adminSocketPath(0)).toThrow(RangeError);
    expect(() => adminSocketPath(70000)).toThrow(RangeError);
  });
});

describe('the admin socket of a running server', () => {
  it('is a 0600 file in a 0700 directory, at adminSocketPath(port)', async () => {
    const dir = runtimeDir();
    const server = await startServer([], { XDG_RUNTIME_DIR: dir });
    expect(server.socketPath).toBe(join(dir, `procview-${uid}`, `chat-${server.port}.sock`));
    const stat = statSync(server.socketPath);
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, `procview-${uid}`)).mode & 0o777).toBe(0o700);
  });

  it('lets connectAdmin speak as the admin and stream every room line, stripped', async () => {
    const server = await startServer();
    const admin = await connectAdmin({ port: server.port, socketPath: server.socketPath });
    const lines: string[] = [];
    admin.onRoomLine((line) => lines.push(line));
    const alice = await RawClient.open(server.port);
    await alice.login('alice');
    await waitFor(() => lines.includes('alice joined the room'), { what: 'the join line' });
    await admin.say('welcome \u001b[31malice');
    await alice.expect('admin says: welcome alice');
    await alice.send('C alice thanks \u001b]0;x\u0007!');
    await alice.send('Q alice');
    await waitFor(() => lines.includes('alice left the room'), { what: 'the leave line' });
    expect(lines).toEqual(['alice joined the room', 'admin says: welcome alice', 'alice says: thanks !', 'alice left the room']);
    await expect(admin.say('   ')).rejects.toThrow('error: empty message');
    admin.close();
  });

  it('finds the server by port alone through XDG_RUNTIME_DIR', async () => {
    const dir = runtimeDir();
    const server = await startServer([], { XDG_RUNTIME_DIR: dir });
    const saved = process.env.XDG_RUNTIME_DIR;
    process.env.XDG_RUNTIME_DIR = dir;
    try {
      const admin = await connectAdmin({ port: server.port });
      const bob = await RawClient.open(server.port);
      await bob.login('bob');
      await admin.say('hi bob');
      await bob.expect('admin says: hi bob');
      admin.close();
    } finally {
      if (saved === undefined) delete process.env.XDG_RUNTIME_DIR;
      else process.env.XDG_RUNTIME_DIR = saved;
    }
  });

  it('serves `procview chat say`, which fails clearly when no server listens', async () => {
    const dir = runtimeDir();
    const server = await startServer([], { XDG_RUNTIME_DIR: dir });
    const bob = await RawClient.open(server.port);
    await bob.login('bob');
    expect(await say(['lunch', 'is', 'served', '--port', String(server.port)], { XDG_RUNTIME_DIR: dir })).toEqual({ code: 0, stderr: '' });
    await bob.expect('admin says: lunch is served');
    await server.stop();
    const after = await say(['anyone?', '--port', String(server.port)], { XDG_RUNTIME_DIR: dir });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`no procview chat server is running on port ${server.port}`);
  });

  it('connectAdmin rejects with a clear error when nothing listens', async () => {
    const path = join(runtimeDir(), 'nothing.sock');
    await expect(connectAdmin({ port: 9, socketPath: path })).rejects.toThrow(/no procview chat server is running on port 9/u);
  });

  it('is removed on exit, and by the admin when the server is killed outright', async () => {
    const server = await startServer();
    const [admin] = childrenOf(server.pid);
    server.child.kill('SIGKILL'); // no chance to clean up: the admin sees the channel close
    await waitGone(admin ?? 0);
    expect(existsSync(server.socketPath)).toBe(false);
  });

  it('a stale file from a crashed run is removed before bind', async () => {
    const dir = runtimeDir();
    const path = join(dir, 'admin.sock');
    // A real crash: the whole server group dies by SIGKILL, the file stays.
    const first = await startServer(['--admin-socket', path], { XDG_RUNTIME_DIR: dir });
    process.kill(-first.pid, 'SIGKILL');
    await first.stop();
    expect(statSync(path).isSocket()).toBe(true);
    const second = await startServer(['--admin-socket', path], { XDG_RUNTIME_DIR: dir });
    const admin = await connectAdmin({ port: second.port, socketPath: path });
    const carol = await RawClient.open(second.port);
    await carol.login('carol');
    await admin.say('fresh start');
    await carol.expect('admin says: fresh start');
    admin.close();
  });

  it("a live server's socket is never stolen", async () => {
    const dir = runtimeDir();
    const path = join(dir, 'admin.sock');
    const first = await startServer(['--admin-socket', path], { XDG_RUNTIME_DIR: dir });
    const second = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--admin-socket', path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    second.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`another chat server already answers at ${path}`);
    const admin = await connectAdmin({ port: first.port, socketPath: path });
    const dave = await RawClient.open(first.port);
    await dave.login('dave');
    await admin.say('still mine');
    await dave.expect('admin says: still mine');
    admin.close();
  });

  it('refuses a symbolic link there, even one to a stale socket, and leaves both alone', async () => {
    const dir = runtimeDir();
    const target = join(dir, 'target.sock');
    const first = await startServer(['--admin-socket', target], { XDG_RUNTIME_DIR: dir });
    process.kill(-first.pid, 'SIGKILL'); // the whole group: the file stays, stale
    await first.stop();
    const path = join(dir, 'admin.sock');
    symlinkSync(target, path);
    const child = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--admin-socket', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(stderr).toContain(`refusing to use the admin socket path: ${path} is a symbolic link, not a socket`);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(lstatSync(target).isSocket()).toBe(true);
  });

  it('refuses to replace a file that is not a socket', async () => {
    const dir = runtimeDir();
    const path = join(dir, 'admin.sock');
    writeFileSync(path, 'precious');
    const child = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--admin-socket', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(stderr).toContain(`refusing to use the admin socket path: ${path} is not a socket (ls -l type '-')`);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it("says why in the server's language, which its admin process is handed", async () => {
    const dir = runtimeDir();
    const path = join(dir, 'admin.sock');
    writeFileSync(path, 'precious');
    const args = [CLI, 'chat', 'server', '--port', '0', '--admin-socket', path, '--lang', 'zh'];
    const child = spawnGroup(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(stderr).toContain(`拒绝使用这个管理员套接字路径：${path} 不是套接字（ls -l 类型为“-”）`);
    expect(stderr).not.toContain('is not a socket');
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });
});
