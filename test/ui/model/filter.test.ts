// K, u and / together: kernel threads hidden in the whole-system view and
// still counted; one user's processes; the filter on top.
import { describe, expect, it } from 'vitest';
import { countTasks } from '../../../src/ui/model/header.js';
import { isKernelThread, rowMatcher } from '../../../src/ui/model/filter.js';
import { ALL } from '../../../src/inspect/scope.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch } from '../../../src/ui/model/watch.js';
import { proc, snapshot } from './fixtures.js';

const procs = [
  proc(1, 0, { comm: 'init', args: '/sbin/init' }),
  proc(2, 0, { comm: 'kthreadd', args: '', user: 'root', uid: 0 }),
  proc(3, 2, { comm: 'rcu_gp', args: '', user: 'root', uid: 0 }),
  proc(40, 1, { comm: 'bash', args: 'bash', user: 'ann', uid: 1000 }),
  proc(41, 40, { comm: 'vim', args: 'vim notes', user: 'bob', uid: 1001 }),
];
const snap = snapshot(procs);
const watch = advanceWatch(
  initialWatch(ALL),
  {
    seq: 1,
    begunAt: 0,
    snapshot: snap,
    previous: undefined,
    events: [],
    host: { uptimeSeconds: 1, load: [0, 0, 0] },
    intervalMs: 1000,
  },
  [],
);
const pids = (view: ReturnType<typeof initialViewState>): number[] =>
  computeRows(watch, view)
    .map((r) => r.pid)
    .sort((a, b) => a - b);

describe('row filters', () => {
  it('tells kernel threads by kthreadd and an empty command line', () => {
    expect(procs.map(isKernelThread)).toEqual([false, true, true, false, false]);
    expect(isKernelThread(proc(5, 2, { args: 'a user process kthreadd started?' }))).toBe(false);
  });

  it('hides kernel threads in the whole-system view by default, shows them with K, and counts them always', () => {
    const view = initialViewState(false);
    expect(view.showKernel).toBe(false);
    expect(pids(view)).toEqual([1, 40, 41]);
    expect(pids({ ...view, showKernel: true })).toEqual([1, 2, 3, 40, 41]);
    expect(countTasks(procs)).toMatchObject({ total: 5, kernel: 2 });
    expect(watch.counts).toMatchObject({ total: 5, kernel: 2 });
    // A chosen scope shows what it holds.
    expect(initialViewState(true).showKernel).toBe(true);
  });

  it('u keeps one user, by name or uid; / narrows further; tree mode keeps the ancestors', () => {
    const view = initialViewState(false);
    expect(pids({ ...view, user: 'bob' })).toEqual([41]);
    expect(pids({ ...view, user: '1001' })).toEqual([41]);
    expect(pids({ ...view, user: 'ann', filter: 'vim' })).toEqual([]);
    expect(pids({ ...view, mode: 'tree', filter: 'vim' })).toEqual([1, 40, 41]);
    expect(rowMatcher({ filter: '', user: '', showKernel: true })).toBeUndefined();
  });
});
