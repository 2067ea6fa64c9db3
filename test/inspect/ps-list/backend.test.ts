import { describe, expect, it } from 'vitest';
import { PROC_FIELDS } from '../../../src/inspect/format/json.js';
import { fromPsList } from '../../../src/inspect/ps-list/backend.js';
import type { ProcInfo } from '../../../src/inspect/types.js';

/** The fields ps-list can know; every other ProcInfo field must be undefined. */
const KNOWN = ['pid', 'ppid', 'uid', 'startTime', 'cpuPercent', 'memPercent', 'comm', 'args'] as const satisfies readonly (keyof ProcInfo)[];

describe('fromPsList', () => {
  it('maps what ps-list knows and leaves everything else undefined, never 0', () => {
    const start = new Date(2026, 0, 1, 12, 0, 0);
    const info = fromPsList({ pid: 42, ppid: 1, name: 'node', cmd: 'node app.js', cpu: 1.5, memory: 0.3, uid: 1000, startTime: start });
    expect(info).toMatchObject({
      pid: 42,
      ppid: 1,
      uid: 1000,
      startTime: start.getTime(),
      cpuPercent: 1.5,
      memPercent: 0.3,
      comm: 'node',
      args: 'node app.js',
    });
    const unknown = PROC_FIELDS.filter((field) => !(KNOWN as readonly string[]).includes(field));
    expect(unknown.length).toBe(PROC_FIELDS.length - KNOWN.length);
    for (const field of unknown) expect(info[field], field).toBeUndefined();
    // One object shape for every record: all fields present, in PROC_FIELDS order.
    expect(Object.keys(info)).toEqual([...PROC_FIELDS]);
    expect(Object.isFrozen(info)).toBe(true);
  });

  it('keeps a missing command line, start time or uid (Windows) undefined', () => {
    const info = fromPsList({ pid: 4, ppid: 0, name: 'System' });
    expect(info).toMatchObject({ pid: 4, ppid: 0, comm: 'System', args: undefined, uid: undefined, startTime: undefined, cpuPercent: undefined });
    expect(fromPsList({ pid: 5, name: 'x', startTime: new Date('not a date') }).startTime).toBeUndefined();
  });

  it("reads a zombie's `[name] <defunct>` as no command line", () => {
    expect(fromPsList({ pid: 9, ppid: 8, name: 'sleep', cmd: '[sleep] <defunct>' }).args).toBe('');
  });

  it("leaves a bare `[name]` unknown: without STAT or VSZ it may be ps's stand-in or a real argv", () => {
    expect(fromPsList({ pid: 2, ppid: 0, name: 'kthreadd', cmd: '[kthreadd]' }).args).toBeUndefined();
    expect(fromPsList({ pid: 7, ppid: 1, name: 'sleep', cmd: '[sleep] 30' }).args).toBe('[sleep] 30');
    expect(fromPsList({ pid: 8, ppid: 1, name: 'sleep', cmd: '[other]' }).args).toBe('[other]');
  });
});
