// getProcess(pid): one process's record, or undefined when there is none.
import { describe, expect, it } from 'vitest';
import { getProcess } from '../../src/inspect/get-process.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf, procStat } from '../e2e/helpers/procs.js';

describe('getProcess', () => {
  it('gives the record of a live process and undefined once it is reaped', async () => {
    const child = spawnGroup('sleep', ['300']);
    const pid = pidOf(child);
    // Settled: just after exec a read can find it still running (R) or its arguments not set up
    // yet (execve names the process first), so wait for the sleep it settles into.
    const info = await waitFor(
      async () => {
        const found = await getProcess(pid);
        return found?.comm === 'sleep' && found.state === 'S' && found.args === 'sleep 300' ? found : undefined;
      },
      { what: 'the sleeper to exec and sleep' },
    );
    expect(info).toMatchObject({ pid, ppid: process.pid, pgid: pid, state: 'S', args: 'sleep 300' });
    expect(info.startTime).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => procStat(pid) === undefined, { what: 'the sleeper to be reaped' });
    // The pid may be given to another process meanwhile; it is then not a sleep 300 child of ours.
    const after = await getProcess(pid);
    expect(after === undefined || after.startTime !== info.startTime).toBe(true);
  });

  it('gives undefined for what cannot be a pid', async () => {
    expect(await getProcess(0)).toBeUndefined();
    expect(await getProcess(-1)).toBeUndefined();
    expect(await getProcess(2 ** 31)).toBeUndefined();
  });
});
