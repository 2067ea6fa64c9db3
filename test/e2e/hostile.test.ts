// Process names and command lines are untrusted: a name that looks like a
// blessed tag, an escape sequence in a name, an OSC title sequence in an
// argument — all must be drawn as inert characters.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup } from '../helpers/processes.js';
import { runInPty } from './helpers/pty.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('hostile process names in the dashboard', () => {
  it('shows tag-like names, escape sequences and OSC titles as plain characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pv-hostile-'));
    dirs.push(dir);
    const token = basename(dir);
    const tagName = join(dir, '{red-fg}x');
    const escName = join(dir, '\u001b[31mred');
    copyFileSync('/bin/sleep', tagName);
    copyFileSync('/bin/sleep', escName);
    const tag = spawnGroup(tagName, ['300']);
    const esc = spawnGroup(escName, ['300']);
    const osc = spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '\u001b]0;pwned\u0007', token]);

    const run = runInPty(['--watch', token, '-d', '0.5'], { cols: 220, rows: 40 });
    const screen = await run.waitForScreen(/\?\]0;pwned\?/);
    await run.waitForScreen(`${tag.pid}`);

    const rows = run.rows();
    const tagRow = rows.findIndex((line) => new RegExp(`^\\s*${tag.pid}\\s`).test(line));
    const tagLine = rows[tagRow] ?? '';
    // The braces are drawn, and the x after them has the colour of the brace
    // before it: `{red-fg}` was not taken as markup.
    expect(tagLine).toContain('{red-fg}x 300');
    expect(new Set(run.colours(tagRow, '{red-fg}x 300')).size).toBe(1);
    expect(screen).toContain('?[31mred 300');
    expect(rows.find((l) => new RegExp(`^\\s*${esc.pid}\\s`).test(l))).toContain('?[31mred');
    expect(rows.find((l) => new RegExp(`^\\s*${osc.pid}\\s`).test(l))).toContain('?]0;pwned?');
    // Nothing reached the terminal as a sequence: no title was set, no ESC ] from the argument was written.
    expect(run.titles).toEqual([]);
    expect(run.output()).not.toContain('\u001b]0;pwned');
    expect(run.output()).not.toContain('\u001b[31mred');

    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  });
});
