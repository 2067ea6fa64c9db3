// The keys a top/htop user reaches for, driven through a real terminal
// against a sleeper this test owns: signals from the menu, renice, filter,
// table/tree, help, detail, a mouse click on a column title, resizing, and
// the exit paths that must give the terminal back.
import { readlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlive, spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf, procStat } from './helpers/procs.js';
import { type PtyRun, runInPty } from './helpers/pty.js';

const rowPattern = (pid: number): RegExp => new RegExp(`^\\s*${pid}\\s`, 'm');

/** A sleeper of this test's, watched in table view so it is the selected row. */
async function openOnSleeper(): Promise<{ pid: number; run: PtyRun }> {
  const pid = pidOf(spawnGroup('sleep', ['300']));
  const run = runInPty(['--watch', String(pid), '-d', '0.3'], { cols: 140, rows: 40 });
  await run.waitForScreen(rowPattern(pid));
  run.write('t'); // table: only the scope, so the sleeper is the selected row
  await run.waitForScreen(/Scope: .* · table/);
  return { pid, run };
}

async function quit(run: PtyRun): Promise<void> {
  run.write('q');
  expect((await run.waitForExit()).exitCode).toBe(0);
}

/** Opens the signal menu (k), types `typed` into its search and waits for it to show. */
async function typeInSignalMenu(run: PtyRun, typed: string, shown: string | RegExp): Promise<void> {
  run.write('k');
  await run.waitForScreen('Send a signal to');
  run.write(typed);
  await run.waitForScreen(shown);
}

describe('dashboard keys', () => {
  it('k: a typed digit only searches the signal menu; Esc closes it, sending nothing', async () => {
    const { pid, run } = await openOnSleeper();
    // 9 selects KILL and sends nothing.
    await typeInSignalMenu(run, '9', 'typed: 9');
    run.write('\u001b');
    await waitFor(() => !run.screen().includes('Send a signal to'), { what: 'the menu to close' });
    expect(run.screen()).not.toContain('SIGKILL');
    await quit(run);
    expect(isAlive(pid)).toBe(true);
  });

  it('k: Enter sends the signal typed by number (STOP) or name (CONT), seen in the list and the events', async () => {
    const { pid, run } = await openOnSleeper();
    await typeInSignalMenu(run, '19', /typed: 19\s/); // STOP, by number; Enter sends it
    run.write('\r');
    await run.waitForScreen(`sent SIGSTOP to ${pid} (sleep)`);
    // The outcome is also a line of the events pane, with its time.
    await run.waitForScreen(new RegExp(`\\d\\d:\\d\\d:\\d\\d sent SIGSTOP to ${pid} \\(sleep\\)`));
    await waitFor(() => procStat(pid)?.state === 'T', { what: 'the sleeper to stop' });
    await run.waitForScreen(new RegExp(`^\\s*${pid}\\s.*\\sTs\\s`, 'm'));
    await run.waitForScreen(`${pid} (sleep) stopped (T)`);
    await run.waitForScreen(/1 stopped/);

    await typeInSignalMenu(run, 'CONT', 'typed: CONT');
    run.write('\r');
    await run.waitForScreen(`sent SIGCONT to ${pid} (sleep)`);
    await run.waitForScreen(`${pid} (sleep) continued`);
    await waitFor(() => procStat(pid)?.state === 'S', { what: 'the sleeper to sleep again' });
    await quit(run);
  });

  it('k in the whole-system view: one Enter opens the KILL question, and y sends it', async () => {
    // A duration no other process has in its command line: the filter (pid, name, user, command line) keeps it alone.
    const marker = `300.${process.pid}${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    const pid = pidOf(spawnGroup('sleep', [marker]));
    const run = runInPty(['-d', '0.3'], { cols: 140, rows: 45 });
    await run.waitForScreen('Tasks:');
    // The sleeper alone is the selected row; Enter (CR, as a terminal sends it) keeps the filter.
    run.write(`/${marker}`);
    await run.waitForScreen(`filter> ${marker}`);
    run.write('\r');
    await waitFor(() => !run.screen().includes('filter>') && rowPattern(pid).test(run.screen()), { what: 'the filter kept and the prompt closed' });
    await typeInSignalMenu(run, '9', 'typed: 9');
    // blessed reports one CR twice (return, then enter): the second report must not answer the question.
    run.write('\r');
    await run.waitForScreen(`Send SIGKILL to ${pid} (sleep)?`);
    expect(run.screen()).not.toContain('SIGKILL not sent');
    run.write('y');
    await run.waitForScreen(`sent SIGKILL to ${pid} (sleep)`);
    await waitFor(() => !isAlive(pid), { what: 'the sleeper to die' });
    await quit(run);
  });

  it('n: renices the selected process, in the list and the events', async () => {
    const { pid, run } = await openOnSleeper();
    run.write('n');
    // What the user did, as a signal's line reads (`sent SIGSTOP to …`), then what the next scan saw.
    const asked = `set the nice value of ${pid} (sleep) to 1 (was 0)`;
    const seen = `${pid} (sleep) reniced: nice 0 → 1`;
    await run.waitForScreen(new RegExp(`\\d\\d:\\d\\d:\\d\\d ${asked.replace(/[()]/g, '\\$&')}`));
    const screen = await run.waitForScreen(seen);
    expect(screen.indexOf(asked)).toBeLessThan(screen.indexOf(seen));
    expect(screen).not.toContain(`reniced ${pid} (sleep):`);
    await run.waitForScreen(new RegExp(`^\\s*${pid}\\s.*\\sSNs\\s+1\\s`, 'm'));
    await quit(run);
  });

  it('/: filters the rows; Enter keeps the filter, Esc in the prompt clears it', async () => {
    const { pid, run } = await openOnSleeper();
    run.write('/nothing-matches-this');
    await run.waitForScreen('filter> nothing-matches-this');
    expect(run.screen()).toContain('(Enter keeps, Esc clears)');
    await waitFor(() => !rowPattern(pid).test(run.screen()), { what: 'the filter to hide the row' });
    run.write('\r');
    await waitFor(() => !run.screen().includes('filter>'), { what: 'the prompt to close' });
    expect(run.screen()).toContain('filter "nothing-matches-this"');
    expect(run.screen()).not.toMatch(rowPattern(pid));
    // Opened again on the kept filter, Esc clears it: the row comes back and the header names no filter.
    run.write('/');
    await run.waitForScreen('filter> nothing-matches-this');
    run.write('\u001b');
    await run.waitForScreen(rowPattern(pid));
    await waitFor(() => !run.screen().includes('filter "') && !run.screen().includes('filter>'), {
      what: 'the filter gone from the header, the prompt closed',
    });
    await quit(run);
  });

  it('Ctrl-L: paints the whole screen again, wiping what something else wrote on the terminal', async () => {
    const { run } = await openOnSleeper();
    // Another writer on the same terminal (or a terminal that drew a character wider than procview
    // thought) leaves cells blessed believes blank; an empty row of the list is never drawn again.
    const tty = readlinkSync(`/proc/${run.pid}/fd/0`);
    writeFileSync(tty, '\u001b[20;60HLEFTOVER-CELLS');
    await run.waitForScreen('LEFTOVER-CELLS');
    run.write('\f');
    await waitFor(() => !run.screen().includes('LEFTOVER-CELLS'), { what: 'Ctrl-L to repaint the screen' });
    expect(run.screen()).toMatch(/Scope: .* · table/);
    await quit(run);
  });

  it('?: shows the help; Esc closes it', async () => {
    const { run } = await openOnSleeper();
    run.write('?');
    await run.waitForScreen('procview keys');
    run.write('\u001b');
    await waitFor(() => !run.screen().includes('procview keys'), { what: 'help to close' });
    await quit(run);
  });

  it('Enter: shows the detail of the selected process; Esc closes it; q quits and leaves the process running', async () => {
    const { pid, run } = await openOnSleeper();
    run.write('\r');
    await run.waitForScreen('┌─ Process');
    expect(run.screen()).toContain('sleeping until something it waits for happens');
    expect(run.screen()).toContain('Ancestors');
    // Esc and q sent together would read as Alt-q: let the panel close first.
    run.write('\u001b');
    await waitFor(() => !run.screen().includes('┌─ Process'), { what: 'the detail panel to close' });
    await quit(run);
    expect(isAlive(pid)).toBe(true);
  });

  it('sorts by a clicked column title and stays usable at 60x15 and after resizing', async () => {
    const pid = pidOf(spawnGroup('sleep', ['300']));
    const run = runInPty(['--watch', String(pid)], { cols: 60, rows: 15 });
    let screen = await run.waitForScreen(rowPattern(pid));
    expect(screen).toMatch(/Tasks: 1 now, 1 seen {2}R 0/);
    expect(screen).toMatch(/PID▲\s+PPID STAT/);
    expect(screen).toContain('COMMAND');
    expect(screen).toContain('Events');
    const titleRow = run.rows().findIndex((line) => line.includes('COMMAND'));
    // SGR mouse: press and release of button 1 on the PID title (1-based x, y),
    // in one write, as a busy dashboard reads them: both must count (src/ui/mouse-reports.ts).
    run.write(`\u001b[<0;5;${titleRow + 1}M\u001b[<0;5;${titleRow + 1}m`);
    await run.waitForScreen('PID▼');

    run.resize(190, 40);
    screen = await run.waitForScreen('Ancestors'); // wide (180 columns and more): the detail pane appears
    expect(screen).toMatch(rowPattern(pid));
    run.resize(60, 15);
    // Redrawn at 60 columns: the detail pane gone and the row back. (A shrunk terminal keeps
    // stale cells until the app redraws, so neither alone says the redraw happened.)
    await waitFor(() => !run.screen().includes('Ancestors') && rowPattern(pid).test(run.screen()), {
      what: 'the narrow layout with the row and without the detail pane',
    });
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  });

  for (const [signal, code] of [
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} restores the terminal and exits ${code}`, async () => {
      const pid = pidOf(spawnGroup('sleep', ['300']));
      const run = runInPty(['--watch', String(pid)]);
      await run.waitForScreen(rowPattern(pid));
      expect(run.bufferType()).toBe('alternate');
      run.kill(signal);
      const { exitCode } = await run.waitForExit();
      expect(exitCode).toBe(code);
      expect(run.bufferType()).toBe('normal');
      expect(run.cursorShown()).toBe(true);
      // Mouse reporting is switched off again, or the shell would receive escape codes for clicks.
      expect(run.output()).toContain('\u001b[?1000h');
      expect(run.output().lastIndexOf('\u001b[?1000l')).toBeGreaterThan(run.output().lastIndexOf('\u001b[?1000h'));
    });
  }
});
