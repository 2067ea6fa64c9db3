// The packed-record decoder on hand-made records laid out as proc_events.c writes them.
import { describe, expect, it } from 'vitest';
import { decodeRecords, PROC_EVENT, PROGRAM_READ, RECORD_BYTES } from '../../../src/inspect/events/kernel-records.js';

/** One record: at, what, cpu, then event_data as 32-bit words (and optional comm bytes at word 2). */
function records(...items: { at: number; what: number; words: number[]; comm?: Uint8Array }[]): ArrayBuffer {
  const buffer = new ArrayBuffer(items.length * RECORD_BYTES);
  const view = new DataView(buffer);
  items.forEach((item, i) => {
    const base = i * RECORD_BYTES;
    view.setFloat64(base, item.at, true);
    view.setUint32(base + 8, item.what, true);
    view.setUint32(base + 12, 1, true);
    item.words.forEach((word, w) => view.setUint32(base + 16 + w * 4, word >>> 0, true));
    if (item.comm) new Uint8Array(buffer, base + 24, 16).set(item.comm);
  });
  return buffer;
}

describe('decodeRecords', () => {
  it('decodes fork, exec, exit, sid, uid and coredump fields in cn_proc.h order', () => {
    const buffer = records(
      { at: 1000.5, what: PROC_EVENT.fork, words: [10, 10, 11, 11] },
      { at: 1001, what: PROC_EVENT.exec, words: [11, 11] },
      { at: 1002, what: PROC_EVENT.exit, words: [11, 11, 0x89, 17, 10, 10] },
      { at: 1003, what: PROC_EVENT.sid, words: [12, 12] },
      { at: 1004, what: PROC_EVENT.uid, words: [13, 13, 1000, 0xfffffffe] },
      { at: 1005, what: PROC_EVENT.coredump, words: [14, 14, 10, 10] },
    );
    expect(decodeRecords(buffer, 6)).toEqual([
      { kind: 'fork', at: 1000.5, parentPid: 10, parentTgid: 10, childPid: 11, childTgid: 11 },
      { kind: 'exec', at: 1001, pid: 11, tgid: 11 },
      { kind: 'exit', at: 1002, pid: 11, tgid: 11, exitCode: 0x89, exitSignal: 17, parentPid: 10, parentTgid: 10 },
      { kind: 'sid', at: 1003, pid: 12, tgid: 12 },
      { kind: 'uid', at: 1004, pid: 13, tgid: 13, ruid: 1000, euid: 0xfffffffe },
      { kind: 'coredump', at: 1005, pid: 14, tgid: 14, parentPid: 10, parentTgid: 10 },
    ]);
  });

  it('reads a parent of 0 (kernels before 4.17 send none) as unknown', () => {
    const [exit] = decodeRecords(records({ at: 1, what: PROC_EVENT.exit, words: [5, 5, 0, 17, 0, 0] }), 1);
    expect(exit).toMatchObject({ parentPid: undefined, parentTgid: undefined });
  });

  it('decodes comm up to its NUL, invalid UTF-8 replaced, all 16 bytes when full', () => {
    const named = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0xff, 0, 0x78]);
    const full = new TextEncoder().encode('abcdefghijklmnop');
    const events = decodeRecords(
      records({ at: 1, what: PROC_EVENT.comm, words: [7, 6], comm: named }, { at: 2, what: PROC_EVENT.comm, words: [7, 6], comm: full }),
      2,
    );
    expect(events).toEqual([
      { kind: 'comm', at: 1, pid: 7, tgid: 6, comm: 'name\ufffd' },
      { kind: 'comm', at: 2, pid: 7, tgid: 6, comm: 'abcdefghijklmnop' },
    ]);
  });

  it("puts the addon's read of a program's name on the exec it follows, and nowhere else", () => {
    const name = new TextEncoder().encode('p8_segv');
    const events = decodeRecords(
      records(
        { at: 1, what: PROC_EVENT.exec, words: [20, 20] },
        { at: 1.4, what: PROGRAM_READ, words: [20, 20], comm: name },
        { at: 2, what: PROC_EVENT.exec, words: [21, 21] },
        // Not after its own exec: dropped, never a name for another process.
        { at: 2.5, what: PROGRAM_READ, words: [22, 22], comm: name },
      ),
      4,
    );
    expect(events).toEqual([
      { kind: 'exec', at: 1, pid: 20, tgid: 20, program: { comm: 'p8_segv', at: 1.4 } },
      { kind: 'exec', at: 2, pid: 21, tgid: 21 },
    ]);
  });

  it('skips kinds procview does not model and never reads past the buffer', () => {
    const buffer = records({ at: 1, what: 0x40 /* GID */, words: [1, 1] }, { at: 2, what: PROC_EVENT.exec, words: [2, 2] });
    expect(decodeRecords(buffer, 5)).toEqual([{ kind: 'exec', at: 2, pid: 2, tgid: 2 }]);
    expect(decodeRecords(new ArrayBuffer(0), 0)).toEqual([]);
  });
});
