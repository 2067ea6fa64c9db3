// Wide characters in a real terminal: processes named with emoji, a ZWJ
// family, CJK and combining marks, and the dashboard's columns still line up
// (the rule between the list and the side column sits in the same cell of
// every row). And NO_COLOR: not one colour code in everything written.
import { describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf } from './helpers/procs.js';
import { runInPty } from './helpers/pty.js';

const FAMILY = '👨\u200d👩\u200d👧';
// The shell names itself (comm, 15 bytes at most) and starts two children whose argv[0] carry the rest.
const SCRIPT = [
  "printf 'zz\\360\\237\\216\\211x' > /proc/$$/comm",
  `(exec -a '名前${FAMILY}テスト cafe\u0301' sleep 300) &`,
  "(exec -a '한국어 ❤️ 👍🏽 e\u0301\u0301' sleep 300) &",
  'wait',
].join('\n');

/** SGR parameters that set a colour: 30–39, 40–49, 90–97, 100–107 (38/48 extended). */
function colourCodes(output: string): string[] {
  const found: string[] = [];
  for (const match of output.matchAll(/\u001b\[([0-9;:]*)m/g)) {
    for (const param of (match[1] ?? '').split(/[;:]/)) {
      const n = Number(param);
      if (param !== '' && ((n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107))) found.push(match[0]);
    }
  }
  return found;
}

describe('wide characters on screen', () => {
  it('keeps every row of the list the same width: the rule beside it is in one column on every row', async () => {
    const shell = pidOf(spawnGroup('bash', ['-c', SCRIPT]));
    const run = runInPty(['--watch', String(shell), '-d', '0.3'], { cols: 200, rows: 30 });
    // Joined emoji are drawn one by one, without their presentation selector (text/sanitize.ts).
    const screen = await run.waitForScreen(/名前👨👩👧テスト cafe/);
    await run.waitForScreen(/한국어 ❤ 👍🏽/);
    await run.waitForScreen('zz🎉x');
    const rows = run.rows();
    const title = rows.findIndex((row) => row.includes('COMMAND'));
    const events = rows.findIndex((row) => row.includes('Events ('));
    expect(title).toBeGreaterThan(0);
    // The rule's column: where it is on the title row, found from the terminal's own cells.
    let rule = -1;
    for (let x = 199; x > 0 && rule < 0; x -= 1) if (run.cell(title, x) === '│') rule = x;
    expect(rule).toBeGreaterThan(100);
    const misplaced = [];
    for (let y = title; y < rows.length - 1; y += 1) if (run.cell(y, rule) !== '│') misplaced.push(`${y}: ${rows[y]}`);
    expect(misplaced, screen).toEqual([]);
    expect(events).toBeGreaterThan(title);
    // The detail pane beside the list shows the shell's own name, drawn right after the rule.
    expect(rows.some((row) => row.includes('zz🎉x'))).toBe(true);
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  });
});

describe('NO_COLOR', () => {
  for (const [how, args, env] of [
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
  ] as const) {
    it(`${how}: not one colour code in the raw output, the selection still in reverse video`, async () => {
      const sleeper = pidOf(spawnGroup('sleep', ['300']));
      const run = runInPty(['--watch', String(sleeper), '-d', '0.3', ...args], { cols: 160, rows: 30, env: { ...env } });
      await run.waitForScreen(new RegExp(`^\\s*${sleeper}\\s`, 'm'));
      run.write('?');
      await run.waitForScreen('procview keys');
      run.write('\u001b');
      // Esc and q in one read would be Alt-q: let the help close first.
      await waitFor(() => !run.screen().includes('procview keys'), { what: 'help to close' });
      run.write('q');
      expect((await run.waitForExit()).exitCode).toBe(0);
      expect(colourCodes(run.output())).toEqual([]);
      expect(run.output()).toMatch(/\u001b\[(?:\d*;)*7(?:;\d*)*m/);
    });
  }
});
