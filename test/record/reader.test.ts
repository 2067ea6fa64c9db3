// The format round trip, seeking, and every way a file can be wrong: cut off
// mid-write, a flipped byte, empty, not a recording, a newer version.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freezeProc, SealedMap, sealSnapshot } from '../../src/inspect/snapshot.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../../src/inspect/types.js';
import { encodePreamble, encodeRecord, packJson, PREAMBLE_BYTES, RECORD_HEAD_BYTES, RecordingError, RecordType } from '../../src/record/format.js';
import { openRecording, Recording } from '../../src/record/reader.js';
import { KEY_EVERY_FRAMES, RecordingWriter } from '../../src/record/writer.js';
import { setLanguage } from '../../src/text/i18n/lang.js';

const dir = mkdtempSync(join(tmpdir(), 'procview-rec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const fresh = (): string => {
  fileNo += 1;
  return join(dir, `r${fileNo}.pvrec`);
};

function snapshot(at: number, procs: ProcInfo[]): Snapshot {
  const map = new SealedMap<number, ProcInfo>();
  for (const proc of procs) map.set(proc.pid, proc);
  return sealSnapshot(at, map);
}

const T0 = 1_700_000_000_000;
/** Frame i: pids 1..50, pid 7 a zombie from frame 5 and gone from frame 9, pid 100+i appearing each frame. */
function tableAt(i: number): Snapshot {
  const procs: ProcInfo[] = [];
  for (let pid = 1; pid <= 50; pid += 1) {
    if (pid === 7 && i >= 9) continue;
    procs.push(freezeProc({ pid, ppid: pid === 1 ? 0 : 1, state: pid === 7 && i >= 5 ? 'Z' : 'S', comm: `p${pid}`, args: pid === 3 ? `cmd ${i}` : undefined }));
  }
  procs.push(freezeProc({ pid: 100 + i, ppid: 1, state: 'R', comm: 'new' }));
  return snapshot(T0 + i * 1000, procs);
}

function eventsAt(i: number): ProcEvent[] {
  if (i === 5) return [{ kind: 'zombie', at: T0 + 5000, pid: 7, comm: 'p7', ppid: 1 }];
  if (i === 9) return [{ kind: 'reap', at: T0 + 9000, pid: 7, comm: 'p7', by: 1 }];
  return [];
}

function writeFrames(path: string, count: number): void {
  const writer = RecordingWriter.create(path, { scope: { kind: 'demo', label: 'demo zombie' }, intervalMs: 1000, startedAt: T0, host: 'h', kernel: 'Linux 6' });
  for (let i = 0; i < count; i += 1) {
    if (i === 2) writer.note({ at: T0 + 2500, pane: 'lesson', tone: 'plain', text: 'the child exits now' });
    writer.frame({ seq: i + 1, begunAt: i * 1000, snapshot: tableAt(i), events: eventsAt(i), source: 'polling' }, [{ pid: 7, trackedAt: 1 }]);
  }
  writer.close();
}

async function errorOf(path: string): Promise<RecordingError> {
  const error = await openRecording(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordingError);
  return error as RecordingError;
}

describe('recording round trip', () => {
  const path = fresh();
  const count = KEY_EVERY_FRAMES * 2 + 10;
  writeFrames(path, count);

  it('gives back every table, event, note and the header', async () => {
    const recording = await openRecording(path);
    expect(recording.header).toMatchObject({ format: 'procview-recording', version: 1, host: 'h', scope: { kind: 'demo' }, intervalMs: 1000 });
    expect(recording.frameCount).toBe(count);
    expect(recording.truncated).toBe(false);
    const seen: string[] = [];
    let index = 0;
    for await (const entry of recording) {
      if (entry.type === 'note') {
        seen.push(`note ${entry.text}`);
        continue;
      }
      expect(entry.index).toBe(index);
      expect([...entry.snapshot.procs.values()]).toEqual([...tableAt(index).procs.values()]);
      expect(entry.events).toEqual(eventsAt(index));
      expect(entry.seeds).toEqual([{ pid: 7, trackedAt: 1 }]);
      for (const event of entry.events) seen.push(`${event.kind} ${event.pid}`);
      index += 1;
    }
    expect(seen).toEqual(['note the child exits now', 'zombie 7', 'reap 7']);
  });

  it('says a frame past the end in the chosen language', async ({ onTestFinished }) => {
    onTestFinished(() => setLanguage(undefined));
    const recording = await openRecording(path);
    expect(() => recording.frame(count)).toThrow(new RangeError(`no frame ${count} (the recording has ${count})`));
    setLanguage('zh');
    expect(() => recording.frame(count)).toThrow(new RangeError(`没有第 ${count} 帧（录制文件共有 ${count} 帧）`));
  });

  it('seeks to any time, forwards and backwards, without reading from the start', async () => {
    const recording = await openRecording(path);
    for (const i of [count - 1, 3, KEY_EVERY_FRAMES + 5, 0, 6]) {
      const at = recording.indexAt(T0 + i * 1000 + 500);
      expect(at).toBe(i);
      expect([...recording.frame(at).snapshot.procs.values()]).toEqual([...tableAt(i).procs.values()]);
    }
    expect(recording.frame(6).snapshot.procs.get(7)?.state).toBe('Z');
    // A seek builds the frame before it too: `previous` is that frame's table.
    expect([...(recording.frame(KEY_EVERY_FRAMES + 50).previous?.procs.values() ?? [])]).toEqual([...tableAt(KEY_EVERY_FRAMES + 49).procs.values()]);
    expect([...(recording.frame(KEY_EVERY_FRAMES + 51).previous?.procs.values() ?? [])]).toEqual([...tableAt(KEY_EVERY_FRAMES + 50).procs.values()]);
    expect(recording.findEvent(0, (event) => event.kind === 'zombie')?.index).toBe(5);
    expect(recording.findEvent(5, (event) => event.kind === 'zombie')).toBeUndefined();
  });

  it('replays a file cut off mid-record up to its last whole frame', async () => {
    const whole = readFileSync(path);
    const cut = fresh();
    writeFileSync(cut, whole.subarray(0, whole.length - 7));
    const recording = await openRecording(cut);
    expect(recording.truncated).toBe(true);
    expect(recording.frameCount).toBe(count - 1);
    expect([...recording.frame(count - 2).snapshot.procs.values()]).toEqual([...tableAt(count - 2).procs.values()]);
    // Cut inside the header record: no frame at all, said so.
    const early = fresh();
    writeFileSync(early, whole.subarray(0, PREAMBLE_BYTES + 10));
    expect((await errorOf(early)).reason).toBe('empty');
  });

  it('refuses a flipped byte with the record it is in', async () => {
    const bytes = Buffer.from(readFileSync(path));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x10;
    const flipped = fresh();
    writeFileSync(flipped, bytes);
    const error = await errorOf(flipped);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/damaged: record \d+ \(byte \d+\)/u);
  });

  it('refuses an empty file, a foreign file and a newer version, each in words', async () => {
    const empty = fresh();
    writeFileSync(empty, '');
    expect((await errorOf(empty)).message).toMatch(/empty/u);
    const foreign = fresh();
    writeFileSync(foreign, '{"hello": "world"}\n');
    expect((await errorOf(foreign)).message).toMatch(/not a procview recording/u);
    const newer = fresh();
    const bytes = Buffer.from(readFileSync(path));
    bytes.writeUInt16LE(9, 8);
    writeFileSync(newer, bytes);
    const error = await errorOf(newer);
    expect(error.reason).toBe('newer');
    expect(error.message).toMatch(/format version 9, newer than this procview reads \(1\)/u);
    expect((await errorOf(join(dir, 'missing'))).message).toMatch(/no such file/u);
  });

  it('never overwrites a file', () => {
    expect(() => RecordingWriter.create(path, { scope: { kind: 'all', label: 'all' }, intervalMs: 1000 })).toThrow(/exists/u);
  });

  it('writes only the changed records between key frames', () => {
    const small = fresh();
    writeFrames(small, 3);
    const one = readFileSync(small).length;
    const more = fresh();
    writeFrames(more, 30);
    // 27 more frames of 2 changed records each cost far less than 27 whole tables.
    expect(readFileSync(more).length - one).toBeLessThan(27 * 200);
    truncateSync(more, 0);
  });
});

describe('a crafted file whose checksums hold', () => {
  /** A file with a good preamble, header and checksums, and one frame body of the caller's making. */
  function crafted(body: unknown): string {
    const path = fresh();
    const header = { format: 'procview-recording', version: 1, procview: '0', startedAt: T0, intervalMs: 1000, scope: { kind: 'all', label: 'all' } };
    writeFileSync(
      path,
      Buffer.concat([
        encodePreamble(),
        encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify(header))),
        encodeRecord(RecordType.key, T0, packJson(body)),
      ]),
    );
    return path;
  }
  const good = {
    seq: 1,
    begunAt: 0,
    events: [],
    procs: [[1, 0, null, null, '?', null, 'S', 'Ss', 0, 20, 1, 'TS', 0, 'root', T0, 0, 0, 1, 2, 0, 'init', '/sbin/init']],
  };

  /** The good record with its field `field` (1-based, as the error names it) replaced. */
  const withField = (field: number, value: unknown): unknown[] => (good.procs[0] ?? []).map((old, i) => (i === field - 1 ? value : old));

  it('reads a well-made one', async () => {
    const recording = await openRecording(crafted(good));
    expect(recording.frame(0).snapshot.procs.get(1)?.comm).toBe('init');
  });

  it('keeps the objects it knows in an event and leaves out the ones it does not', async () => {
    const evidence = { kind: 'no-leader', pgid: 7, seenBefore: '7 (sh)' };
    const event = { kind: 'reparent', pid: 1, at: T0, from: 2, to: 1, orphaned: true, adopter: 'init', evidence, future: { a: 1 } };
    const recording = await openRecording(crafted({ ...good, events: [event] }));
    const [read] = recording.frame(0).events;
    expect(read).toMatchObject({ kind: 'reparent', evidence });
    expect(read).not.toHaveProperty('future');
  });

  it.each([
    ['a text where a number belongs', { ...good, procs: [[1, 'zero']] }, /field 2 of process 1 has the wrong type/u],
    [
      'an object where a name belongs',
      { ...good, procs: [[1, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, { a: 1 }]] },
      /field 21/u,
    ],
    // Drawn as they are (the detail pane spells STAT letter by letter, names the policy): only what procview writes is let in.
    ['a STAT with a control sequence', { ...good, procs: [withField(8, 'S\u001b]0;x\u0007')] }, /field 8 of process 1 has the wrong type or value/u],
    ['a state of two letters', { ...good, procs: [withField(7, 'SS')] }, /field 7 of process 1/u],
    ['a policy ps never prints', { ...good, procs: [withField(12, 'Z\u001b[31m')] }, /field 12 of process 1/u],
    ['an event without a kind', { ...good, events: [{ pid: 1, at: T0 }] }, /an event has no kind/u],
    ['an event with an object for a name', { ...good, events: [{ kind: 'exit', pid: 1, at: T0, comm: { x: 1 } }] }, /the comm of a exit event/u],
    [
      'an orphan evidence of no known kind',
      { ...good, events: [{ kind: 'reparent', pid: 1, at: T0, evidence: { kind: 'because' } }] },
      /the evidence of a reparent/u,
    ],
    ['seeds that are text', { ...good, seeds: ['1'] }, /wrong type/u],
    ['meters without CPUs', { ...good, meters: { cpuCount: 1, cpus: 'x', memory: {} } }, /wrong type/u],
    ['no table', { seq: 1, begunAt: 0, events: [] }, /has no table/u],
  ])('refuses %s in words when the frame is read', async (_what, body, message) => {
    const recording = await openRecording(crafted(body));
    expect(() => recording.frame(0)).toThrow(RecordingError);
    expect(() => recording.frame(0)).toThrow(message);
  });
});

describe('damage that looks like a cut, and files that are not files', () => {
  const small = fresh();
  writeFrames(small, 4);
  const whole = readFileSync(small);
  /** Byte offsets of every record head (the walk a reader does, here without checks). */
  const heads: number[] = [];
  for (let at = PREAMBLE_BYTES; at < whole.length; at += RECORD_HEAD_BYTES + whole.readUInt32LE(at)) heads.push(at);
  const write = (bytes: Buffer): string => {
    const path = fresh();
    writeFileSync(path, bytes);
    return path;
  };

  it('a length made longer than the file is damage when whole records follow it, a cut when it is the last record', async () => {
    const middle = Buffer.from(whole);
    // The second byte of the header record's length: now it runs past the end of the file.
    middle[(heads[0] ?? 0) + 2] = 0x01;
    const error = await errorOf(write(middle));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(
      /record 1 \(byte 12\) — it claims \d+ bytes, more than the file has, yet a whole record follows at byte \d+: its length is wrong/u,
    );
    const last = Buffer.from(whole);
    last[(heads[heads.length - 1] ?? 0) + 2] = 0x01;
    const recording = await openRecording(write(last));
    expect(recording.truncated).toBe(true);
    expect(recording.frameCount).toBe(3);
  });

  it('every byte flipped in turn: a RecordingError in words, or (the last record only) read as cut off', () => {
    const lastHead = heads[heads.length - 1] ?? 0;
    for (let at = 0; at < whole.length; at += 1) {
      const bytes = Buffer.from(whole);
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      let outcome: string;
      try {
        const recording = new Recording('flipped', bytes);
        for (const _entry of recording.entries());
        outcome = recording.truncated ? 'cut' : 'read';
      } catch (error) {
        if (!(error instanceof RecordingError)) throw new Error(`byte ${at}: ${String(error)}`);
        outcome = error.reason;
      }
      if (outcome === 'cut' || outcome === 'read') {
        // Only the last record's length can pass for a cut (nothing after it to tell); no flip is read as whole.
        expect([at, outcome]).toEqual([expect.toSatisfy((n: number) => n >= lastHead && n < lastHead + 4), 'cut']);
      } else expect([at, outcome]).toEqual([at, expect.stringMatching(/^(corrupt|foreign|newer)$/u)]);
    }
  });

  it('a file that ends inside the magic is cut off, not foreign; reserved bytes must be zero', async () => {
    expect((await errorOf(write(whole.subarray(0, 5)))).reason).toBe('empty');
    const reserved = Buffer.from(whole);
    reserved[10] = 1;
    expect((await errorOf(write(reserved))).message).toMatch(/damaged: bytes 10-11 \(reserved\) are not zero/u);
  });

  it('a directory or a device is refused by name, before anything is read', async () => {
    expect((await errorOf(dir)).message).toBe(`cannot read ${dir}: it is a directory, not a recording`);
    expect((await errorOf('/dev/zero')).message).toMatch(/it is a device or socket, not a recording/u);
  });

  it('a frame whose content is not procview says which frame', async () => {
    const bytes = Buffer.from(whole);
    const head = heads[2] ?? 0;
    const at = bytes.readDoubleLE(head + 9);
    const bad = encodeRecord(RecordType.delta, at, packJson({ seq: 2, begunAt: 0, events: [], procs: [['x']] }));
    const path = write(Buffer.concat([bytes.subarray(0, head), bad, bytes.subarray(head + RECORD_HEAD_BYTES + bytes.readUInt32LE(head))]));
    const recording = await openRecording(path);
    expect(() => [...recording.entries()]).toThrow(/not an array starting with its pid \(reading frame 2 of 4, \+1\.0 s\)/u);
  });

  it('the writer names what is wrong with a target: a directory, a missing directory', () => {
    const options = { scope: { kind: 'all' as const, label: 'all' }, intervalMs: 1000 };
    expect(() => RecordingWriter.create(dir, options)).toThrow(`${dir} is a directory: a recording never overwrites a file (give the name of a new file)`);
    expect(() => RecordingWriter.create(join(dir, 'no', 'x.pvrec'), options)).toThrow(/cannot create .*: no such directory \(ENOENT\)/u);
    // A directory that is there but takes no files (the kernel's own): not "no such directory".
    expect(() => RecordingWriter.create('/proc/x.pvrec', options)).toThrow(/cannot create \/proc\/x\.pvrec: its directory takes no new files/u);
  });
});

describe('a crafted header and record times', () => {
  const header = { format: 'procview-recording', version: 1, procview: '0', startedAt: T0, intervalMs: 1000, scope: { kind: 'all', label: 'all' } };
  const body = { seq: 1, begunAt: 0, events: [], procs: [] };
  const file = (records: Buffer[]): string => {
    const path = fresh();
    writeFileSync(path, Buffer.concat([encodePreamble(), ...records]));
    return path;
  };

  it('null host facts read as unknown (undefined), never null', async () => {
    const path = file([encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify({ ...header, host: null, bootTime: null })))]);
    const recording = await openRecording(path);
    expect(recording.header.host).toBeUndefined();
    expect(recording.header.bootTime).toBeUndefined();
  });

  it('a record whose time is not a number is damage', async () => {
    const path = file([encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify(header))), encodeRecord(RecordType.key, Number.NaN, packJson(body))]);
    expect((await errorOf(path)).message).toMatch(/the record at byte \d+ has no time/u);
  });

  it('a time no clock can show is damage, in a record, the header or an event', async () => {
    const late = file([encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify(header))), encodeRecord(RecordType.key, 1e300, packJson(body))]);
    expect((await errorOf(late)).message).toMatch(/the record at byte \d+ has no time a clock can show/u);
    const started = file([encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify({ ...header, startedAt: 1e300 })))]);
    expect((await errorOf(started)).message).toMatch(/not a procview header/u);
    const event = { kind: 'exit', pid: 1, at: 1e300 };
    const eventful = file([
      encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify(header))),
      encodeRecord(RecordType.key, T0, packJson({ ...body, events: [event] })),
    ]);
    const recording = await openRecording(eventful);
    expect(() => recording.frame(0)).toThrow(/an event has no kind, pid or time/u);
  });

  it('keeps only the header fields procview knows', async () => {
    const path = file([encodeRecord(RecordType.header, T0, Buffer.from(JSON.stringify({ ...header, kind: 'event', extra: '\u001b[31m' })))]);
    const recording = await openRecording(path);
    expect(recording.header).not.toHaveProperty('kind');
    expect(recording.header).not.toHaveProperty('extra');
    expect(recording.header).toMatchObject({ format: 'procview-recording', version: 1, scope: { kind: 'all', label: 'all' } });
  });
});
