import { describe, expect, it } from 'vitest';
import { PROC_FIELDS, procToJson, stringifyForTerminal, treeToJson } from '../../../src/inspect/format/json.js';
import { buildTree } from '../../../src/inspect/tree.js';
import { proc, snapshot, unknownProc } from '../diff-builders.js';

describe('procToJson', () => {
  it('keeps every ProcInfo field, in order, with null for unknown', () => {
    const json = procToJson(unknownProc(42));
    expect(Object.keys(json)).toEqual([...PROC_FIELDS]);
    expect(json.pid).toBe(42);
    expect(Object.entries(json).filter(([key]) => key !== 'pid').every(([, value]) => value === null)).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('keeps known values as they are, 0 included', () => {
    const json = procToJson(proc({ pid: 1, ppid: 0, nice: 0, comm: 'init', args: '' }));
    expect(json).toMatchObject({ pid: 1, ppid: 0, nice: 0, comm: 'init', args: '', stat: 'S', user: 'alice' });
  });
});

describe('treeToJson', () => {
  it('mirrors TreeNode as { proc, children }', () => {
    const [root] = buildTree(snapshot([proc({ pid: 1, ppid: 0 }), proc({ pid: 2, ppid: 1 })]));
    const json = root === undefined ? undefined : treeToJson(root);
    expect(json?.proc.pid).toBe(1);
    expect(json?.children.map((child) => [child.proc.pid, child.children.length])).toEqual([[2, 0]]);
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
});
