// `procview chat …` command lines, through the built CLI.
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../chat/helpers.js';

const run = promisify(execFile);

async function chat(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'chat', ...args], { env: { ...process.env, LANG: 'C.UTF-8' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('procview chat (command line)', () => {
  it('has help for itself and each subcommand, and a version', async () => {
    const top = await chat('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('procview chat server');
    expect(top.stdout).toMatch(/L NAME\s+log in/u);
    for (const sub of ['server', 'client', 'say']) {
      const help = await chat(sub, '--help');
      expect(help.code, sub).toBe(0);
      expect(help.stdout, sub).toContain(`procview chat ${sub}`);
    }
    expect((await chat('server', '--help')).stdout).toContain('listening on HOST:PORT');
    expect((await chat('--version')).stdout).toMatch(/^procview \d+\.\d+\.\d+\n$/u);
    expect((await chat('client', '--version')).code).toBe(0);
  });

  it('exits 2 with exactly one line naming the problem, then the usage', async () => {
    const cases: [string[], string][] = [
      [[], 'chat needs server, client or say'],
      [['dance'], "unknown chat command 'dance'"],
      [['server', '--port', 'abc'], "--port must be a whole number from 0 to 65535, not 'abc'"],
      [['server', '--port', '70000'], "--port must be a whole number from 0 to 65535, not '70000'"],
      [['server', '--lang', 'fr'], "--lang must be en or zh, not 'fr'"],
      [['server', '--rate', '0'], "--rate must be a positive number, not '0'"],
      // A negative value reaches the check (parseArgs alone would call it "ambiguous").
      [['server', '--burst', '-1'], "--burst must be a whole number from 1 to 1000000, not '-1'"],
      [['server', '--max-per-address', '0'], "--max-per-address must be a whole number from 1 to 1000000, not '0'"],
      [['server', '--logins-per-minute', 'many'], "--logins-per-minute must be a whole number from 1 to 1000000, not 'many'"],
      [['server', '--idle-timeout', '-5'], "--idle-timeout must be a non-negative number, not '-5'"],
      [['server', '--lifeline-fd', '2'], "--lifeline-fd must be a whole number from 3 to 65535, not '2'"],
      [['server', '--lifeline-fd', '4000'], '--lifeline-fd 4000 is not an open file descriptor'],
      [['server', '--bogus'], "unknown option '--bogus'"],
      [['client', 'a', '1', 'extra'], 'too many arguments: extra'],
      [['client', 'localhost', 'port'], "PORT must be a whole number from 1 to 65535, not 'port'"],
      [['client', '--heartbeat', 'soon'], "--heartbeat must be a non-negative number, not 'soon'"],
      [['say'], 'say needs the text to say'],
      [['say', 'hi', '--port', '0'], "--port must be a whole number from 1 to 65535, not '0'"],
    ];
    for (const [args, message] of cases) {
      const result = await chat(...args);
      const what = args.join(' ');
      expect(result.code, what).toBe(2);
      const [first, second] = result.stderr.split('\n');
      expect(first, what).toBe(`procview: ${message}`);
      // The usage line of the subcommand at fault (or of chat itself).
      expect(second, what).toMatch(/^Usage: procview chat /u);
      expect(result.stderr.split('\n')).toHaveLength(3);
      expect(result.stdout, what).toBe('');
    }
    // Nineteen runs of the CLI, one after another: room for a loaded machine.
  }, 120_000);

  it('refuses a lifeline that is no pipe or socket, before starting anything', () => {
    // A regular file never reaches end-of-file when its holder dies.
    const fd = openSync(CLI, 'r');
    try {
      const result = spawnSync(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--lifeline-fd', '3'], {
        stdio: ['ignore', 'pipe', 'pipe', fd],
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe('procview: --lifeline-fd 3 is not a pipe or socket');
      expect(result.stdout).toBe('');
    } finally {
      closeSync(fd);
    }
  });
});
