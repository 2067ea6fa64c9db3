// Appends a recording: one write per record, so a crash leaves every record
// before the one being written whole (the reader stops at the cut). Tables are
// stored as deltas against the frame before, with a whole table (a key frame)
// every KEY_EVERY_FRAMES frames or KEY_EVERY_MS, which bounds both a seek's
// work and what a damaged record can take with it.
import { dirname } from 'node:path';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { errnoOf } from '../process/errno.js';
import { t } from '../text/i18n/message.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { fileProblem } from './file-errors.js';
import type { Seed } from '../inspect/scope.js';
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { CommandError } from '../base/errors.js';
import { packageVersion } from '../base/version.js';
import { encodePreamble, encodeRecord, FORMAT_VERSION, packJson, packProc, RecordType, sameProc } from './format.js';
import type { FrameInput, NoteInput, RecordingHeader, RecordingHost, RecordingScope } from './types.js';

export const KEY_EVERY_FRAMES = 120;
export const KEY_EVERY_MS = 60_000;

export interface WriterOptions extends Partial<RecordingHost> {
  readonly scope: RecordingScope;
  readonly intervalMs: number;
  /** Default: now. */
  readonly startedAt?: number;
  /**
   * Told once, in words, when a write fails after the file was created (a full disk): the
   * recording stops there and frame() and note() drop what follows, so a lesson or a program
   * being recorded is not broken by its recording.
   */
  readonly onFailure?: (message: string) => void;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class RecordingWriter {
  readonly path: string;
  readonly header: RecordingHeader;
  #fd: number | undefined;
  #bytes = 0;
  #frames = 0;
  #last: Snapshot | undefined;
  #sinceKey = 0;
  #lastKeyAt = Number.NEGATIVE_INFINITY;
  #failure: string | undefined;
  readonly #onFailure: ((message: string) => void) | undefined;

  /** Creates FILE (never overwrites one: a recording is evidence) and writes the header. */
  static create(path: string, options: WriterOptions): RecordingWriter {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'EEXIST') {
        throw new CommandError(t(isDirectory(path) ? 'record.isDirectory' : 'record.exists', { file: path }));
      }
      // ENOENT from an exclusive create: the file may not exist, so the directory does not, unless it
      // is there and refuses new files (/proc, /sys: file systems the kernel makes).
      const why = code === 'ENOENT' ? (isDirectory(dirname(path)) ? t('record.noNewFiles') : t('record.noDirectory')) : fileProblem(error);
      throw new CommandError(t('record.cannotCreate', { file: path, why }));
    }
    return new RecordingWriter(path, fd, options);
  }

  private constructor(path: string, fd: number, options: WriterOptions) {
    this.path = path;
    this.#fd = fd;
    this.#onFailure = options.onFailure;
    this.header = {
      format: 'procview-recording',
      version: FORMAT_VERSION,
      procview: packageVersion(),
      host: options.host,
      kernel: options.kernel,
      bootTime: options.bootTime,
      clockTicks: options.clockTicks,
      pageSize: options.pageSize,
      startedAt: options.startedAt ?? Date.now(),
      intervalMs: options.intervalMs,
      scope: options.scope,
    };
    this.#write(encodePreamble());
    this.#write(encodeRecord(RecordType.header, this.header.startedAt, Buffer.from(JSON.stringify(this.header), 'utf8')));
  }

  /** Why the recording stopped early (`cannot write FILE: the disk is full (ENOSPC)`), if it did. */
  get failure(): string | undefined {
    return this.#failure;
  }

  get bytesWritten(): number {
    return this.#bytes;
  }

  get frameCount(): number {
    return this.#frames;
  }

  /**
   * `seeds`: where the view's scope started in this frame; `members`: the pids the view followed
   * after it (a scoped view), so a reader can tell the scope's events from the rest of the table.
   */
  frame(frame: FrameInput, seeds: Iterable<Seed> = [], members?: Iterable<number>): void {
    const snapshot = frame.snapshot;
    const last = this.#last;
    const at = snapshot.takenAt;
    const changed: ProcInfo[] = [];
    const gone: number[] = [];
    if (last !== undefined) {
      snapshot.procs.forEach((proc, pid) => {
        const before = last.procs.get(pid);
        if (before === undefined || !sameProc(before, proc)) changed.push(proc);
      });
      last.procs.forEach((_proc, pid) => {
        if (!snapshot.procs.has(pid)) gone.push(pid);
      });
    }
    const key =
      last === undefined || this.#sinceKey + 1 >= KEY_EVERY_FRAMES || at - this.#lastKeyAt >= KEY_EVERY_MS || changed.length > snapshot.procs.size / 2;
    const body = {
      seq: frame.seq,
      begunAt: frame.begunAt,
      source: frame.source,
      lost: frame.lost ?? 0,
      words: frame.sourceWords,
      seeds: [...seeds],
      ...(members === undefined ? {} : { members: [...members] }),
      host: frame.host,
      meters: frame.meters,
      events: frame.events,
      glimpses: [...(frame.glimpses?.values() ?? [])].map(packProc),
      procs: key ? [...snapshot.procs.values()].map(packProc) : changed.map(packProc),
      ...(key ? {} : { gone }),
    };
    this.#write(encodeRecord(key ? RecordType.key : RecordType.delta, at, packJson(body)));
    if (key) {
      this.#sinceKey = 0;
      this.#lastKeyAt = at;
    } else this.#sinceKey += 1;
    this.#last = snapshot;
    this.#frames += 1;
  }

  note(note: NoteInput): void {
    const body = { pane: note.pane, tone: note.tone, text: note.text };
    this.#write(encodeRecord(RecordType.note, note.at, Buffer.from(JSON.stringify(body), 'utf8')));
  }

  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  #write(bytes: Buffer): void {
    // After close() (a late narration line while the lesson cleans up) there is nowhere to write: dropped.
    if (this.#fd === undefined) return;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.#fd, bytes, done, bytes.length - done);
    } catch (error) {
      // The part written is a cut-off record, which readers take as the end: the file stays readable up to it.
      // Said on a terminal by whoever records (run, demo, record): the path is the user's text, marked as any quoted text is.
      this.#failure = t('cli.error.cannotWrite', { file: sanitizeForDisplay(this.path), why: fileProblem(error) });
      this.close();
      this.#onFailure?.(this.#failure);
      return;
    }
    this.#bytes += bytes.length;
  }
}
