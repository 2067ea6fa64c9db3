// `procview demo NAME` in a real terminal: the lesson's processes appear in
// the scoped view while the narration runs beside it, and nothing is left
// behind when the dashboard closes, by q or by SIGTERM.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/processes.js';
import { isGone, killAll, lessonProcesses } from './helpers/procs.js';
import { runInPty, type PtyRun } from './helpers/pty.js';

const started: { demo: string; run: PtyRun; interrupted: boolean }[] = [];

/** `interrupted`: the test ends the lesson halfway, so "interrupted before the lesson was complete" is expected. */
function demo(name: string, hold: string, interrupted = false): PtyRun {
  const run = runInPty(['demo', name, '--hold', hold], { cols: 200, rows: 45 });
  started.push({ demo: name, run, interrupted });
  return run;
}

/** The lines of narration that report a problem, from everything the dashboard drew (escape sequences removed). */
function problemLines(run: PtyRun): string[] {
  const text = run.output().replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-B]|\u001b[=>78]/gu, '\n');
  return text
    .split(/[\r\n]+/u)
    .filter((line) => /problem: |the lesson failed/u.test(line))
    .map((line) => line.trim());
}

afterEach(() => {
  const runs = started.splice(0);
  for (const { demo: name, run } of runs) killAll(lessonProcesses(name, run.pid));
  // A lesson that cries wolf fails its test, whatever else the test checked.
  for (const { demo: name, run, interrupted } of runs) {
    const problems = problemLines(run).filter((line) => !(interrupted && line.includes('interrupted before the lesson was complete')));
    expect(problems, `problems in the narration of demo ${name}`).toEqual([]);
  }
});

describe('procview demo in the dashboard', () => {
  it('zombie: shows the Z row, the zombie and reaped events; q exits 0 and leaves no process', async () => {
    const run = demo('zombie', '2');
    const zombieLine = await run.waitForScreen(/(\d+) \(procview lesson\) became a zombie: parent (\d+) \(procview lesson\) has not reaped it/);
    const [, zombie, parent] = /(\d+) \(procview lesson\) became a zombie: parent (\d+)/.exec(zombieLine) ?? [];
    const zombiePid = Number(zombie);
    // The lesson starts once the dashboard holds a table: the parent's own start is a line too, not part of the first table.
    expect(run.screen()).toMatch(new RegExp(`${parent} \\([^)]*\\) started, child of \\d+`));
    // The Z row: STAT Z and ps's `<defunct>` in the command column. The kernel reports the exit a
    // moment before the process reads as Z, so the row may follow the event line by a frame.
    await run.waitForScreen(new RegExp(`^\\s*${zombiePid}\\s+${parent}\\s.*\\sZ\\s.*\\[procview lesson\\] <defun`, 'm'));
    await run.waitForScreen(/Tasks: \d+ now, \d+ seen · \d+ running, .*, 1 zombie/);
    expect(run.screen()).toContain('Lesson: zombie');
    await run.waitForScreen(`${zombiePid} (procview lesson) reaped by ${parent}`);
    await run.waitForScreen('Lesson complete');
    run.write('q');
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(0);
    expect(run.bufferType()).toBe('normal');
    expect(run.cursorShown()).toBe(true);
    expect(isGone(zombiePid)).toBe(true);
    expect(isGone(Number(parent))).toBe(true);
    expect(lessonProcesses('zombie', run.pid)).toEqual([]);
  });

  it('orphan: shows the reparenting and keeps the orphan on screen under its new parent', async () => {
    const run = demo('orphan', '3');
    const line = await run.waitForScreen(/(\d+) \(procview lesson\) orphaned: parent (\d+) \(procview lesson\) exited, adopted by (\d+) \(([^)]*)\)/);
    const [, orphan, oldParent, adopter] = /(\d+) \(procview lesson\) orphaned: parent (\d+) \(procview lesson\) exited, adopted by (\d+)/.exec(line) ?? [];
    const orphanPid = Number(orphan);
    // Still in the list after its parent is gone, now with the adopter as PPID,
    // drawn in the tree under the adopter (a grey context row).
    const screen = await run.waitForScreen(new RegExp(`^\\s*${orphanPid}\\s+${adopter}\\s`, 'm'));
    const lines = screen.split('\n');
    const at = lines.findIndex((l) => new RegExp(`^\\s*${orphanPid}\\s`).test(l));
    expect(lines[at]).toMatch(/└─ /);
    expect(lines[at - 1]).toMatch(new RegExp(`^\\s*${adopter}\\s`));
    expect(screen).toContain(`${oldParent} (procview lesson) exited`);
    await run.waitForScreen('Lesson complete');
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
    await waitFor(() => isGone(orphanPid), { what: 'the orphan to be gone' });
    expect(lessonProcesses('orphan', run.pid)).toEqual([]);
  });

  it('q before the lesson is complete exits 1 (not observed), and leaves no process', async () => {
    const run = demo('zombie', '30', true);
    const line = await run.waitForScreen(/(\d+) \(procview lesson\) started, child of (\d+)/);
    expect(line).not.toContain('Lesson complete');
    run.write('q');
    const { exitCode } = await run.waitForExit(20_000);
    expect(exitCode).toBe(1);
    expect(run.bufferType()).toBe('normal');
    expect(lessonProcesses('zombie', run.pid)).toEqual([]);
  }, 40_000);

  it('SIGTERM: the terminal is restored and the lesson is cleaned up', async () => {
    const run = demo('zombie', '6', true);
    const line = await run.waitForScreen(/(\d+) \(procview lesson\) became a zombie: parent (\d+)/);
    const [, zombie, parent] = /(\d+) \(procview lesson\) became a zombie: parent (\d+)/.exec(line) ?? [];
    expect(lessonProcesses('zombie', run.pid).length).toBeGreaterThan(0);
    run.kill('SIGTERM');
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(143);
    expect(run.bufferType()).toBe('normal');
    expect(run.cursorShown()).toBe(true);
    expect(isGone(Number(zombie))).toBe(true);
    expect(isGone(Number(parent))).toBe(true);
    expect(lessonProcesses('zombie', run.pid)).toEqual([]);
  });
});
