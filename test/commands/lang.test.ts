// `--lang en|zh` on any command, else the locale: help and errors in Chinese,
// English unchanged, and --json the same whatever the language.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../chat/helpers.js';
import { CLI, type CliResult, lines, REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** The CLI with `env` over a locale-free environment (no LC_* or LANG of the test's own). */
function runWithEnv(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'LANG' && !key.startsWith('LC_')));
  return new Promise((resolve) => {
    // maxBuffer: `tree 1 --json` is the whole machine's tree (4 MB with 2000 processes; execFile's default stops at 1 MiB).
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPO_ROOT, env: { ...base, ...env }, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      },
    );
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
      "procview: --hold 必须是介于 0.1 到 3600 之间的秒数，而不是 'x'",
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

  it('says --lang without a value wants one, as for any option, in both languages', async () => {
    const en = await runWithEnv(['demo', 'zombie', '--plain', '--lang'], {});
    expect(en.code).toBe(2);
    expect(lines(en.stderr)).toEqual(["procview: option '--lang <value>' argument missing", 'Usage: procview [COMMAND] [OPTIONS] [--lang en|zh]']);
    const zh = await runWithEnv(['demo', 'zombie', '--plain', '--lang'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(lines(zh.stderr)[0]).toBe("procview: 选项 '--lang' 缺少值");
    // Any other option's missing value: the option by its name (缺少值 says a value is wanted).
    const watch = await runCli(['--watch', '--lang', 'zh']);
    expect(watch.code).toBe(2);
    expect(lines(watch.stderr)[0]).toBe("procview: 选项 '--watch' 缺少值");
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

describe('recordings, kernel events and the chat room in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'procview-zh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a missing, a foreign and a directory recording in Chinese: one line, exit 1', async () => {
    const missing = join(dir, 'missing.pvr');
    const gone = await runCli(['replay', missing, '--lang', 'zh']);
    expect(gone.code).toBe(1);
    expect(lines(gone.stderr)).toEqual([`procview: 无法读取 ${missing}：没有那个文件或目录（ENOENT）`]);
    const foreign = join(dir, 'foreign.pvr');
    writeFileSync(foreign, 'GIF89a not a recording');
    const other = await runCli(['replay', foreign, '--lang', 'zh']);
    expect(other.code).toBe(1);
    expect(lines(other.stderr)).toEqual([`procview: ${foreign}: 不是 procview 的录制文件（开头不是 PVRECORD）`]);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const taken = await runCli(['record', folder, '--events', 'polling', '--lang', 'zh']);
    expect(taken.code).toBe(1);
    expect(lines(taken.stderr)).toEqual([`procview: ${folder} 是一个目录：录制从不覆盖已有的文件（请给一个新文件的名字）`]);
    // English stays as it was.
    const en = await runCli(['replay', missing]);
    expect(lines(en.stderr)).toEqual([`procview: cannot read ${missing}: no such file or directory (ENOENT)`]);
  });

  it('records and replays in Chinese; the replay --json is the same in both languages', async () => {
    const file = join(dir, 'short.pvr');
    const recorded = await runCli(['record', file, '--duration', '0.3', '--events', 'polling', '--lang', 'zh']);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(lines(recorded.stderr)).toEqual([
      `procview record: 正在把 所有进程 录制到 ${file}（事件：轮询，每 1 秒）；录制 0.3 秒`,
      expect.stringMatching(new RegExp(`^procview record: \\d+ 帧，\\d+ 字节，已写入 ${file}$`, 'u')),
    ]);
    const plain = await runCli(['replay', file, '--plain', '--lang', 'zh']);
    expect(plain.code, plain.stderr).toBe(0);
    const out = lines(plain.stdout);
    expect(out[0]).toMatch(/^procview replay: 所有进程，录制于 \S+，主机 .+，procview \S+：共 \d+ 帧，历时 [\d.]+ 秒$/u);
    expect(out[out.length - 1]).toMatch(/^\[\+[\d.]+s\] 录制结束（本地时间 [\d:.]+）$/u);
    const [zh, en] = await Promise.all([runCli(['replay', file, '--json', '--lang', 'zh']), runWithEnv(['replay', file, '--json'], {})]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(en.stdout);
  });

  it('says why kernel events cannot be had in Chinese', async () => {
    const off = await runWithEnv(['events', '--events', 'kernel', '--lang', 'zh'], { PROCVIEW_EVENTS: 'polling' });
    expect(off.code).toBe(1);
    expect(lines(off.stderr)).toEqual(['procview: --events kernel: 内核事件已关闭（PROCVIEW_EVENTS=polling）']);
    const bad = await runWithEnv(['events', '--lang', 'zh'], { PROCVIEW_EVENTS: 'sometimes' });
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)[0]).toBe("procview: PROCVIEW_EVENTS 必须是 auto、kernel 或 polling，而不是 'sometimes'");
  });

  it('runs the chat server in Chinese on stderr; its listening lines stay English, as scripts read them', async () => {
    const server = await startServer(['--lang', 'zh']);
    expect(server.stdout.all[0]).toMatch(/^listening on 127\.0\.0\.1:\d+$/u);
    expect(server.stdout.all[1]).toMatch(/^admin socket: /u);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.stderr.all).toContain('procview chat: 聊天室已关闭');
  });

  it('says in Chinese that no chat server answers on a port', async () => {
    // A runtime dir of its own: no admin socket is there for any port.
    const runtime = join(dir, 'runtime');
    mkdirSync(runtime);
    const result = await runWithEnv(['chat', 'say', '--port', '45678', 'hello', '--lang', 'zh'], { XDG_RUNTIME_DIR: runtime });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      `procview: 端口 45678 上没有运行 procview 聊天服务器（${join(runtime, `procview-${process.getuid?.() ?? 'user'}`, 'chat-45678.sock')} 上没有管理员套接字应答）`,
    ]);
  });

  it("says the chat client's unknown host in Chinese", async () => {
    const result = await runCli(['chat', 'client', 'no_such_host.invalid', '9999', '--name', 'ann', '--lang', 'zh']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['procview: 无法解析主机 no_such_host.invalid']);
  });
});
