// eventToJson: every field of a kind present in every line, null when unknown.
import { describe, expect, it } from 'vitest';
import { eventToJson } from '../../../src/inspect/format/event-json.js';
import type { ProcEvent } from '../../../src/inspect/types.js';

const T = 1_700_000_100_000;

describe('eventToJson', () => {
  it('gives a status every field, also one read back from a recording (JSON has no key for what was unknown)', () => {
    const live: ProcEvent = {
      kind: 'exit',
      at: T,
      pid: 42,
      comm: 'sleep',
      ppid: 7,
      source: 'kernel',
      status: { code: 0, signal: undefined, coreDumped: false },
    };
    // What a recording gives back: the undefined signal has no key at all.
    const replayed = JSON.parse(JSON.stringify(live)) as ProcEvent;
    expect(Object.keys((replayed as { status: object }).status)).not.toContain('signal');
    for (const event of [live, replayed]) expect(eventToJson(event).status).toEqual({ code: 0, signal: null, coreDumped: false });
    const killed: ProcEvent = {
      kind: 'reap',
      at: T,
      pid: 42,
      comm: 'sleep',
      by: 7,
      source: 'kernel',
      status: { code: undefined, signal: 'SIGKILL', coreDumped: false },
    };
    expect(eventToJson(JSON.parse(JSON.stringify(killed)) as ProcEvent).status).toEqual({ code: null, signal: 'SIGKILL', coreDumped: false });
    expect(eventToJson({ ...killed, status: undefined }).status).toBeNull();
  });

  it('gives an exec the child that named it, null when the program was read from the process itself', () => {
    const exec: ProcEvent = {
      kind: 'exec',
      at: T,
      pid: 42,
      comm: 'orphdemo',
      nameFrom: 43,
      fromComm: 'bash',
      fromArgs: 'bash',
      args: undefined,
      source: 'kernel',
    };
    expect(eventToJson(exec)).toMatchObject({ comm: 'orphdemo', nameFrom: 43, args: null, inferred: null });
    expect(eventToJson({ ...exec, nameFrom: undefined, args: 'orphdemo' }).nameFrom).toBeNull();
  });

  it('gives a reap the parent the kernel reaped it for, null when a process reaped it', () => {
    const reap: ProcEvent = { kind: 'reap', at: T, pid: 42, comm: 'sleep', by: undefined, kernelReapedFor: 7, inferred: 'its exit report named no parent' };
    expect(eventToJson(reap)).toMatchObject({ by: null, lastParent: null, kernelReapedFor: 7, source: 'scan' });
    expect(eventToJson({ ...reap, by: 7, kernelReapedFor: undefined })).toMatchObject({ kernelReapedFor: null, releasedFor: null });
    expect(eventToJson({ ...reap, kernelReapedFor: undefined, releasedFor: 7 })).toMatchObject({ kernelReapedFor: null, releasedFor: 7 });
  });
});
