// K, u and / together: kernel threads hidden in the whole-system view and
// still counted; one user's processes; the filter on top.
import { describe, expect, it } from 'vitest';
import { countTasks } from '../../../src/ui/model/header.js';
import { rowMatcher } from '../../../src/ui/model/filter.js';
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
  it('keeps a zombie whose parent is pid 2 (in a container, an ordinary process) with kernel threads hidden', () => {
    // --mount-proc in a PID namespace: pid 2 is a shell, and its dead child reads no command line.
    const inContainer = [
      proc(1, 0, { comm: 'sh', args: 'sh' }),
      proc(2, 1, { comm: 'python3', args: 'python3 fork.py' }),
      proc(4, 2, { comm: 'python3', args: '', state: 'Z' }),
    ];
    const rows = computeRows(
      advanceWatch(
        initialWatch(ALL),
        { seq: 1, begunAt: 0, snapshot: snapshot(inContainer), previous: undefined, events: [], host: { uptimeSeconds: 1, load: [0, 0, 0] }, intervalMs: 1000 },
        [],
      ),
      initialViewState(false),
    );
    expect(rows.map((r) => r.pid).sort((a, b) => a - b)).toEqual([1, 2, 4]);
    expect(countTasks(inContainer)).toMatchObject({ kernel: 0 });
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
