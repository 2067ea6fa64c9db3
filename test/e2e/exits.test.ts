// Every way out gives the terminal back: Ctrl-C as a key, and an uncaught
// error inside the running dashboard (printed after the terminal is restored).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnGroup } from '../helpers/processes.js';
import { runInPty } from './helpers/pty.js';

const LAUNCH = fileURLToPath(new URL('../../dist/ui/launch.js', import.meta.url));
const CRASH = fileURLToPath(new URL('./fixtures/crash-dashboard.mjs', import.meta.url));

describe('leaving the dashboard', () => {
  it('Ctrl-C quits with status 0 and restores the terminal', async () => {
    const sleeper = spawnGroup('sleep', ['300']);
    const run = runInPty(['--watch', String(sleeper.pid)]);
    await run.waitForScreen(new RegExp(`^\\s*${sleeper.pid}\\s`, 'm'));
    run.write('\u0003');
    expect((await run.waitForExit()).exitCode).toBe(0);
    expect(run.bufferType()).toBe('normal');
    expect(run.cursorShown()).toBe(true);
  });

  it('an uncaught error restores the terminal first, then prints the error, status 1', async () => {
    const run = runInPty([LAUNCH], { entry: CRASH });
    await run.waitForScreen('about to throw');
    run.kill('SIGUSR2');
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(1);
    expect(run.bufferType()).toBe('normal');
    expect(run.cursorShown()).toBe(true);
    const output = run.output();
    // The message comes after the switch back to the normal screen, so it stays readable.
    expect(output.lastIndexOf('boom from a timer')).toBeGreaterThan(output.lastIndexOf('\u001b[?1049l'));
    expect(run.screen()).toContain('procview: internal error: Error: boom from a timer');
  });

  it('--watch NAME that matches nothing yet shows an empty scope, then picks the process up', async () => {
    const token = `pv-late-${process.pid}-${Date.now()}`;
    const run = runInPty(['--watch', token, '-d', '0.3']);
    await run.waitForScreen('Tasks: 0 now, 0 seen · 0 running');
    const late = spawnGroup('sh', ['-c', 'sleep 300', token]);
    await run.waitForScreen(new RegExp(`^\\s*${late.pid}\\s.*sh -c sleep 300 pv-late`, 'm'));
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  });
});
