// `procview serve`: the command line, and the built CLI as a process: it says
// where it listens, closes cleanly on SIGTERM and SIGINT (exit 0), refuses a
// port in use (exit 1) and a bad command line (exit 2).
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs, SERVE_USAGE } from '../../src/commands/serve.js';
import { UsageError } from '../../src/base/errors.js';
import { CLI, ensureBuilt, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { spawnGroup } from '../helpers/processes.js';

beforeAll(ensureBuilt);

describe('parseServeArgs', () => {
  it('defaults to loopback 9256, a 15 s scan, all processes, 10 top parents', () => {
    expect(parseServeArgs(['--metrics'])).toMatchObject({
      listen: { host: '127.0.0.1', port: 9256 },
      intervalMs: 15_000,
      scope: { kind: 'all' },
      groups: [],
      topParents: 10,
    });
  });

  it('reads every option', () => {
    const args = parseServeArgs([
      '--metrics',
      '--listen',
      '[::1]:9300',
      '-d',
      '0.5',
      '--watch',
      '42',
      '--group',
      'a=x',
      '--group',
      'b=cmdline:y',
      '--top-parents',
      '0',
    ]);
    expect(args).toMatchObject({ listen: { host: '::1', port: 9300 }, intervalMs: 500, scope: { kind: 'pids', pids: [42] }, topParents: 0 });
    expect(args.groups.map((g) => [g.name, g.field])).toEqual([
      ['a', 'comm'],
      ['b', 'cmdline'],
    ]);
    expect(parseServeArgs(['--metrics', '--watch', 'nginx']).scope).toEqual({ kind: 'name', pattern: 'nginx' });
  });

  it('refuses a bad command line with a UsageError naming the problem', () => {
    const cases: [string[], RegExp][] = [
      [[], /needs --metrics/u],
      [['--metrics', '--listen', 'localhost:9256'], /--listen needs HOST:PORT/u],
      [['--metrics', '-d', '0'], /-d must be/u],
      [['--metrics', '--top-parents', '101'], /--top-parents must be/u],
      [['--metrics', '--group', 'x=('], /invalid regular expression/u],
      [['--metrics', '--watch', '1', '--watch', '2'], /once/u],
      [['--metrics', 'extra'], /unexpected argument/u],
    ];
    for (const [argv, message] of cases) expect(() => parseServeArgs(argv)).toThrow(message);
    expect(() => parseServeArgs(['--frob'])).toThrow(UsageError);
  });

  it('says in its help what listening on 0.0.0.0 exposes', () => {
    expect(SERVE_USAGE).toMatch(/0\.0\.0\.0:PORT .* answers anyone who can reach this host/su);
    expect(SERVE_USAGE).toContain('without\n                       authentication');
  });
});

async function startServe(args: readonly string[]) {
  const child = spawnGroup(process.execPath, [CLI, 'serve', '--metrics', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const [line] = (await once(lines, 'line')) as [string];
  // 'close': the process has exited and its stderr is read to the end.
  const exit = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, line, exit, stderr: () => stderr };
}

describe('procview serve (the built CLI)', () => {
  it('--watch a pid that is not there: exit 1 naming it, as events and record do (it served zeros for ever)', async () => {
    const { code, stdout, stderr } = await runCli(['serve', '--metrics', '--watch', '4194304', '--listen', '127.0.0.1:0']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('procview: no process with pid 4194304\n');
  });

  it('prints its URL, answers, and exits 0 on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const served = await startServe(['--listen', '127.0.0.1:0', '-d', '60']);
      const url = /http:\/\/127\.0\.0\.1:\d+\/metrics/u.exec(served.line)?.[0];
      expect(url).toBeDefined();
      const answer = await fetch(url ?? '');
      expect(answer.status).toBe(200);
      await answer.text();
      served.child.kill(signal);
      expect(await served.exit).toEqual([0, null]);
      expect(served.stderr()).toBe('');
    }
  });

  it('warns on stderr when listening beyond loopback', async () => {
    const served = await startServe(['--listen', '0.0.0.0:0', '-d', '60']);
    expect(served.line).toMatch(/^procview serve: metrics on http:\/\/0\.0\.0\.0:\d+\/metrics$/u);
    served.child.kill('SIGTERM');
    expect(await served.exit).toEqual([0, null]);
    expect(served.stderr()).toContain('anyone who can reach it can read these metrics');
  });

  it('exits 1 naming the address when the port is taken, 2 for a bad command line', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    try {
      const taken = await runCli(['serve', '--metrics', '--listen', `127.0.0.1:${port}`]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toBe(`procview: 127.0.0.1:${port} is already in use\n`);
    } finally {
      blocker.close();
    }
    const bad = await runCli(['serve', '--metrics', '--listen', 'nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe("procview: --listen needs HOST:PORT with an IP address (IPv6 in brackets), not 'nowhere'");
  });
});
