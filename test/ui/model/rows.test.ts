import { describe, expect, it } from 'vitest';
import { columnById } from '../../../src/ui/model/columns.js';
import { matcher } from '../../../src/ui/model/filter.js';
import { tableRow, tableRows, treeRows, type RowMark, type RowSource } from '../../../src/ui/model/rows.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { proc } from './fixtures.js';

const byPid = { column: columnById('pid'), descending: false };
const source = (procs: readonly ProcInfo[], marks: Record<number, RowMark> = {}): RowSource => ({
  procs: procs.map((p) => tableRow(p, marks[p.pid] ?? 'live')),
});
const drawn = (rows: readonly { prefix: string; pid: number }[]): string[] => rows.map((r) => `${r.prefix}${r.pid}`);

//  1
//  ├─ 10
//  │  ├─ 11
//  │  └─ 12
//  └─ 20
//     └─ 21
const family = [proc(1, 0), proc(10, 1), proc(11, 10), proc(12, 10), proc(20, 1), proc(21, 20)];

describe('tree rows', () => {
  it('draws pstree-style connectors', () => {
    expect(drawn(treeRows(source(family), byPid, undefined, new Set()))).toEqual(['1', '├─ 10', '│  ├─ 11', '│  └─ 12', '└─ 20', '   └─ 21']);
  });

  it('sorts siblings by the sort column', () => {
    const busy = family.map((p) => (p.pid === 12 || p.pid === 20 ? { ...p, cpuPercent: 9 } : p));
    const rows = treeRows(source(busy), { column: columnById('cpu'), descending: true }, undefined, new Set());
    expect(drawn(rows)).toEqual(['1', '├─ 20', '│  └─ 21', '└─ 10', '   ├─ 12', '   └─ 11']);
  });

  it('folds a collapsed subtree and marks it with +', () => {
    const rows = treeRows(source(family), byPid, undefined, new Set([10]));
    expect(drawn(rows)).toEqual(['1', '├─+ 10', '└─ 20', '   └─ 21']);
    expect(rows[1]?.collapsed).toBe(true);
    // Folding a leaf changes nothing.
    expect(drawn(treeRows(source(family), byPid, undefined, new Set([21])))).toHaveLength(6);
  });

  it('keeps the ancestors of a match, so the filtered tree keeps its shape', () => {
    const rows = treeRows(source(family), byPid, matcher('p21'), new Set());
    expect(drawn(rows)).toEqual(['1', '└─ 20', '   └─ 21']);
  });

  it('survives a PPID cycle and shows every process once', () => {
    const loop = [proc(5, 6), proc(6, 5), proc(7, 5)];
    const rows = treeRows(source(loop), byPid, undefined, new Set());
    expect(rows.map((r) => r.pid).sort()).toEqual([5, 6, 7]);
  });

  it('draws a chain deeper than the call stack, with and without a filter', () => {
    const depth = 30_000;
    const chain = Array.from({ length: depth }, (_, i) => proc(i + 1, i));
    const rows = treeRows(source(chain), byPid, undefined, new Set());
    expect(rows).toHaveLength(depth);
    expect(rows[depth - 1]?.prefix).toBe(`${'   '.repeat(depth - 2)}└─ `);
    const filtered = treeRows(source(chain), byPid, matcher(`p${depth}`), new Set());
    expect(filtered).toHaveLength(depth);
    expect(treeRows(source(chain), byPid, matcher('nothing-matches'), new Set())).toEqual([]);
  });

  it('keeps marks on the rows', () => {
    const rows = treeRows(source(family, { 11: 'dead', 12: 'new', 1: 'context' }), byPid, undefined, new Set());
    expect(rows.map((r) => r.mark)).toEqual(['context', 'live', 'dead', 'new', 'live', 'live']);
  });
});

describe('table rows', () => {
  it('sorts, filters, and leaves context parents out', () => {
    const rows = tableRows(source(family, { 1: 'context' }), { column: columnById('pid'), descending: true }, undefined);
    expect(rows.map((r) => r.pid)).toEqual([21, 20, 12, 11, 10]);
    expect(rows.every((r) => r.prefix === '')).toBe(true);
    expect(tableRows(source(family), byPid, matcher('p1')).map((r) => r.pid)).toEqual([1, 10, 11, 12]);
  });
});
