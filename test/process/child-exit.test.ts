// Stopping a child in steps (src/process/child-exit.ts), with real children:
// the first signal, SIGKILL only after the grace, and nothing once the exit
// is reported (the pid, reaped, may already be someone else's).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitWithin, hasExited, stopChild } from '../../src/process/child-exit.js';
import { trackGroup, waitFor } from '../helpers/processes.js';
import { recordKills } from '../helpers/record-kills.js';

const children: ChildProcess[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const child of children.splice(0)) if (!hasExited(child)) child.kill('SIGKILL');
});

/** A node child running `code`; resolves once it has written its first output (its handlers are in place). */
async function started(code: string, options: { detached?: boolean; stdin?: 'pipe' | 'ignore' } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `${code}; process.stdout.write('ready\\n')`], {
    stdio: [options.stdin ?? 'ignore', 'pipe', 'ignore'],
    detached: options.detached === true,
  });
  children.push(child);
  if (options.detached === true && child.pid !== undefined) trackGroup(child.pid);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error('exited before it was ready')));
  });
  return child;
}

/** Not running: gone, or a zombie waiting for its adopter (field 3 of /proc/PID/stat). */
function notRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

describe('exitWithin', () => {
  it("says 'late' while the child runs and 'exited' once Node reports the exit", async () => {
    const child = await started('setInterval(() => {}, 1000)');
    expect(await exitWithin(child, 50)).toBe('late');
    expect(hasExited(child)).toBe(false);
    child.kill('SIGTERM');
    expect(await exitWithin(child, 10_000)).toBe('exited');
    expect(hasExited(child)).toBe(true);
    expect(await exitWithin(child, 0)).toBe('exited');
  });
});

describe('stopChild', () => {
  it('sends SIGTERM, and no SIGKILL to a child that exits on it', async () => {
    const child = await started('setInterval(() => {}, 1000)');
    expect(await stopChild(child, { graceMs: 10_000 })).toBe(true);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('sends SIGKILL after the grace to a child that ignores the first signal', async () => {
    const child = await started("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)");
    expect(await stopChild(child, { graceMs: 100 })).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('with signal null sends nothing first: the child goes the way it was asked, or is killed after the grace', async () => {
    const obeys = await started("process.stdin.on('end', () => process.exit(7)); process.stdin.resume()", { stdin: 'pipe' });
    obeys.stdin?.end();
    expect(await stopChild(obeys, { signal: null, graceMs: 10_000 })).toBe(true);
    expect([obeys.exitCode, obeys.signalCode]).toEqual([7, null]);

    const stays = await started('setInterval(() => {}, 1000)');
    expect(await stopChild(stays, { signal: null, graceMs: 100 })).toBe(true);
    expect(stays.signalCode).toBe('SIGKILL');
  });

  it('signals the whole group of a detached child, and nothing once its exit is reported', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the script for node -e has its own template literal
    const leader = await started("const c = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' }); process.stdout.write(`${c.pid}\\n`)", {
      detached: true,
    });
    const pid = leader.pid ?? 0;
    const sleeper = await waitFor(
      () => {
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        return children === '' ? undefined : Number(children.split(' ')[0]);
      },
      { what: 'the sleep in the group' },
    );
    const calls = recordKills();
    expect(await stopChild(leader, { graceMs: 10_000, group: true })).toBe(true);
    expect(leader.signalCode).toBe('SIGTERM');
    await waitFor(() => notRunning(sleeper), { what: `the group member ${sleeper} to end` });
    expect(await stopChild(leader, { graceMs: 10, group: true })).toBe(true);
    expect(calls).toEqual([[-pid, 'SIGTERM']]);
  });
});
