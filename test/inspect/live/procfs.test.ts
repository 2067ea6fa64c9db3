// The procfs backend against procps ps, on real processes of every kind.
import { spawnSync } from 'node:child_process';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readStartTime } from '../../../src/inspect/inspector.js';
import { createInspector } from '../../../src/inspect/inspector.js';
import { chrtForIdle } from '../../helpers/optional-tools.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { pidOf } from '../../e2e/helpers/procs.js';
import { compareWithPs } from './compare.js';
import { spawnKinds } from './kinds.js';

const chrt = chrtForIdle();

describe.runIf(process.platform === 'linux')('procfs backend, live', () => {
  it('matches ps -o on every field for a sleeper, a stopped, a niced, a zombie, hostile names, threads, a pty', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const spawned = await spawnKinds(inspector);
    expect(spawned.map((s) => s.label)).toContain('zombie');
    await compareWithPs(inspector, spawned);
  });

  it('reports %CPU as top does for a busy process, and 0 for a sleeping one', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const busy = pidOf(spawnGroup(process.execPath, ['-e', 'for (;;) {}']));
    const idle = pidOf(spawnGroup('sleep', ['30']));
    const first = await inspector.snapshot();
    expect(first.procs.get(idle)?.cpuPercent).toBeUndefined();
    let previous = first;
    const busyCpu = await waitFor(
      async () => {
        const snapshot = await inspector.snapshot();
        // CPU time comes in 10 ms ticks: over a few milliseconds one tick reads
        // as hundreds of percent. Judge only intervals of 300 ms or more.
        const long = snapshot.takenAt - previous.takenAt >= 300;
        previous = snapshot;
        const cpu = snapshot.procs.get(busy)?.cpuPercent;
        // Two cores shared with other tests: any clearly busy figure will do.
        return long && cpu !== undefined && cpu > 5 && snapshot.procs.get(idle)?.cpuPercent === 0 ? cpu : undefined;
      },
      { intervalMs: 300, what: 'the busy loop to show CPU use' },
    );
    // One thread uses at most one core; a tick at either end is 10 ms over >= 300 ms.
    expect(busyCpu).toBeLessThanOrEqual(110);
  });

  it('re-reads the identity of a pid: the start time while it lives, undefined once it is gone', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const child = spawnGroup('sleep', ['30']);
    const pid = pidOf(child);
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

  it.skipIf(chrt === undefined)('re-reads a SCHED_IDLE process as a scan reads it: policy IDL, NI - (needs chrt, util-linux)', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    // SCHED_IDLE needs no privilege (SCHED_FIFO would). chrt sets it, then execs sleep.
    const pid = pidOf(spawnGroup(chrt ?? 'chrt', ['-i', '0', 'sleep', '30']));
    // Settled: exec'd (comm), its arguments set up (args) and asleep, so nothing moves between the scan and the re-reads.
    const scanned = await waitFor(
      async () => {
        const proc = (await inspector.snapshot()).procs.get(pid);
        return proc?.comm === 'sleep' && proc.args === 'sleep 30' && proc.state === 'S' ? proc : undefined;
      },
      { what: `pid ${pid} asleep in sleep 30` },
    );
    expect(scanned).toMatchObject({ policy: 'IDL', nice: undefined });
    const alone = inspector.reread?.(pid, undefined);
    expect(alone).toMatchObject({ policy: 'IDL', nice: undefined, stat: scanned.stat, uid: scanned.uid, args: scanned.args });
    expect(inspector.reread?.(pid, scanned)).toEqual(scanned);
  });

  it.skipIf(chrt === undefined)('follows a policy changed with chrt -p on a sleeping process: IDL and NI - at the next snapshot', async () => {
    const inspector = createInspector({ backend: 'procfs', longLived: true });
    const pid = pidOf(spawnGroup('sleep', ['30']));
    await waitFor(async () => (await inspector.snapshot()).procs.get(pid)?.comm === 'sleep', { what: `pid ${pid} to exec sleep` });
    // Its policy and nice are this test's own (a runner may be niced, or run SCHED_BATCH); not IDLE yet.
    const before = (await inspector.snapshot()).procs.get(pid);
    expect(before?.policy).not.toBe('IDL');
    expect(before?.nice).toBe(getPriority());
    expect(spawnSync(chrt ?? 'chrt', ['-i', '-p', '0', String(pid)]).status).toBe(0);
    expect((await inspector.snapshot()).procs.get(pid)).toMatchObject({ policy: 'IDL', nice: undefined });
  });

  it('never fails a snapshot while processes appear and vanish mid-scan', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    // Forks short-lived children until it is killed (by the group cleanup after the test):
    // `true` vanishes at once (mid-scan), `sleep 0.3` outlives a scan even on a loaded
    // machine, so scans see children without depending on luck.
    const churn = pidOf(spawnGroup('sh', ['-c', 'while :; do /bin/true & /bin/sleep 0.3 & wait; done']));
    // Scan until the scans have really raced the churn: many distinct children
    // seen, each either read whole or left out, never half a record.
    const seen = new Set<number>();
    let racing = 0;
    await waitFor(
      async () => {
        const snapshot = await inspector.snapshot();
        // The churning shell lives throughout: no scan may lose it while its children come and go.
        expect(snapshot.procs.get(churn)?.comm).toBe('sh');
        const children = [...snapshot.procs.values()].filter((p) => p.ppid === churn);
        for (const p of children) {
          expect(Object.isFrozen(p)).toBe(true);
          expect(snapshot.procs.get(p.pid)).toBe(p);
          // Fields of the stat line: every one there, from one reading.
          expect({ state: typeof p.state, startTime: typeof p.startTime, pgid: p.pgid }).toEqual({ state: 'string', startTime: 'number', pgid: churn });
          // Between fork and exec the child is still sh; after, true or sleep (or a zombie).
          expect(['sh', 'true', 'sleep']).toContain(p.comm);
          seen.add(p.pid);
        }
        if (children.length > 0) racing += 1;
        return racing >= 5 && seen.size >= 5;
      },
      // A whole-system scan is slow on a loaded machine: give the race room to happen (bounded by the test's own limit).
      { intervalMs: 0, timeoutMs: 60_000, what: 'scans that caught churning children' },
    );
  }, 90_000);
});
