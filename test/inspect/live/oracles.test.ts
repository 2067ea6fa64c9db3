// Independent oracles for the procfs backend: ps-list for the pid set and
// ppids, pidtree for descendants. Other processes come and go on this machine,
// so system-wide checks use only pids seen unchanged before and after the oracle ran.
import pidtree from 'pidtree';
import psList from 'ps-list';
import { describe, expect, it } from 'vitest';
import { createInspector } from '../../../src/inspect/inspector.js';
import type { Snapshot } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { pidOf } from '../../e2e/helpers/procs.js';

/** pids present in both snapshots as the same process with the same parent. */
function stable(before: Snapshot, after: Snapshot): Map<number, number | undefined> {
  const result = new Map<number, number | undefined>();
  for (const [pid, p] of before.procs) {
    const q = after.procs.get(pid);
    if (q !== undefined && q.startTime === p.startTime && q.ppid === p.ppid) result.set(pid, p.ppid);
  }
  return result;
}

function descendants(snapshot: Snapshot, root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const p of snapshot.procs.values()) {
      if (p.ppid === pid && !found.includes(p.pid)) {
        found.push(p.pid);
        queue.push(p.pid);
      }
    }
  }
  return found.sort((a, b) => a - b);
}

describe.runIf(process.platform === 'linux')('procfs backend against independent oracles', () => {
  it('has every pid and ppid that ps-list sees, for processes alive throughout', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const leader = pidOf(spawnGroup('sh', ['-c', 'sleep 30 & sleep 30 & wait']));
    const ours = await waitFor(
      async () => {
        const kids = descendants(await inspector.snapshot(), leader);
        return kids.length === 2 ? [leader, ...kids] : undefined;
      },
      { what: 'two sleeping children' },
    );
    const before = await inspector.snapshot();
    const listed = new Map((await psList()).map((p) => [p.pid, p.ppid]));
    const after = await inspector.snapshot();
    const alive = stable(before, after);
    // Our three live throughout, so they must be among the stable pids, with the parents we made.
    expect(ours.map((pid) => ({ pid, ppid: alive.get(pid) }))).toEqual([
      { pid: leader, ppid: process.pid },
      ...ours.slice(1).map((pid) => ({ pid, ppid: leader })),
    ]);
    for (const [pid, ppid] of alive) expect({ pid, ppid: listed.get(pid) }).toEqual({ pid, ppid });
  });

  it('finds exactly the descendants pidtree finds, for a tree of its own', async () => {
    const inspector = createInspector({ backend: 'procfs' });
    const leader = pidOf(spawnGroup('sh', ['-c', '(sleep 30 & sleep 30 & wait) & sleep 30 & wait']));
    const snapshot = await waitFor(
      async () => {
        const s = await inspector.snapshot();
        return descendants(s, leader).length === 4 ? s : undefined;
      },
      { what: 'a subshell with two sleepers and one more sleeper' },
    );
    const fromPidtree = (await pidtree(leader)).sort((a, b) => a - b);
    expect(descendants(snapshot, leader)).toEqual(fromPidtree);
    const fromPidtreeAll = new Set(await pidtree(-1, { root: true }));
    for (const pid of [leader, ...fromPidtree]) expect(fromPidtreeAll.has(pid)).toBe(true);
  });
});
