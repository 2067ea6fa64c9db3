// F2 settings survive a restart: hide a column in the setup screen, quit,
// start again with the same XDG_CONFIG_HOME and the column stays hidden. A
// corrupt file is reported on the screen and the dashboard runs on defaults.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf } from './helpers/procs.js';
import { runInPty } from './helpers/pty.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const F2 = '\u001bOQ';
const titleRow = (screen: string): string => screen.split('\n').find((row) => row.includes('COMMAND')) ?? '';

describe('settings', () => {
  it('a column hidden in F2 stays hidden after a restart', async () => {
    const config = mkdtempSync(join(tmpdir(), 'pv-xdg-'));
    dirs.push(config);
    const pid = pidOf(spawnGroup('sleep', ['300']));
    const env = { XDG_CONFIG_HOME: config };
    const first = runInPty(['--watch', String(pid)], { cols: 150, rows: 40, env });
    expect(titleRow(await first.waitForScreen(new RegExp(`^\\s*${pid}\\s`, 'm')))).toMatch(/\bPPID\b/);
    // Opened and closed with nothing changed: no file is written.
    first.write(F2);
    await first.waitForScreen('Setup (saved when you close it)');
    first.write('\u001b');
    await waitFor(() => !first.screen().includes('Setup (saved when you close it)'), { what: 'the setup screen closed' });
    expect(first.screen()).not.toContain('settings saved to');
    expect(existsSync(join(config, 'procview', 'config.json'))).toBe(false);
    first.write(F2);
    await first.waitForScreen('Setup (saved when you close it)');
    first.write('\u001b[B\u001b[B\u001b[B'); // down to "Column PPID"
    await first.waitForScreen(/Column PPID\s+\[x\]/);
    first.write(' ');
    await first.waitForScreen(/Column PPID\s+\[ \]/);
    first.write('\u001b');
    await first.waitForScreen('settings saved to');
    expect(titleRow(first.screen())).not.toMatch(/\bPPID\b/);
    first.write('q');
    expect((await first.waitForExit()).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(config, 'procview', 'config.json'), 'utf8'))).toMatchObject({ hiddenColumns: ['ppid'] });

    const second = runInPty(['--watch', String(pid)], { cols: 150, rows: 40, env });
    const screen = await second.waitForScreen(new RegExp(`^\\s*${pid}\\s`, 'm'));
    expect(titleRow(screen)).toMatch(/PID▲\s+PGID/);
    expect(titleRow(screen)).not.toMatch(/\bPPID\b/);
    second.write('q');
    expect((await second.waitForExit()).exitCode).toBe(0);
  });

  it('a corrupt settings file is named on screen; the dashboard runs on the defaults', async () => {
    const config = mkdtempSync(join(tmpdir(), 'pv-xdg-'));
    dirs.push(config);
    mkdirSync(join(config, 'procview'));
    writeFileSync(join(config, 'procview', 'config.json'), '{"tree": tru');
    const pid = pidOf(spawnGroup('sleep', ['300']));
    const run = runInPty(['--watch', String(pid)], { cols: 200, rows: 40, env: { XDG_CONFIG_HOME: config } });
    await run.waitForScreen(/settings file .*config\.json not used \(not valid JSON/);
    await run.waitForScreen(new RegExp(`^\\s*${pid}\\s`, 'm'));
    expect(titleRow(run.screen())).toMatch(/\bPPID\b/);
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
    await waitFor(() => readFileSync(join(config, 'procview', 'config.json'), 'utf8') === '{"tree": tru', { what: 'the broken file left as it was' });
  });
});
