// The unix-socket lesson removes a stale socket file before bind. It must
// never remove anything else: not a regular file, not a symbolic link (not
// even one pointing at a stale socket), not another user's socket. The real
// server script is run against each, in a private directory of the test's.
import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notOurSocket } from '../../../src/sockets/stale-socket.js';
import { LineSplitter } from '../../../src/text/lines.js';
import { spawnGroup } from '../../helpers/processes.js';

const SERVER = fileURLToPath(new URL('../../../dist/demos/children/socket-server.js', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'procview-socket-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A socket file nobody listens on: its server bound it and was killed before it could remove it. */
async function staleSocket(path: string): Promise<void> {
  const server = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
  await new Promise((resolve) => server.once('exit', resolve));
  expect(lstatSync(path).isSocket()).toBe(true);
}

/** Runs the lesson's server on `path` until it exits (10 s at most); its messages and exit code. */
async function runServer(path: string, env: NodeJS.ProcessEnv = {}): Promise<{ kinds: string[]; messages: string[]; code: number | null }> {
  const server = spawnGroup(process.execPath, [SERVER, '--procview-demo=socket-test:0', `path=${path}`], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const splitter = new LineSplitter();
  server.stdout?.on('data', (chunk: Buffer) => lines.push(...(splitter.push(chunk) ?? [])));
  let timer: NodeJS.Timeout | undefined;
  // 'close': the process has exited and its stdout is fully read.
  const closed = new Promise<{ code: number | null }>((resolve) => server.once('close', (code) => resolve({ code })));
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not give up within 10 s: ${lines.join('\n')}`)), 10_000);
  });
  const { code } = await Promise.race([closed, deadline]).finally(() => clearTimeout(timer));
  const parsed = lines.map((line) => JSON.parse(line) as { kind: string; message?: string });
  return { kinds: parsed.map((m) => m.kind), messages: parsed.flatMap((m) => (m.message === undefined ? [] : [m.message])), code };
}

describe('which file at a socket path may be removed', () => {
  it('a socket of ours: yes; anything else says why not', async () => {
    const socket = join(dir, 'ours.sock');
    await staleSocket(socket);
    expect(notOurSocket(socket)).toBeUndefined();
    const uid = process.getuid?.();
    if (uid !== undefined) expect(notOurSocket(socket, uid + 1)).toBe(`${socket} belongs to uid ${uid}, not to uid ${uid + 1}`);

    const file = join(dir, 'plain.sock');
    writeFileSync(file, 'precious');
    expect(notOurSocket(file)).toBe(`${file} is not a socket (ls -l type '-')`);
    const link = join(dir, 'link.sock');
    symlinkSync(socket, link);
    expect(notOurSocket(link)).toBe(`${link} is a symbolic link, not a socket`);
    expect(notOurSocket(join(dir, 'missing.sock'))).toMatch(/cannot lstat .*ENOENT/u);
  });
});

describe('the lesson server and a name that is taken', () => {
  it('leaves a regular file alone and says so', async () => {
    const path = join(dir, 'server.sock');
    writeFileSync(path, 'precious');
    const { kinds, messages, code } = await runServer(path);
    expect(kinds).toEqual(['hello', 'bind-failed', 'not-removed']);
    expect(messages).toEqual([`will not remove ${path} is not a socket (ls -l type '-')`]);
    expect(code).toBe(4);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('says so in the language procview hands it (PROCVIEW_LANG), with no English left', async () => {
    const path = join(dir, 'server.sock');
    writeFileSync(path, 'precious');
    const { kinds, messages, code } = await runServer(path, { PROCVIEW_LANG: 'zh' });
    expect(kinds).toEqual(['hello', 'bind-failed', 'not-removed']);
    expect(messages).toEqual([`不会删除：${path} 不是套接字（ls -l 类型为“-”）`]);
    // Only the path and the command it quotes are Latin letters.
    expect(messages[0]?.replace(path, '').replace('ls -l', '')).not.toMatch(/[A-Za-z]/u);
    expect(code).toBe(4);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('leaves a symbolic link alone, even one that points at a stale socket', async () => {
    const target = join(dir, 'target.sock');
    await staleSocket(target);
    const path = join(dir, 'server.sock');
    symlinkSync(target, path);
    const { kinds, code } = await runServer(path);
    expect(kinds).toEqual(['hello', 'bind-failed', 'not-removed']);
    expect(code).toBe(4);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(lstatSync(target).isSocket()).toBe(true);
  });
});
