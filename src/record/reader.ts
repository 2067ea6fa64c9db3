// Reads a recording: the whole file at once (an hour is tens of MB), every
// checksum verified before anything is shown, and an index of where each
// frame and the key frame before it are, so any time is a key frame and a few
// deltas away.
import { readFile, stat } from 'node:fs/promises';
import type { Seed } from '../inspect/scope.js';
import { SealedMap, sealSnapshot } from '../inspect/snapshot.js';
import type { Meters } from '../inspect/procfs/meters.js';
import type { SystemLoad } from '../inspect/system-load.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';
import { fileProblem } from './file-errors.js';
import { damagedBy, decodePreamble, RecordingError, RecordType, type RecordSpan, unpackJson, unpackProc, walkRecords } from './format.js';
import type { NotePane, RecordedFrame, RecordedNote, RecordingEntry, RecordingHeader } from './types.js';
import { checkFrameBody, checkHeader, checkPackedProc, isObject, isTime } from './validate.js';

interface FrameSpan {
  readonly span: RecordSpan;
  /** Index of the key frame this frame's table is built from. */
  readonly keyIndex: number;
}

interface FrameBody {
  seq: number;
  begunAt: number;
  source: 'kernel' | 'polling' | undefined;
  lost: number;
  words: string | undefined;
  seeds: Seed[];
  members?: number[];
  host: SystemLoad | undefined;
  meters: Meters | undefined;
  events: ProcEvent[];
  glimpses: unknown[];
  procs: unknown[];
  gone?: number[];
}

function parseJson(bytes: Buffer, what: 'record.theHeader' | 'record.aNote'): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damagedBy('record.notJson', { what: t(what) });
  }
}

export class Recording {
  readonly path: string;
  readonly header: RecordingHeader;
  /** True when the file ends inside a record (a crash mid-write): it is read up to its last whole one. */
  readonly truncated: boolean;
  readonly notes: readonly RecordedNote[];
  readonly #bytes: Buffer;
  readonly #frames: readonly FrameSpan[];
  /** The entries in file order: frame index (number) or note. */
  readonly #order: readonly (number | RecordedNote)[];
  #cache: RecordedFrame | undefined;

  /** Use openRecording(). */
  constructor(path: string, bytes: Buffer) {
    this.path = path;
    this.#bytes = bytes;
    decodePreamble(bytes);
    let header: RecordingHeader | undefined;
    const frames: FrameSpan[] = [];
    const notes: RecordedNote[] = [];
    const order: (number | RecordedNote)[] = [];
    let keyIndex = -1;
    const end = walkRecords(bytes, (span) => {
      // A crafted record's checksum can hold over any time: one that is not a date's would show as NaN or throw in a clock.
      if (!isTime(span.at)) throw damagedBy('record.noTime', { offset: span.offset });
      const payload = bytes.subarray(span.payloadStart, span.payloadEnd);
      if (header === undefined) {
        if (span.type !== RecordType.header) throw damagedBy('record.headerFirst');
        header = checkHeader(parseJson(payload, 'record.theHeader'));
        return;
      }
      switch (span.type) {
        case RecordType.key:
          keyIndex = frames.length;
          order.push(frames.length);
          frames.push({ span, keyIndex });
          return;
        case RecordType.delta:
          // A delta with nothing before it to apply to: the key frame it follows is missing.
          if (keyIndex < 0) throw damagedBy('record.deltaFirst');
          order.push(frames.length);
          frames.push({ span, keyIndex });
          return;
        case RecordType.note: {
          const body = parseJson(payload, 'record.aNote');
          if (!isObject(body) || typeof body.text !== 'string' || !['lesson', 'chat', 'output'].includes(String(body.pane))) {
            throw damagedBy('record.noteShape');
          }
          const note: RecordedNote = Object.freeze({
            type: 'note',
            at: span.at,
            pane: body.pane as NotePane,
            tone: typeof body.tone === 'string' ? body.tone : 'plain',
            text: body.text,
          });
          notes.push(note);
          order.push(note);
          return;
        }
        default:
          throw damagedBy('record.secondHeader');
      }
    });
    if (header === undefined) throw new RecordingError(t('record.noHeader'), 'empty');
    this.header = header;
    this.truncated = end.kind === 'truncated';
    this.#frames = frames;
    this.notes = notes;
    this.#order = order;
  }

  /** How the file's bytes divide between whole tables and deltas (what the size benchmark extrapolates from). */
  stats(): { keyFrames: number; keyBytes: number; deltaFrames: number; deltaBytes: number; otherBytes: number } {
    let keyFrames = 0;
    let keyBytes = 0;
    let deltaBytes = 0;
    for (const { span } of this.#frames) {
      const size = span.payloadEnd - span.offset;
      if (span.type === RecordType.key) {
        keyFrames += 1;
        keyBytes += size;
      } else deltaBytes += size;
    }
    const end = this.#frames[this.#frames.length - 1]?.span.payloadEnd ?? 0;
    return { keyFrames, keyBytes, deltaFrames: this.#frames.length - keyFrames, deltaBytes, otherBytes: Math.max(0, end - keyBytes - deltaBytes) };
  }

  get frameCount(): number {
    return this.#frames.length;
  }

  /** Time of the first frame (or the start, with none). */
  get startAt(): number {
    return this.#frames[0]?.span.at ?? this.header.startedAt;
  }

  /** Time of the last frame or note. */
  get endAt(): number {
    const lastFrame = this.#frames[this.#frames.length - 1]?.span.at ?? this.header.startedAt;
    const lastNote = this.notes[this.notes.length - 1]?.at ?? lastFrame;
    return Math.max(lastFrame, lastNote);
  }

  timeOf(index: number): number {
    return this.#frames[index]?.span.at ?? this.header.startedAt;
  }

  /** The key frame `index` is rebuilt from. */
  keyIndexOf(index: number): number {
    return this.#frames[index]?.keyIndex ?? 0;
  }

  /** The last frame at or before `at` (0 before the first). Binary search over the index. */
  indexAt(at: number): number {
    let low = 0;
    let high = this.#frames.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((this.#frames[mid]?.span.at ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  /**
   * Frame `index`, its table rebuilt from the key frame before it (or from the last frame asked for).
   * A frame whose checksum holds but whose content is not procview's is a RecordingError naming the
   * frame asked for and how far in it is, so a replay can say where it stopped.
   */
  frame(index: number): RecordedFrame {
    try {
      return this.#frame(index);
    } catch (error) {
      if (!(error instanceof RecordingError)) throw error;
      const seconds = ((this.timeOf(index) - this.header.startedAt) / 1000).toFixed(1);
      throw new RecordingError(t('record.atFrame', { why: error.message, number: index + 1, count: this.#frames.length, seconds }), error.reason);
    }
  }

  #frame(index: number): RecordedFrame {
    const target = this.#frames[index];
    if (target === undefined) throw new RangeError(t('record.noFrame', { index, count: this.#frames.length }));
    const cached = this.#cache;
    if (cached?.index === index) return cached;
    const from = cached !== undefined && cached.index < index && cached.index >= target.keyIndex ? cached : undefined;
    const start = from === undefined ? target.keyIndex : from.index + 1;
    let current: RecordedFrame;
    if (index - start >= 2) {
      // A seek: the tables between are applied to one map; only the last two frames are built.
      const working = new Map<number, ProcInfo>(from?.snapshot.procs ?? []);
      for (let i = start; i <= index - 2; i += 1) this.#apply(i, working);
      const before = this.#decode(index - 1, working, undefined);
      current = this.#decode(index, before.snapshot.procs, before.snapshot);
    } else {
      current = from ?? this.#decode(start, undefined, undefined);
      for (let i = current.index + 1; i <= index; i += 1) current = this.#decode(i, current.snapshot.procs, current.snapshot);
    }
    this.#cache = current;
    return current;
  }

  /** The events of frame `index` only (no table rebuilt): for finding the next zombie or orphan. */
  eventsOf(index: number): readonly ProcEvent[] {
    const span = this.#frames[index]?.span;
    return span === undefined ? [] : this.#body(span).events;
  }

  /**
   * The first frame after `from` with an event `test` accepts, and that event. In a scoped
   * recording, only events about the processes the view followed (in that frame or the one before).
   */
  findEvent(from: number, test: (event: ProcEvent) => boolean): { readonly index: number; readonly event: ProcEvent } | undefined {
    let before: ReadonlySet<number> | undefined;
    for (let i = Math.max(0, from + 1); i < this.#frames.length; i += 1) {
      const span = this.#frames[i]?.span;
      if (span === undefined) break;
      const body = this.#body(span);
      const members = body.members === undefined ? undefined : new Set(body.members);
      const event = body.events.find((e) => test(e) && (members === undefined || members.has(e.pid) || before?.has(e.pid) === true));
      if (event !== undefined) return { index: i, event };
      before = members;
    }
    return undefined;
  }

  /** Frames and notes in the order they were written. */
  *entries(): Generator<RecordingEntry, void, undefined> {
    for (const entry of this.#order) yield typeof entry === 'number' ? this.frame(entry) : entry;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordingEntry, void, undefined> {
    yield* this.entries();
  }

  #body(span: RecordSpan): FrameBody {
    let body: unknown;
    try {
      body = unpackJson(this.#bytes.subarray(span.payloadStart, span.payloadEnd));
    } catch {
      throw damagedBy('record.frameUnpack', { offset: span.offset });
    }
    if (!isObject(body) || !Array.isArray(body.procs) || !Array.isArray(body.events)) {
      throw damagedBy('record.frameNoTable', { offset: span.offset });
    }
    checkFrameBody(body, span.offset);
    return body as unknown as FrameBody;
  }

  /** Frame `index`'s table changes applied to `procs` (a key frame replaces it). */
  #apply(index: number, procs: Map<number, ProcInfo>): void {
    const span = this.#frames[index]?.span;
    if (span === undefined) throw new RangeError(t('record.noFrame', { index, count: this.#frames.length }));
    const body = this.#body(span);
    if (span.type === RecordType.key) procs.clear();
    else for (const pid of body.gone ?? []) procs.delete(pid);
    for (const packed of body.procs) {
      const proc = unpackProc(packed, checkPackedProc);
      procs.set(proc.pid, proc);
    }
  }

  /** Frame `index` built on the table before it (`beforeProcs`); `previous` is that table when it was a frame's. */
  #decode(index: number, beforeProcs: ReadonlyMap<number, ProcInfo> | undefined, previous: Snapshot | undefined): RecordedFrame {
    const frame = this.#frames[index];
    if (frame === undefined) throw new RangeError(t('record.noFrame', { index, count: this.#frames.length }));
    const { span } = frame;
    const body = this.#body(span);
    const key = span.type === RecordType.key;
    const procs = new SealedMap<number, ProcInfo>();
    if (!key && beforeProcs !== undefined) {
      beforeProcs.forEach((proc, pid) => procs.set(pid, proc));
      for (const pid of body.gone ?? []) procs.delete(pid);
    }
    for (const packed of body.procs) {
      const proc = unpackProc(packed, checkPackedProc);
      procs.set(proc.pid, proc);
    }
    const snapshot: Snapshot = sealSnapshot(span.at, procs);
    const glimpses = new Map<number, ProcInfo>();
    for (const packed of body.glimpses ?? []) {
      const proc = unpackProc(packed, checkPackedProc);
      glimpses.set(proc.pid, proc);
    }
    return Object.freeze({
      type: 'frame',
      index,
      seq: body.seq,
      at: span.at,
      begunAt: body.begunAt,
      key,
      snapshot,
      previous,
      events: Object.freeze(body.events),
      glimpses,
      lost: body.lost ?? 0,
      source: body.source ?? 'polling',
      sourceWords: body.words,
      seeds: body.seeds ?? [],
      members: body.members,
      host: body.host,
      meters: body.meters,
    });
  }
}

/** Opens FILE; a file that is not a whole, readable recording is a RecordingError saying why. */
export async function openRecording(path: string): Promise<Recording> {
  let bytes: Buffer;
  try {
    // A device (/dev/zero, a terminal) would be read until memory runs out: only files and pipes are read.
    const kind = await stat(path);
    if (kind.isDirectory()) throw new RecordingError(t('record.readDirectory', { file: path }), 'unreadable');
    if (!kind.isFile() && !kind.isFIFO()) throw new RecordingError(t('record.readDevice', { file: path }), 'unreadable');
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof RecordingError) throw error;
    throw new RecordingError(t('record.cannotRead', { file: path, why: fileProblem(error) }), 'unreadable');
  }
  return new Recording(path, bytes);
}
