import { describe, expect, it } from 'vitest';
import type { ColumnId } from '../../../src/ui/model/columns.js';
import { matcher } from '../../../src/ui/model/filter.js';
import { ALL } from '../../../src/inspect/scope.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch } from '../../../src/ui/model/watch.js';
import { proc, snapshot } from './fixtures.js';

const pids = (list: readonly { pid: number }[]): number[] => list.map((p) => p.pid);

describe('sorting', () => {
  const procs = [
    proc(30, 1, { cpuPercent: 5, user: 'bob', comm: 'b' }),
    proc(10, 1, { cpuPercent: 50, user: 'ann', comm: 'c' }),
    proc(20, 1, { cpuPercent: undefined, user: undefined, uid: 7, comm: 'a' }),
    proc(40, 1, { cpuPercent: 5, user: 'cat', comm: 'd' }),
  ];
  const watch = advanceWatch(
    initialWatch(ALL),
    {
      seq: 1,
      begunAt: 0,
      snapshot: snapshot(procs),
      previous: undefined,
      events: [],
      host: { uptimeSeconds: 1, load: [0, 0, 0] },
      intervalMs: 1000,
    },
    [],
  );
  // The dashboard's table, sorted the way a click on a column title sorts it.
  const sorted = (sort: ColumnId, descending: boolean): number[] => pids(computeRows(watch, { ...initialViewState(false), mode: 'table', sort, descending }));

  it('sorts numbers both ways, ties by ascending pid, unknown always last', () => {
    expect(sorted('cpu', true)).toEqual([10, 30, 40, 20]);
    expect(sorted('cpu', false)).toEqual([30, 40, 10, 20]);
  });

  it('sorts text columns', () => {
    expect(sorted('pid', false)).toEqual([10, 20, 30, 40]);
    // USER falls back to the uid when there is no name.
    expect(sorted('user', false)).toEqual([20, 10, 30, 40]);
  });
});

describe('filter', () => {
  it('matches pid exactly, and name, command line or user as a case-insensitive substring', () => {
    const list = [proc(1234, 1, { comm: 'Nginx', args: 'nginx: worker' }), proc(12, 1, { user: 'postgres' })];
    const keep = (text: string): number[] => pids(list.filter(matcher(text) ?? (() => true)));
    expect(keep('1234')).toEqual([1234]);
    expect(keep('12')).toEqual([12]);
    expect(keep('nginx')).toEqual([1234]);
    expect(keep('WORKER')).toEqual([1234]);
    expect(keep('postgres')).toEqual([12]);
    expect(matcher('  ')).toBeUndefined();
  });
});
