// The dashboard in Chinese, in a real pseudo-terminal with LANG=zh_CN.UTF-8:
// event lines and the help in Chinese, and every column where it belongs,
// counted in the terminal's own cells (two per Han character): the rule
// between the events and the side pane in one column, the help's
// descriptions in one column, its border in one column, and a wrapped
// description that reads back whole (no character, no placeholder cut).
import { createSocket, type Socket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { messageIn } from '../../src/text/i18n/message.js';
import { pidOf } from './helpers/procs.js';
import { type PtyRun, runInPty } from './helpers/pty.js';
import { nativeAddonMissing } from '../helpers/optional-tools.js';

const COLS = 120;

/** The cells of row `y` from `from` to `to` (excluded), wide characters once (xterm gives their second cell as ''). */
function cells(run: PtyRun, y: number, from: number, to: number): string {
  let text = '';
  for (let x = from; x < to; x += 1) text += run.cell(y, x) ?? '';
  return text;
}

/**
 * The screen once a draw is complete: output arrives in chunks, so a line can
 * be on screen while the rows below it are still being written. Two reads
 * 100 ms apart that agree (a refresh redraws only every 0.5 s).
 */
async function settled(run: PtyRun): Promise<string> {
  return waitFor(
    async () => {
      const before = run.screen();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return run.screen() === before ? before : undefined;
    },
    { what: 'the screen to be drawn whole' },
  );
}

/** The first cell of row `y` that holds `char`, or -1. */
function cellOf(run: PtyRun, y: number, char: string): number {
  for (let x = 0; x < COLS; x += 1) if (run.cell(y, x) === char) return x;
  return -1;
}

describe('the dashboard in Chinese', () => {
  it('shows Chinese event lines and help with the columns aligned', async () => {
    const run = runInPty(['run', '--', 'sh', '-c', 'sh -c "exit 3"; sleep 30 & exit 0'], { cols: COLS, rows: 40, env: { LANG: 'zh_CN.UTF-8' } });
    // The child is named sh when its parent exits before it execs sleep (a busy machine): orphaned all the same.
    await run.waitForScreen(/\d+ \((sleep|sh)\) (成为孤儿进程|第一次看到时已被 1 号进程收养)/, 30_000);
    // The exit status of a process procview did not start (the inner sh) comes only from the kernel
    // source: root and the native addon. Polling (no C compiler at install) shows its exit without it.
    if (process.getuid?.() === 0 && nativeAddonMissing() === undefined) await run.waitForScreen(/退出，状态 3（父进程 \d+/);
    let screen = await settled(run);
    expect(screen).toMatch(/任务：/);
    expect(screen).toMatch(/范围：运行 sh -c/);
    expect(screen).toContain('q 退出  ? 帮助');

    // Events pane: a clock, then the sentence; the rule to the side pane in one column on every row.
    const rows = run.rows();
    const title = rows.findIndex((row) => row.includes('事件 ('));
    expect(title, screen).toBeGreaterThan(0);
    const rule = cellOf(run, title, '│');
    expect(rule).toBeGreaterThan(40);
    const eventRows = rows.map((row, y) => [row, y] as const).filter(([row, y]) => y > title && /^\d\d:\d\d:\d\d /.test(row));
    expect(eventRows.length).toBeGreaterThanOrEqual(4);
    const misplaced = eventRows.filter(([, y]) => run.cell(y, rule) !== '│').map(([row]) => row);
    expect(misplaced, screen).toEqual([]);
    expect(eventRows.some(([row]) => /[启退成]/.test(row))).toBe(true);

    // The help: Chinese, each description in the same column, the border in one column.
    run.write('?');
    await run.waitForScreen(/procview 按键[\s\S]*└─+┘/);
    screen = await settled(run);
    expect(screen).toContain('本帮助');
    const help = run.rows();
    const top = help.findIndex((row) => row.includes('┌'));
    const left = cellOf(run, top, '┌');
    let right = -1;
    for (let x = COLS - 1; x > left && right < 0; x -= 1) if (run.cell(top, x) === '┐') right = x;
    expect(right).toBeGreaterThan(left + 40);
    const bottom = help.findIndex((row, y) => y > top && row.includes('└'));
    const bordersOff = [];
    for (let y = top + 1; y < bottom; y += 1) if (run.cell(y, left) !== '│' || run.cell(y, right) !== '│') bordersOff.push(help[y]);
    expect(bordersOff, screen).toEqual([]);
    const starts = ['本帮助', '表格 ⇄ 进程树', '反转排序顺序'].map((text) => {
      const y = help.findIndex((row) => row.includes(text));
      return cellOf(run, y, [...text][0] ?? '');
    });
    expect(new Set(starts).size, screen).toBe(1);
    const column = starts[0] ?? -1;

    // The filter key's description wraps: its lines, read back from the screen, are the whole sentence
    // (a line ends at a space or between two characters, never inside one or inside a word).
    const filterText = messageIn('zh', 'ui.key.11');
    const first = help.findIndex((row) => row.includes('按 pid、名称'));
    const inside = (row: string): string => row.slice(row.indexOf('│') + 1, row.lastIndexOf('│')).trim();
    const firstRow = help[first] ?? '';
    const pieces = [firstRow.slice(firstRow.indexOf('按 pid'), firstRow.lastIndexOf('│')).trim()];
    for (let y = first + 1; y < bottom; y += 1) {
      const more = inside(help[y] ?? '');
      if (more === '' || cells(run, y, left + 1, column).trim() !== '') break;
      pieces.push(more);
    }
    expect(pieces.length, screen).toBeGreaterThan(1);
    let at = 0;
    for (const piece of pieces) {
      if (filterText[at] === ' ') at += 1;
      expect(filterText.slice(at, at + piece.length), `${pieces.join('|')}`).toBe(piece);
      at += piece.length;
    }
    expect(at).toBe(filterText.length);

    run.write('\u001b');
    await waitFor(() => !run.screen().includes('procview 按键'), { what: 'the help to close' });
    run.write('q');
    expect((await run.waitForExit(20_000)).exitCode).toBe(0);
  }, 60_000);
});

describe('the dashboard says its start-up problems in Chinese', () => {
  const dirs: string[] = [];
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a corrupt settings file is named on screen in Chinese', async () => {
    const config = mkdtempSync(join(tmpdir(), 'pv-xdg-'));
    dirs.push(config);
    mkdirSync(join(config, 'procview'));
    writeFileSync(join(config, 'procview', 'config.json'), '[1]');
    const pid = pidOf(spawnGroup('sleep', ['300']));
    const run = runInPty(['--watch', String(pid), '--lang', 'zh'], { cols: 200, rows: 40, env: { XDG_CONFIG_HOME: config } });
    await run.waitForScreen(/没有使用设置文件 \S*config\.json（不是 JSON 对象）；现用默认设置，按 F2 可保存新的设置/u);
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  });

  it('--watch chat:PORT on a port another program holds fails in Chinese, before the terminal is taken', async () => {
    const runtimeDir = mkdtempSync(join(tmpdir(), 'procview-e2e-chat-'));
    dirs.push(runtimeDir);
    // The room's default address (chat/protocol.ts DEFAULT_HOST), held by this test: the server started for the view cannot bind it.
    const holder = createSocket('udp4');
    sockets.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject);
      holder.bind(0, '127.0.0.1', () => resolve());
    });
    const port = holder.address().port;
    const run = runInPty(['--watch', `chat:${port}`, '--lang', 'zh'], { cols: 200, rows: 40, env: { XDG_RUNTIME_DIR: runtimeDir } });
    expect((await run.waitForExit(20_000)).exitCode).toBe(1);
    expect(run.output()).toContain(`procview: --watch chat：在端口 ${port} 上启动了聊天服务器，但它立即退出了（退出码 1；端口被占用了吗？）`);
  });
});
