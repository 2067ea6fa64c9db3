import { describe, expect, it } from 'vitest';
import { fromPsList } from '../../../src/inspect/ps-list/backend.js';

describe('fromPsList', () => {
  it('maps what ps-list knows and leaves everything else undefined, never 0', () => {
    const start = new Date(2026, 0, 1, 12, 0, 0);
    expect(fromPsList({ pid: 42, ppid: 1, name: 'node', cmd: 'node app.js', cpu: 1.5, memory: 0.3, uid: 1000, startTime: start })).toEqual({
      pid: 42,
      ppid: 1,
      pgid: undefined,
      sid: undefined,
      tty: undefined,
      tpgid: undefined,
      state: undefined,
      stat: undefined,
      nice: undefined,
      priority: undefined,
      threads: undefined,
      uid: 1000,
      user: undefined,
      startTime: start.getTime(),
      cpuPercent: 1.5,
      memPercent: 0.3,
      rssBytes: undefined,
      vszBytes: undefined,
      timeSeconds: undefined,
      comm: 'node',
      args: 'node app.js',
    });
  });

  it('keeps a missing command line, start time or uid (Windows) undefined', () => {
    const info = fromPsList({ pid: 4, ppid: 0, name: 'System' });
    expect(info).toMatchObject({ pid: 4, ppid: 0, comm: 'System', args: undefined, uid: undefined, startTime: undefined, cpuPercent: undefined });
    expect(fromPsList({ pid: 5, name: 'x', startTime: new Date('not a date') }).startTime).toBeUndefined();
  });

  it("shows a kernel thread's or zombie's `[name]` stand-in as an empty command line", () => {
    expect(fromPsList({ pid: 2, ppid: 0, name: 'kthreadd', cmd: '[kthreadd]' }).args).toBe('');
    expect(fromPsList({ pid: 9, ppid: 8, name: 'sleep', cmd: '[sleep] <defunct>' }).args).toBe('');
    expect(Object.isFrozen(fromPsList({ pid: 9, name: 'x' }))).toBe(true);
  });
});
