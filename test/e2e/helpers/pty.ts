// The dashboard in a real pseudo-terminal: @lydell/node-pty (node-pty with
// prebuilt binaries, so no compiler is needed) runs the built CLI,
// @xterm/headless interprets everything it writes, and tests read the screen
// buffer as a terminal would show it. Every run is killed after its test.
import { fileURLToPath } from 'node:url';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import xterm from '@xterm/headless';
import pty from '@lydell/node-pty';
import { afterEach } from 'vitest';
import { waitFor } from '../../helpers/processes.js';
import { drainedExit } from './pty-exit.js';

export const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

export interface PtyRun {
  readonly pid: number;
  /** The visible screen, one string per row (trailing spaces trimmed). */
  rows(): string[];
  screen(): string;
  /** Everything the program wrote, as written. */
  output(): string;
  /** Titles the program set (OSC 0/2); a hostile name must never add one. */
  readonly titles: string[];
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(signal: NodeJS.Signals): void;
  /** The character(s) drawn in cell `x` of screen row `row` ('' for the second cell of a wide one). */
  cell(row: number, x: number): string | undefined;
  /** Foreground colour (mode:value) of each cell of `text` where it first shows in screen row `row`. */
  colours(row: number, text: string): string[];
  /** 'normal' once the alternate screen has been left. */
  bufferType(): string;
  /** True when the last cursor-visibility switch the program wrote shows it. */
  cursorShown(): boolean;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  /** `exited`, bounded: rejects with the screen if the program is still running after `timeoutMs`. */
  waitForExit(timeoutMs?: number): Promise<{ exitCode: number; signal?: number }>;
  isRunning(): boolean;
  /** Polls the screen until `pattern` shows; returns the screen. */
  waitForScreen(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
}

const runs = new Set<PtyRun>();

export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly env?: Record<string, string>;
  /** The script node runs (default: the built CLI). */
  readonly entry?: string;
}

export function runInPty(args: readonly string[], { cols = 120, rows = 40, env = {}, entry = CLI }: PtyOptions = {}): PtyRun {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  // Unicode 11 widths, as today's terminals draw (an emoji is two cells); xterm's default is Unicode 6.
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  const titles: string[] = [];
  term.onTitleChange((title) => titles.push(title));
  let output = '';
  let running = true;
  const child = pty.spawn(process.execPath, [entry, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: process.cwd(),
    env: { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env } as Record<string, string>,
  });
  child.onData((data) => {
    output += data;
    term.write(data);
  });
  child.onExit(() => {
    running = false;
  });
  // After the last byte was read (not merely at the exit notice), and xterm has parsed it.
  const exited = drainedExit(child).then((result) => new Promise<{ exitCode: number; signal?: number }>((resolve) => term.write('', () => resolve(result))));
  const screenRows = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y += 1) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return out;
  };
  const run: PtyRun = {
    pid: child.pid,
    rows: screenRows,
    screen: () => screenRows().join('\n'),
    output: () => output,
    titles,
    write: (data) => child.write(data),
    resize: (c, r) => {
      child.resize(c, r);
      term.resize(c, r);
    },
    kill: (signal) => {
      try {
        process.kill(child.pid, signal);
      } catch {
        // already gone
      }
    },
    cell: (row, x) =>
      term.buffer.active
        .getLine(term.buffer.active.viewportY + row)
        ?.getCell(x)
        ?.getChars(),
    colours: (row, text) => {
      const buffer = term.buffer.active;
      const line = buffer.getLine(buffer.viewportY + row);
      const start = line?.translateToString(true).indexOf(text) ?? -1;
      if (line === undefined || start < 0) return [];
      return [...text].map((_, i) => {
        const cell = line.getCell(start + i);
        return cell === undefined ? '?' : `${cell.getFgColorMode()}:${cell.getFgColor()}`;
      });
    },
    bufferType: () => term.buffer.active.type,
    cursorShown: () => output.lastIndexOf('\u001b[?25h') > output.lastIndexOf('\u001b[?25l'),
    exited,
    waitForExit: async (timeoutMs = 15_000) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms\n--- screen ---\n${screenRows().join('\n')}`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    isRunning: () => running,
    waitForScreen: async (pattern, timeoutMs = 15_000) =>
      waitFor(
        () => {
          const text = screenRows().join('\n');
          return (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) ? text : undefined;
        },
        { timeoutMs, intervalMs: 50, what: `screen to show ${String(pattern)}` },
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n--- screen ---\n${screenRows().join('\n')}`);
      }),
  };
  runs.add(run);
  return run;
}

/** SIGTERM first, so a dashboard left running by a failed test still cleans up what it started; then SIGKILL. */
afterEach(async () => {
  for (const run of [...runs]) {
    for (const [signal, graceMs] of [
      ['SIGTERM', 8000],
      ['SIGKILL', 2000],
    ] as const) {
      if (!run.isRunning()) break;
      run.kill(signal);
      await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
    }
    runs.delete(run);
  }
});
