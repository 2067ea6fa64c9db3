// On a terminal, ps and tree cut lines at its width, as procps ps does; -w keeps them whole.
import pty from 'node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/inspect/format/width.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { CLI, ensureBuilt, REPO_ROOT } from './run-cli.js';

beforeAll(ensureBuilt);

const COLUMNS = 50;

/** Runs the CLI in a pseudo-terminal `cols` wide; resolves to its lines and exit code. */
function runInTerminal(args: readonly string[], cols = COLUMNS): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    const term = pty.spawn(process.execPath, [CLI, ...args], { cols, rows: 40, cwd: REPO_ROOT, env: process.env });
    let output = '';
    term.onData((data) => {
      output += data;
    });
    // Bounded: a CLI that hangs is killed, and the test fails on its exit code.
    const timer = setTimeout(() => term.kill('SIGKILL'), 20_000);
    term.onExit(({ exitCode, signal }) => {
      clearTimeout(timer);
      resolve({ code: signal !== undefined && signal !== 0 ? -1 : exitCode, lines: output.split(/\r?\n/u).filter((line) => line !== '') });
    });
  });
}

describe('procview on a terminal', () => {
  it('cuts ps lines at the terminal width, and -w does not', async () => {
    // A command line longer than the terminal is wide, so there is something to cut.
    const long = spawnGroup('sleep', ['30', ...Array.from({ length: 20 }, () => '0')]).pid ?? -1;
    await waitFor(async () => (await runInTerminal(['ps', '-w'])).lines.some((line) => line.includes(` ${long} `)), { what: 'the sleeper' });
    const cut = await runInTerminal(['ps']);
    expect(cut.code).toBe(0);
    expect(cut.lines.every((line) => displayWidth(line) <= COLUMNS)).toBe(true);
    const whole = await runInTerminal(['ps', '--wide']);
    expect(whole.lines.find((line) => line.includes(` ${long} `))).toMatch(/ sleep 30( 0){20}$/u);
  });

  it('cuts tree lines too', async () => {
    const narrow = 16;
    const whole = await runInTerminal(['tree', '-p', '-w'], narrow);
    expect(whole.lines.some((line) => displayWidth(line) > narrow)).toBe(true);
    const { code, lines } = await runInTerminal(['tree', '-p'], narrow);
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => displayWidth(line) <= narrow)).toBe(true);
  });
});
