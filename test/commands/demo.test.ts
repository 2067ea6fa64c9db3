// `procview demo` as a user types it: the list, bad names, bad holds, help,
// and the plain fallback when stdout is not a terminal.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../demos/harness.js';

const LESSONS = ['fork', 'exit', 'orphan', 'zombie', 'wait', 'waitpid', 'double-fork', 'nice', 'states', 'unix-socket'];

async function procview(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('procview demo (command line)', () => {
  it('lists every lesson with one line each', async () => {
    const { code, stdout } = await procview('demo');
    expect(code).toBe(0);
    const names = stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/u)[0]);
    expect(names).toEqual(LESSONS);
    for (const line of stdout.trim().split('\n')) expect(line.trim().split(/\s{2,}/u)[1]?.length).toBeGreaterThan(10);
  });

  it("matches the README's listing word for word (what each lesson really does)", async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const listed = /\n\$ procview demo\n([\s\S]*?)\n```/u.exec(readme)?.[1];
    expect(listed).toBeDefined();
    const { stdout } = await procview('demo');
    expect(listed).toBe(stdout.trimEnd());
  });

  it('refuses an unknown lesson with the list of valid names, exit 2', async () => {
    const { code, stdout, stderr } = await procview('demo', 'zombi', '--plain');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("unknown demo 'zombi'");
    for (const name of LESSONS) expect(stderr).toContain(name);
  });

  it.each([['abc'], ['0'], ['-1'], ['0.05'], ['1e3'], ['Infinity'], [''], ['99999'], ['2s']])(
    'refuses --hold %j with exit 2 before starting anything',
    async (hold) => {
      const { code, stdout, stderr } = await procview('demo', 'zombie', '--plain', '--hold', hold);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/--hold/u);
      // The message says what a valid value is (a negative value is not mistaken for an option).
      expect(stderr.split('\n')[0]).toMatch(/0\.1 to 3600/u);
    },
  );

  it('refuses a missing --hold value and unknown options with exit 2', async () => {
    expect((await procview('demo', 'zombie', '--hold')).code).toBe(2);
    const bogus = await procview('demo', 'zombie', '--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--bogus');
    expect((await procview('demo', 'zombie', 'orphan')).code).toBe(2);
  });

  it('has --help and --version', async () => {
    const help = await procview('demo', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--hold SECONDS');
    expect(help.stdout).toContain('unix-socket');
    const version = await procview('demo', '--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^procview \d+\.\d+\.\d+/u);
  });

  it('runs plain, and says so on stderr, when stdout is not a terminal', async () => {
    const { code, stdout, stderr } = await procview('demo', 'wait', '--hold', '0.5');
    expect(stderr).toContain('not a terminal');
    expect(stdout).toMatch(/^\[\+\d+\.\d{3}s\] lesson "wait"/u);
    expect(stdout).toContain('result: the lesson was observed.');
    expect(code).toBe(0);
  });
});
