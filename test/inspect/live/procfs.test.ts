// The procfs backend against procps ps, on real processes of every kind.
import { describe, expect, it } from 'vitest';
import { readStartTime } from '../../../src/inspect/identity.js';
import { createInspector } from '../../../src/inspect/inspector.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { compareWithPs } from './compare.js';
import { spawnKinds } from './kinds.js';

describe.runIf(process.platform === 'linux')('procfs backend, live', () => {
  it('matches ps -o on every field for a sleeper, a stopped, a niced, a zombie, hostile names, threads, a pty', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const spawned = await spawnKinds(inspector);
    expect(spawned.map((s) => s.label)).toContain('zombie');
    await compareWithPs(inspector, spawned);
  });

  it('reports %CPU as top does for a busy process, and 0 for a sleeping one', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const busy = spawnGroup(process.execPath, ['-e', 'for (;;) {}']).pid ?? 0;
    const idle = spawnGroup('sleep', ['30']).pid ?? 0;
    const first = await inspector.snapshot();
    expect(first.procs.get(idle)?.cpuPercent).toBeUndefined();
    const busyCpu = await waitFor(
      async () => {
        const snapshot = await inspector.snapshot();
        const cpu = snapshot.procs.get(busy)?.cpuPercent;
        // Two cores shared with other tests: any clearly busy figure will do.
        return cpu !== undefined && cpu > 5 && snapshot.procs.get(idle)?.cpuPercent === 0 ? cpu : undefined;
      },
      { intervalMs: 200, what: 'the busy loop to show CPU use' },
    );
    // One thread uses at most one core; ticks come in 10 ms steps over a >= 200 ms interval.
    expect(busyCpu).toBeLessThanOrEqual(110);
  });

  it('re-reads the identity of a pid: the start time while it lives, undefined once it is gone', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const child = spawnGroup('sleep', ['30']);
    const pid = child.pid ?? 0;
    const snapshot = await inspector.snapshot();
    const startTime = snapshot.procs.get(pid)?.startTime;
    expect(startTime).toBeDefined();
    expect(await readStartTime(pid)).toBe(startTime);
    expect(Math.abs((startTime ?? 0) - Date.now())).toBeLessThan(60_000);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await waitFor(async () => (await readStartTime(pid)) === undefined, { what: `pid ${pid} to be reaped` });
  });

  it('never fails a snapshot while processes appear and vanish mid-scan', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const churn = spawnGroup('sh', ['-c', 'i=0; while [ $i -lt 400 ]; do /bin/true & i=$((i+1)); done; wait']);
    const done = new Promise((resolve) => churn.once('exit', resolve));
    let scans = 0;
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished || scans < 5) {
      const snapshot = await inspector.snapshot();
      for (const p of snapshot.procs.values()) expect(Object.isFrozen(p)).toBe(true);
      scans++;
    }
    expect(scans).toBeGreaterThanOrEqual(5);
  });
});
