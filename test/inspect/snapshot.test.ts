import { describe, expect, it } from 'vitest';
import { freezeProc, unknownProc } from '../../src/inspect/snapshot.js';
import { proc } from './diff-builders.js';

describe('freezeProc and unknownProc', () => {
  it('gives every field, in one order, whatever was passed; what was left out is undefined', () => {
    const full = proc({ pid: 7 });
    const fields = Object.keys(freezeProc(full));
    expect([...fields].sort()).toEqual(Object.keys(full).sort());
    expect(fields[0]).toBe('pid');
    const partial = freezeProc({ pid: 7, comm: 'x' });
    expect(Object.keys(partial)).toEqual(fields);
    expect(partial).toMatchObject({ pid: 7, comm: 'x', ppid: undefined, startTime: undefined, args: undefined });
    expect(Object.isFrozen(partial)).toBe(true);
    const unknown = unknownProc(9);
    expect(Object.keys(unknown)).toEqual(fields);
    expect(Object.values(unknown).filter((value) => value !== undefined)).toEqual([9]);
  });
});
