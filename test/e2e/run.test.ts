// `procview run` in a real pseudo-terminal: the dashboard is scoped to the
// program from its first instant, shows the orphan it makes, its output in
// the side pane, and the event source in the header; q ends it.
import { describe, expect, it } from 'vitest';
import { INIT } from '../helpers/init-name.js';
import { waitFor } from '../helpers/processes.js';
import { isGone } from './helpers/procs.js';
import { runInPty } from './helpers/pty.js';

describe('procview run in a terminal', () => {
  it('shows the orphaned line of sh -c "sleep 30 & exit 0", the program output and the event source; q quits', async () => {
    const run = runInPty(['run', '--', 'sh', '-c', 'echo hello from sh; echo oops >&2; sleep 30 & exit 0'], { cols: 200, rows: 40 });
    // Orphaned before it exec'd sleep (its parent exits at once), the child is still named sh.
    const orphanLine = new RegExp(`(\\d+) \\((sleep|sh)\\) (orphaned: parent \\d+( \\(sh\\))? exited, adopted by ${INIT}|first seen already adopted by 1)`);
    const screen = await run.waitForScreen(orphanLine, 30_000);
    const orphan = Number(orphanLine.exec(screen)?.[1]);
    expect(screen).toMatch(/events: (kernel|polling)/);
    await run.waitForScreen('hello from sh');
    // Its own pipe: it can come after the stdout line.
    await run.waitForScreen('stderr: oops');
    expect(run.screen()).toMatch(/Scope: run sh -c/);
    run.write('q');
    const { exitCode } = await run.waitForExit(20_000);
    expect(exitCode).toBe(0);
    // q ended what the program left in its process group too.
    await waitFor(() => isGone(orphan), { what: `the orphan ${orphan} to be ended` });
  }, 60_000);

  it('polling: a daemon a fast double fork left in a session of its own is in view, said found by the environment it inherited', async () => {
    // setsid's sh forks sleep and exits at once: sleep is under init in another session and group
    // before the first scan; only the PROCVIEW_RUN entry it inherited says it is the program's.
    const run = runInPty(['run', '--', 'sh', '-c', "setsid sh -c 'sleep 307 & echo held $!; exit 0'; exit 0"], {
      cols: 200,
      rows: 40,
      env: { PROCVIEW_EVENTS: 'polling' },
    });
    let daemon: number | undefined;
    try {
      const held = /held (\d+)/;
      daemon = Number(held.exec(await run.waitForScreen(held, 30_000))?.[1]);
      await run.waitForScreen(`${daemon} (sleep) comes from the program`, 30_000);
      // Its row: in the scope's list, under init.
      await run.waitForScreen(new RegExp(`\\s${daemon}\\s+1\\s.*sleep 307`), 30_000);
      run.write('q');
      expect((await run.waitForExit(20_000)).exitCode).toBe(0);
    } finally {
      // In a session of its own, it is in no group q ends.
      if (daemon !== undefined && !Number.isNaN(daemon) && !isGone(daemon)) process.kill(daemon, 'SIGKILL');
    }
  }, 60_000);
});
