// `procview chat …` command lines, through the built CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

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

  it('exits 2 with one line and the usage for a bad command line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /chat needs server, client or say/u],
      [['dance'], /unknown chat command 'dance'/u],
      [['server', '--port', 'abc'], /--port must be a whole number from 0 to 65535, not 'abc'/u],
      [['server', '--port', '70000'], /--port must be a whole number/u],
      [['server', '--lang', 'fr'], /--lang must be en or zh, not 'fr'/u],
      [['server', '--rate', '0'], /--rate must be a positive number/u],
      [['server', '--burst', '-1'], /--burst|argument/u],
      [['server', '--bogus'], /unknown option '--bogus'/iu],
      [['client', 'a', '1', 'extra'], /too many arguments: extra/u],
      [['client', 'localhost', 'port'], /PORT must be a whole number/u],
      [['client', '--heartbeat', 'soon'], /--heartbeat must be a non-negative number/u],
      [['say'], /say needs the text to say/u],
      [['say', 'hi', '--port', '0'], /--port must be a whole number from 1 to 65535/u],
    ];
    for (const [args, message] of cases) {
      const result = await chat(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr, args.join(' ')).toContain('Usage: procview chat server');
    }
  });
});
