// `--lang en|zh` on any command, else the locale: help and errors in Chinese,
// English unchanged, and --json the same whatever the language.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, type CliResult, lines, REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** The CLI with `env` over a locale-free environment (no LC_* or LANG of the test's own). */
function runWithEnv(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'LANG' && !key.startsWith('LC_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...base, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

describe('--lang and the locale', () => {
  it('prints the help in Chinese with --lang zh, in English by default', async () => {
    const zh = await runCli(['--help', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('procview：实时查看 Unix 进程。');
    expect(zh.stdout).toContain('事件来源');
    const en = await runWithEnv(['--help'], {});
    expect(en.stdout.startsWith('procview: see Unix processes live.\n')).toBe(true);
  });

  it('prints every translated command help in Chinese', async () => {
    for (const args of [
      ['ps'],
      ['tree'],
      ['events'],
      ['run'],
      ['serve'],
      ['demo'],
      ['-d', '1'],
      ['chat', 'server'],
      ['chat', 'client'],
      ['chat', 'say'],
      ['record'],
      ['replay'],
    ]) {
      const result = await runCli([...args, '--help', '--lang', 'zh']);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/^procview[^\n]*：[^\n]*\n\n(用法：procview|选项：)/u);
    }
  });

  it('says a usage error in Chinese: two lines, exit 2', async () => {
    const result = await runCli(['demo', '--hold', 'x', '--lang=zh']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      "procview: --hold 必须是 0.1 到 3600 之间的秒数，而不是 'x'",
      expect.stringMatching(/^用法：procview demo .*（procview demo --help 查看更多）$/u),
    ]);
  });

  it('follows LANG=zh_CN.UTF-8, and LC_ALL over LANG', async () => {
    const zh = await runWithEnv(['nope'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("procview: 未知命令 'nope'");
    const en = await runWithEnv(['nope'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' });
    expect(en.stderr).toContain("procview: unknown command 'nope'");
  });

  it('refuses a language it does not have', async () => {
    const result = await runCli(['ps', '--lang', 'fr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--lang must be en or zh, not 'fr'");
  });

  it('keeps --json language-neutral: the same fields in both languages', async () => {
    const [en, zh] = await Promise.all([runWithEnv(['tree', '1', '--json'], {}), runWithEnv(['tree', '1', '--json', '--lang', 'zh'], {})]);
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    const keys = (text: string): string[] => Object.keys(JSON.parse(text) as Record<string, unknown>).sort();
    expect(keys(zh.stdout)).toEqual(keys(en.stdout));
  });
});
