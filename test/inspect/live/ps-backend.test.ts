// The ps backend (meant for macOS/BSD) run against procps on Linux: its one
// `ps -axww -o …` call must parse into the same fields ps prints column by column.
import { describe, expect, it } from 'vitest';
import { niceCell } from '../../../src/inspect/format/values.js';
import { readStartTime } from '../../../src/inspect/inspector.js';
import { createInspector } from '../../../src/inspect/inspector.js';
import type { ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { chrtForIdle } from '../../helpers/optional-tools.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { pidOf } from '../../e2e/helpers/procs.js';
import { compareWithPs } from './compare.js';
import { spawnKinds } from './kinds.js';

const chrt = chrtForIdle();

describe.runIf(process.platform === 'linux')('ps backend, live on procps', () => {
  it('matches ps -o on every field for every kind of process, hostile names included', async () => {
    const inspector = createInspector({ backend: 'ps' });
    expect(inspector.backend).toBe('ps');
    const spawned = await spawnKinds(inspector);
    expect(spawned.map((s) => s.label)).toContain('zombie');
    await compareWithPs(inspector, spawned);
  });

  it.skipIf(chrt === undefined)('gives the policy and NI as procfs does: IDL and - for a SCHED_IDLE process (chrt -i 0, no root needed)', async () => {
    const pid = pidOf(spawnGroup(chrt ?? 'chrt', ['-i', '0', 'sleep', '30']));
    const viaProc = createInspector({ backend: 'procfs' });
    const fromProc = await waitFor(
      async () => {
        const proc = (await viaProc.snapshot()).procs.get(pid);
        return proc?.comm === 'sleep' ? proc : undefined;
      },
      { what: `pid ${pid} to exec sleep` },
    );
    const fromPs = (await createInspector({ backend: 'ps' }).snapshot()).procs.get(pid);
    expect(fromPs).toMatchObject({ policy: 'IDL', nice: undefined });
    expect(fromPs).toMatchObject({ policy: fromProc.policy, nice: fromProc.nice });
    expect(fromPs === undefined ? undefined : niceCell(fromPs)).toBe('-');
  });

  it('agrees with the procfs backend on identity and tree fields, and leaves out its own ps', async () => {
    const sleeper = pidOf(spawnGroup('sh', ['-c', 'sleep 30 & sleep 30 & wait']));
    const viaPs = createInspector({ backend: 'ps' });
    const viaProc = createInspector({ backend: 'procfs' });
    const mineIn = (snapshot: Snapshot): ProcInfo[] =>
      [...snapshot.procs.values()].filter((p) => p.pid === sleeper || (p.ppid === sleeper && p.comm === 'sleep'));
    await waitFor(async () => mineIn(await viaProc.snapshot()).length === 3, { what: 'sh and its two sleepers' });
    const [a, b] = [await viaPs.snapshot(), await viaProc.snapshot()];
    const mine = mineIn(b);
    expect(mine).toHaveLength(3);
    for (const p of mine) {
      const other = a.procs.get(p.pid);
      expect(other).toMatchObject({ ppid: p.ppid, pgid: p.pgid, sid: p.sid, comm: p.comm, args: p.args, uid: p.uid });
      // lstart has whole seconds; procfs has clock ticks.
      expect(Math.floor((p.startTime ?? 0) / 1000) * 1000).toBe(other?.startTime);
      expect(await readStartTime(p.pid, { backend: 'ps' })).toBe(other?.startTime);
    }
    const psRuns = [...a.procs.values()].filter((p) => p.ppid === process.pid && p.comm === 'ps');
    expect(psRuns).toEqual([]);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
