import { describe, expect, it } from 'vitest';
import { namesThen } from '../../../src/inspect/format/names-then.js';
import type { ProcEvent } from '../../../src/inspect/types.js';

// What the table read after the frame says: 10 runs sleep now, 20 is gone.
const nameOf = (pid: number): string | undefined => ({ 1: 'init', 10: 'sleep' })[pid];
const exec = (at: number, fromComm: string | undefined): ProcEvent => ({
  kind: 'exec',
  at,
  pid: 10,
  comm: 'sleep',
  fromComm,
  fromArgs: undefined,
  args: 'sleep 2',
});
const exit = (at: number): ProcEvent => ({ kind: 'exit', at, pid: 20, comm: 'sleep', ppid: 10, status: undefined });

describe('namesThen', () => {
  it('names a parent by the program it ran at the event, before its later exec', () => {
    const events = [exit(348), exec(349, 'sh')];
    const then = namesThen(events, nameOf);
    expect(then(0)(10)).toBe('sh');
    // The exec's own line and anything after it: the new program.
    expect(then(1)(10)).toBe('sleep');
    expect(then(0)(1)).toBe('init');
  });

  it('names a process after an exec earlier in the frame by what that exec started, unknown when not read', () => {
    // 30 was last read running forkexec (nameOf), then exec'd a program nobody read and exited.
    const names = (pid: number): string | undefined => ({ 30: 'forkexec' })[pid];
    const unread: ProcEvent = { kind: 'exec', at: 10, pid: 30, comm: undefined, fromComm: 'forkexec', fromArgs: undefined, args: undefined };
    const end: ProcEvent = { kind: 'exit', at: 11, pid: 30, comm: undefined, ppid: 1, status: undefined };
    expect(namesThen([unread, end], names)(1)(30)).toBeUndefined();
    expect(namesThen([{ ...unread, comm: 'echo' }, end], names)(1)(30)).toBe('echo');
    // An exec in another frame: the table's name.
    expect(namesThen([end], names)(0)(30)).toBe('forkexec');
  });

  it('goes by time, not by the order the events were established in', () => {
    const events = [exec(349, 'sh'), exit(348)];
    expect(namesThen(events, nameOf)(1)(10)).toBe('sh');
    // Same millisecond: the order established decides.
    expect(namesThen([exec(348, 'sh'), exit(348)], nameOf)(1)(10)).toBe('sleep');
    expect(namesThen([exit(348), exec(348, 'sh')], nameOf)(0)(10)).toBe('sh');
  });

  it('takes the first later exec of a chain, and says nothing when what it started from was not read', () => {
    const chain = [exit(300), exec(310, 'sh'), exec(320, 'bash')];
    const then = namesThen(chain, nameOf);
    expect(then(0)(10)).toBe('sh');
    expect(then(1)(10)).toBe('bash');
    expect(then(2)(10)).toBe('sleep');
    expect(namesThen([exit(300), exec(310, undefined)], nameOf)(0)(10)).toBeUndefined();
  });

  it('hands back nameOf itself when the frame has no exec', () => {
    expect(namesThen([exit(1)], nameOf)(0)).toBe(nameOf);
  });
});
