// The dashboard as a user meets it, in a real pseudo-terminal.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive, spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf } from './helpers/procs.js';
import { CLI, runInPty } from './helpers/pty.js';

describe('procview dashboard in a terminal', () => {
  it('shows a watched subtree, quits on q with status 0 and gives the terminal back', async () => {
    const pid = pidOf(spawnGroup('sleep', ['300']));
    const run = runInPty(['--watch', String(pid)]);
    const screen = await run.waitForScreen(new RegExp(`^\\s*${pid}\\s.*sleep 300`, 'm'));
    expect(screen).toMatch(/Tasks: 1 now, 1 seen · 0 running, 1 sleeping, 0 stopped, 0 zombie/);
    expect(screen).toContain(`pid ${pid} and descendants`);
    expect(run.bufferType()).toBe('alternate');
    run.write('q');
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(0);
    expect(run.bufferType()).toBe('normal');
    expect(run.cursorShown()).toBe(true);
    expect(isAlive(pid)).toBe(true);
  });

  it('refuses to start without a terminal and points to procview ps', () => {
    const result = spawnSync(process.execPath, [CLI], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toContain('procview ps');
  });

  it('rejects bad flags with usage and status 2', () => {
    for (const args of [['--bogus'], ['-d', '0'], ['-d', 'soon'], ['--watch'], ['--watch', '1', '--watch', '2']]) {
      const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: procview');
    }
  });

  it('exits 1 when --watch names a pid that does not exist', async () => {
    const gone = spawnGroup('true', []);
    await waitFor(() => gone.exitCode !== null, { what: 'true to exit' });
    const run = runInPty(['--watch', String(gone.pid)]);
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(1);
    expect(run.screen()).toContain(`no process with pid ${gone.pid}`);
  });
});
