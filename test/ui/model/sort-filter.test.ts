import { describe, expect, it } from 'vitest';
import { columnById } from '../../../src/ui/model/columns.js';
import { matcher } from '../../../src/ui/model/filter.js';
import { sortProcs } from '../../../src/ui/model/sort.js';
import { proc } from './fixtures.js';

const pids = (list: readonly { pid: number }[]): number[] => list.map((p) => p.pid);

describe('sorting', () => {
  const procs = [
    proc(30, 1, { cpuPercent: 5, user: 'bob', comm: 'b' }),
    proc(10, 1, { cpuPercent: 50, user: 'ann', comm: 'c' }),
    proc(20, 1, { cpuPercent: undefined, user: undefined, uid: 7, comm: 'a' }),
    proc(40, 1, { cpuPercent: 5, user: 'cat', comm: 'd' }),
  ];

  it('sorts numbers both ways, ties by ascending pid, unknown always last', () => {
    expect(pids(sortProcs(procs, { column: columnById('cpu'), descending: true }))).toEqual([10, 30, 40, 20]);
    expect(pids(sortProcs(procs, { column: columnById('cpu'), descending: false }))).toEqual([30, 40, 10, 20]);
  });

  it('sorts text columns', () => {
    expect(pids(sortProcs(procs, { column: columnById('pid'), descending: false }))).toEqual([10, 20, 30, 40]);
    // USER falls back to the uid when there is no name.
    expect(pids(sortProcs(procs, { column: columnById('user'), descending: false }))).toEqual([20, 10, 30, 40]);
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
