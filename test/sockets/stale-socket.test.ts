// Which file at a Unix socket path may be removed before bind
// (src/sockets/stale-socket.ts), on real files and sockets in a private
// directory: only a socket of ours that nobody answers on.
import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeSocketFile, notOurSocket, removeOurSocketFile, removeStaleSocket } from '../../src/sockets/stale-socket.js';

let dir: string;
const servers: Server[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'procview-stale-test-'));
});
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A socket file nobody listens on: its server bound it and was killed before it could remove it. */
async function staleSocket(name: string): Promise<string> {
  const path = join(dir, name);
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
  await new Promise((resolve) => child.once('exit', resolve));
  expect(lstatSync(path).isSocket()).toBe(true);
  return path;
}

async function liveSocket(name: string): Promise<string> {
  const path = join(dir, name);
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return path;
}

const uid = process.getuid?.();

describe('stale socket files', () => {
  it('removes a stale socket of ours, and says so', async () => {
    const path = await staleSocket('stale.sock');
    expect(await judgeSocketFile(path)).toEqual({ kind: 'stale' });
    expect(await removeStaleSocket(path)).toEqual({ kind: 'stale' });
    expect(() => lstatSync(path)).toThrow(/ENOENT/u);
    expect(await removeStaleSocket(path)).toEqual({ kind: 'absent' });
  });

  it('never removes a socket something answers on', async () => {
    const path = await liveSocket('live.sock');
    expect(await removeStaleSocket(path)).toEqual({ kind: 'live' });
    expect(lstatSync(path).isSocket()).toBe(true);
  });

  it("never removes a regular file, a link (even to a stale socket), or another uid's socket", async () => {
    const file = join(dir, 'file.sock');
    writeFileSync(file, 'precious');
    expect(await removeStaleSocket(file)).toEqual({ kind: 'foreign', reason: `${file} is not a socket (ls -l type '-')` });
    expect(readFileSync(file, 'utf8')).toBe('precious');

    const target = await staleSocket('target.sock');
    const link = join(dir, 'link.sock');
    symlinkSync(target, link);
    expect(await removeStaleSocket(link)).toEqual({ kind: 'foreign', reason: `${link} is a symbolic link, not a socket` });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(target).isSocket()).toBe(true);

    if (uid !== undefined) {
      expect(await removeStaleSocket(target, uid + 1)).toEqual({ kind: 'foreign', reason: `${target} belongs to uid ${uid}, not to uid ${uid + 1}` });
      expect(lstatSync(target).isSocket()).toBe(true);
    }
  });

  it('notOurSocket judges the file alone, without connecting', async () => {
    const path = await liveSocket('live.sock');
    expect(notOurSocket(path)).toBeUndefined();
    expect(notOurSocket(join(dir, 'missing.sock'))).toMatch(/^cannot lstat .*missing\.sock \(ENOENT\)$/u);
  });
});

describe('removeOurSocketFile', () => {
  it('removes a socket of ours without asking who listens, and nothing else', async () => {
    const path = await staleSocket('ours.sock');
    expect(removeOurSocketFile(path)).toBe(true);
    expect(() => lstatSync(path)).toThrow(/ENOENT/u);
    expect(removeOurSocketFile(path)).toBe(false);

    const file = join(dir, 'file.sock');
    writeFileSync(file, 'precious');
    expect(removeOurSocketFile(file)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('precious');

    const target = await staleSocket('target.sock');
    const link = join(dir, 'link.sock');
    symlinkSync(target, link);
    expect(removeOurSocketFile(link)).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    if (uid !== undefined) expect(removeOurSocketFile(target, uid + 1)).toBe(false);
    expect(lstatSync(target).isSocket()).toBe(true);
  });
});
