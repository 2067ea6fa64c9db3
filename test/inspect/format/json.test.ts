import { describe, expect, it } from 'vitest';
import {
  envelope,
  JSON_VERSION,
  PROC_FIELDS,
  procToJson,
  psDocument,
  stringifyForTerminal,
  stringifyLineForTerminal,
  treeDocument,
  treeToJson,
} from '../../../src/inspect/format/json.js';
import { buildTree } from '../../../src/inspect/tree.js';
import { proc, snapshot, unknownProc } from '../diff-builders.js';

describe('procToJson', () => {
  it('keeps every ProcInfo field, in order, with null for unknown', () => {
    const json = procToJson(unknownProc(42));
    expect(Object.keys(json)).toEqual([...PROC_FIELDS]);
    expect(json.pid).toBe(42);
    expect(
      Object.entries(json)
        .filter(([key]) => key !== 'pid')
        .every(([, value]) => value === null),
    ).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('keeps known values as they are, 0 included', () => {
    const json = procToJson(proc({ pid: 1, ppid: 0, nice: 0, comm: 'init', args: '' }));
    expect(json).toMatchObject({ pid: 1, ppid: 0, nice: 0, comm: 'init', args: '', stat: 'S', user: 'alice' });
  });

  it("writes no terminal as null, not ps's '?', and keeps a terminal's name", () => {
    expect(procToJson(proc({ pid: 5, tty: '?' })).tty).toBeNull();
    expect(procToJson(proc({ pid: 5, tty: 'pts/3' })).tty).toBe('pts/3');
  });

  it('truncates %CPU and %MEM to tenths as procps does, and TIME to the clock tick', () => {
    const json = procToJson(proc({ pid: 6, cpuPercent: 12.39, memPercent: 0.21041898901332534, timeSeconds: 0.30000000000000004 }));
    expect(json).toMatchObject({ cpuPercent: 12.3, memPercent: 0.2, timeSeconds: 0.3 });
  });

  it('lifetime %CPU is CPU time over the age in seconds with its fraction, as procps 4 computes it', () => {
    const startTime = 1_000_000;
    // 1 s of CPU over 3.9 s: 256.4 permille, 25.6 (procps 3 counted 3 whole seconds: 33.3).
    const busy = proc({ pid: 7, startTime, timeSeconds: 1, cpuPercent: undefined });
    expect(procToJson(busy, { cpuPercent: 'lifetime', now: startTime + 3_900 }).cpuPercent).toBe(25.6);
    expect(procToJson(busy, { cpuPercent: 'interval' }).cpuPercent).toBeNull();
    // Younger than a second, with two threads busy: 200 %.
    expect(procToJson(busy, { cpuPercent: 'lifetime', now: startTime + 500 }).cpuPercent).toBe(200);
    // Not older than its start (clocks a tick apart): 0.
    expect(procToJson(busy, { cpuPercent: 'lifetime', now: startTime }).cpuPercent).toBe(0);
    // Start time unknown: nothing to compute with, so the record's own figure, or null.
    expect(procToJson(proc({ pid: 8, startTime: undefined, cpuPercent: undefined }), { cpuPercent: 'lifetime', now: 1 }).cpuPercent).toBeNull();
  });
});

describe('documents', () => {
  it('ps and tree documents start with version and kind and say what %CPU means', () => {
    const snap = snapshot([proc({ pid: 1, ppid: 0, startTime: 0, timeSeconds: 2 }), proc({ pid: 2, ppid: 1 })]);
    const ps = psDocument(snap, snap.procs.values());
    expect(Object.keys(ps)).toEqual(['version', 'kind', 'takenAt', 'cpuPercentBasis', 'processes']);
    expect(ps).toMatchObject({ version: JSON_VERSION, kind: 'ps', takenAt: snap.takenAt, cpuPercentBasis: 'lifetime' });
    expect(ps.processes.map((p) => p.pid)).toEqual([1, 2]);
    const tree = treeDocument(snap, buildTree(snap));
    expect(tree).toMatchObject({ version: 1, kind: 'tree', cpuPercentBasis: 'lifetime' });
    expect(tree.roots.map((root) => [root.proc.pid, root.children.map((child) => child.proc.pid)])).toEqual([[1, [2]]]);
    expect(JSON_VERSION).toBe(1);
  });

  it('a body cannot move or change the envelope (a replayed header has fields its writer chose)', () => {
    const line = envelope('recording', { kind: 'event', version: 7, format: 'x' });
    expect(Object.keys(line)).toEqual(['version', 'kind', 'format']);
    expect(line).toEqual({ version: JSON_VERSION, kind: 'recording', format: 'x' });
  });
});

describe('treeToJson', () => {
  it('mirrors TreeNode as { proc, children }', () => {
    const [root] = buildTree(snapshot([proc({ pid: 1, ppid: 0 }), proc({ pid: 2, ppid: 1 })]));
    const json = root === undefined ? undefined : treeToJson(root);
    expect(json?.proc.pid).toBe(1);
    expect(json?.children.map((child) => [child.proc.pid, child.children.length])).toEqual([[2, 0]]);
  });

  it('says a process has no other threads only when it counts one; not listed is unknown (null)', () => {
    const procs = [
      proc({ pid: 1, ppid: 0, threads: 1 }),
      proc({ pid: 2, ppid: 1, threads: 3 }),
      proc({ pid: 3, ppid: 1, threads: 2 }),
      proc({ pid: 4, ppid: 1, threads: undefined }),
    ];
    const [root] = buildTree(snapshot(procs));
    // 2 listed; 3 counts two threads but its task directory could not be read; 4's count is unknown.
    const listed = new Map([
      [
        2,
        [
          { tid: 20, comm: 'worker' },
          { tid: 21, comm: undefined },
        ],
      ],
    ]);
    const json = root === undefined ? undefined : treeToJson(root, {}, listed);
    expect(json?.threads).toEqual([]);
    expect(json?.children.map((child) => [child.proc.pid, child.threads])).toEqual([
      [
        2,
        [
          { tid: 20, comm: 'worker' },
          { tid: 21, comm: null },
        ],
      ],
      [3, null],
      [4, null],
    ]);
    // Threads not asked for: null for all.
    expect(root === undefined ? undefined : treeToJson(root).threads).toBeNull();
  });
});

describe('stringifyForTerminal', () => {
  it('writes DEL, C1 and bidi controls as \\u escapes and parses back to the same text', () => {
    const comm = 'a\u001b[31m\u009b2J\u007f\u202eb';
    const text = stringifyForTerminal([procToJson(proc({ pid: 3, comm }))]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u);
    expect(text).toContain('"a\\u001b[31m\\u009b2J\\u007f\\u202eb"');
    expect((JSON.parse(text) as { comm: string }[])[0]?.comm).toBe(comm);
  });

  it('has a one-line form for JSON Lines streams, escaped the same way', () => {
    const line = stringifyLineForTerminal({ version: 1, kind: 'event', comm: 'x\u009b\ny' });
    expect(line).not.toMatch(/[\n\u009b]/u);
    expect(JSON.parse(line)).toEqual({ version: 1, kind: 'event', comm: 'x\u009b\ny' });
  });
});
