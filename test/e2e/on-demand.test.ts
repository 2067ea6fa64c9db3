// The dashboard reads status and cmdline of what it shows (InspectorOptions.details
// 'on-demand'): in a real pseudo-terminal, rows on screen still show their
// command line and user, a filter on the command line finds a process that was
// off screen, and a scope by name still matches command lines.
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spawnGroup } from '../helpers/processes.js';
import { pidOf } from './helpers/procs.js';
import { type PtyRun, runInPty } from './helpers/pty.js';

const USER = userInfo().username.slice(0, 8);

/** The row of `pid` with its user and command line (the USER column is 8 cells wide). */
function fullRow(pid: number, args: string): RegExp {
  return new RegExp(`^\\s*${pid}\\s.*${USER}.*${args.replace(/\./g, '\\.')}`, 'm');
}

async function quit(run: PtyRun): Promise<void> {
  run.write('q');
  expect((await run.waitForExit()).exitCode).toBe(0);
}

describe('dashboard: status and cmdline read for what is shown', () => {
  it('the rows on screen show their command line and user (a watched subtree)', async () => {
    const parent = pidOf(spawnGroup('sh', ['-c', 'sleep 3171.5 & sleep 3172.5 & wait']));
    const run = runInPty(['--watch', String(parent)], { cols: 160, rows: 30 });
    await run.waitForScreen(/sleep 3171\.5/);
    const screen = await run.waitForScreen(/sleep 3172\.5/);
    expect(screen).toMatch(fullRow(parent, 'sh -c sleep 3171.5'));
    expect(screen).toMatch(new RegExp(`${USER}.*sleep 3171\\.5`));
    expect(screen).toMatch(new RegExp(`${USER}.*sleep 3172\\.5`));
    await quit(run);
  });

  it('/ finds a process by its command line though it was off screen', async () => {
    const pid = pidOf(spawnGroup('sleep', ['3173.5']));
    const run = runInPty([], { cols: 160, rows: 30 });
    await run.waitForScreen(/Tasks:/);
    run.write('/3173.5');
    await run.waitForScreen('filter> 3173.5');
    await run.waitForScreen(fullRow(pid, 'sleep 3173.5'));
    // Enter keeps the filter and closes the prompt, so q quits.
    run.write('\r');
    await quit(run);
  });

  it('u (one user) keeps the rows of that user, read whole', async () => {
    const pid = pidOf(spawnGroup('sleep', ['3174.5']));
    const run = runInPty([], { cols: 160, rows: 30 });
    await run.waitForScreen(/Tasks:/);
    // Narrowed to this user and to the sleeper's command line: its row, with both.
    run.write(`u${userInfo().username}\r`);
    run.write('/sleep 3174');
    await run.waitForScreen(fullRow(pid, 'sleep 3174.5'));
    run.write('\r');
    await quit(run);
  });

  it('a scope by name (--watch NAME) matches a command line', async () => {
    const pid = pidOf(spawnGroup('sleep', ['3175.5']));
    const run = runInPty(['--watch', '3175.5'], { cols: 160, rows: 30 });
    await run.waitForScreen(fullRow(pid, 'sleep 3175.5'));
    await quit(run);
  });
});
