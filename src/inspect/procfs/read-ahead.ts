// A first full scan read on two threads. Such a scan reads stat, status and
// cmdline of every process, and the time goes to the kernel, not to us:
// opening, formatting and closing 6,210 files for 2,070 processes takes
// 55–58 ms from C on one core, 64–67 ms from Node, and building the records
// adds under 10. Two threads of C read them in 30 ms: the kernel's side
// splits. So on a machine with a second core, a helper thread
// (read-ahead-loop.ts) reads the files of the processes at the back of the
// listing into shared memory while the scan reads from the front; where they
// meet, the scan takes the helper's bytes instead of reading. Records, and
// the order they are built in, are what one thread would make: only who
// called read() differs, and when (the time of each stat read is kept, for
// the next scan's %CPU interval).
//
// A worker thread takes 20–25 ms to start, in which the scan alone reads some
// 700 processes: one helper serves every backend of the Node process, and is
// ended after IDLE_MS without work, so a program that scans whole tables now
// and then (a library caller, getProcess) pays the start once, and its arena
// (takeArena) is kept with it. The first full scan of a Node process reads
// alone and starts none: its code is not compiled yet, its own JavaScript
// outweighs its reads, and a thread starting beside it slowed it on two cores
// (12 runs at 2,068 processes: median 106 ms alone, 117 ms with a helper), so
// a program that scans one table whole (`procview events`, `run`, the metrics
// worker) never starts one. The second full scan starts it.
// Below READ_AHEAD_MIN processes there is too little to share. A later scan
// of the same backend reads one stat per process (kept files): nothing to
// share either.
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type LoopFs, type ReadAheadJob, readAheadLoop } from './read-ahead-loop.js';
import type { Scratch } from './read-file.js';
import { pidOf } from './pid-name.js';

/** Fewer processes than this: no helper (see the top of this file). */
export const READ_AHEAD_MIN = 1000;
/** A file the helper left to the scan's thread (also what take() answers then). */
export const NOT_AHEAD = -4;
const CODES = { free: 0, scan: 1, helper: 2, done: 3, notRead: NOT_AHEAD };

/** The three files of a slot, in table order. */
export const AHEAD_STAT = 0;
export const AHEAD_STATUS = 1;
export const AHEAD_CMDLINE = 2;
const FILE_NAMES = ['stat', 'status', 'cmdline'];

/** Room in shared memory per process: a stat (~300 bytes), a status (~1.4 kB) and most command lines. */
const BYTES_PER_PROCESS = 4096;
const MIN_ARENA = 1024 * 1024;
/** At most this much (8,192 processes' room): past it the helper stops, and the rest is the scan's. */
const MAX_ARENA = 32 * 1024 * 1024;
const MAX_READ = 64 * 1024;
/** The scan waits this long at most for the helper to finish a slot it holds, then reads what is left itself. */
const WAIT_MS = 50;
/** The helper thread ends after this long without a scan to help. */
const IDLE_MS = 10_000;

/** Which files the scan wants besides stat. */
export interface AheadWants {
  readonly status: boolean;
  readonly cmdline: boolean;
}

/** Hands a job to a helper (the shared thread; the calling thread in tests). */
export type StartHelper = (job: ReadAheadJob) => void;

/** When a scan gets a helper, and which (ProcfsOptions.readAhead). */
export interface ReadAheadPolicy {
  /** The fewest processes worth one. */
  readonly minimum: number;
  /** Asked once per full scan that could have a helper: true when it reads alone all the same. */
  readonly alone?: () => boolean;
  readonly start: StartHelper;
}

/** True for the first call only: the first full scan reads alone (see the top of this file). */
export function firstScanAlone(): () => boolean {
  let scans = 0;
  return () => {
    scans += 1;
    return scans === 1;
  };
}

interface Helper {
  readonly worker: Worker;
  idle: NodeJS.Timeout | undefined;
}

let helper: Helper | undefined;

/** Shared memory for a scan's files, and the cell its last helper loop sets once it has ended. */
interface Arena {
  readonly bytes: SharedArrayBuffer;
  readonly finished: SharedArrayBuffer;
}

/**
 * The arena of the last scan, kept for the next: a new one would cost the
 * helper a page fault per page it writes, and Node a large buffer per scan
 * freed only when both threads have collected their garbage.
 */
let spare: Arena | undefined;

/** An arena of at least `size` bytes that no helper loop is writing. */
function takeArena(size: number): Arena {
  const kept = spare;
  spare = undefined;
  // A helper still running a scan that gave up waiting writes into that scan's arena: not this one.
  if (kept !== undefined && kept.bytes.byteLength >= size && Atomics.load(new Int32Array(kept.finished), 0) === 1) {
    Atomics.store(new Int32Array(kept.finished), 0, 0);
    return kept;
  }
  return { bytes: new SharedArrayBuffer(size), finished: new SharedArrayBuffer(4) };
}

/** The helper thread: the loop from its source text (read-ahead-loop.ts says why), one job per message. */
function startHelperThread(): Helper {
  const worker = new Worker(
    `const fs = require('node:fs');
     const loop = (${readAheadLoop.toString()});
     require('node:worker_threads').parentPort.on('message', (job) => loop(job, fs));`,
    // Not the program's flags (--require preloads, an inspector, loaders): the helper runs this loop alone.
    { eval: true, execArgv: [] },
  );
  // Never what keeps the program alive. A helper that fails leaves its slots to the scan (WAIT_MS).
  worker.unref();
  const started: Helper = { worker, idle: undefined };
  const gone = (): void => {
    if (helper === started) helper = undefined;
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return started;
}

/** Gives `job` to the shared helper thread, starting it if none runs. */
export function shareWithHelperThread(job: ReadAheadJob): void {
  helper ??= startHelperThread();
  const current = helper;
  clearTimeout(current.idle);
  current.idle = setTimeout(() => {
    if (helper === current) helper = undefined;
    spare = undefined;
    current.worker.terminate().catch(() => undefined);
  }, IDLE_MS);
  current.idle.unref();
  current.worker.postMessage(job);
}

/** Ends the helper thread now, if one runs (a later full scan starts another): tests end it with their file. */
export function stopHelperThread(): Promise<void> {
  const current = helper;
  helper = undefined;
  spare = undefined;
  if (current === undefined) return Promise.resolve();
  clearTimeout(current.idle);
  return current.worker.terminate().then(() => undefined);
}

/** The same loop on the calling thread, to its end: every slot not claimed yet is read ahead (tests). */
export function inlineHelper(fs: LoopFs = { openSync, readSync, closeSync }): StartHelper {
  return (job) => {
    readAheadLoop(job, fs);
  };
}

export const DEFAULT_READ_AHEAD: ReadAheadPolicy = {
  // One core: the helper would take its time from the scan.
  minimum: availableParallelism() > 1 ? READ_AHEAD_MIN : Number.POSITIVE_INFINITY,
  alone: firstScanAlone(),
  start: shareWithHelperThread,
};

export class ReadAhead {
  readonly #dirs: string[] = [];
  readonly #slots = new Map<number, number>();
  readonly #claims: Int32Array;
  readonly #table: Int32Array;
  readonly #times: Float64Array;
  readonly #arena: Arena;
  readonly #bytes: Buffer;
  /** Files taken from the helper (for tests and the benchmark). */
  taken = 0;

  /** A helper for the processes among `names` (a listing of `root`), or undefined when not worth one. */
  static start(root: string, names: readonly string[], wants: AheadWants, policy: ReadAheadPolicy): ReadAhead | undefined {
    if (names.length < policy.minimum || (!wants.status && !wants.cmdline)) return undefined;
    if (policy.alone?.() === true) return undefined;
    try {
      return new ReadAhead(root, names, wants, policy.start);
    } catch {
      // No thread here (resource limits, a runtime without workers): one thread reads it all.
      return undefined;
    }
  }

  private constructor(root: string, names: readonly string[], wants: AheadWants, start: StartHelper) {
    for (const name of names) {
      const pid = pidOf(name);
      if (pid < 0) continue;
      this.#slots.set(pid, this.#dirs.length);
      this.#dirs.push(`${root}/${name}`);
    }
    const count = this.#dirs.length;
    const claims = new SharedArrayBuffer(count * 4);
    const table = new SharedArrayBuffer(count * FILE_NAMES.length * 2 * 4);
    const times = new SharedArrayBuffer(count * 8);
    this.#arena = takeArena(Math.min(MAX_ARENA, Math.max(MIN_ARENA, count * BYTES_PER_PROCESS)));
    this.#claims = new Int32Array(claims);
    this.#table = new Int32Array(table);
    this.#times = new Float64Array(times);
    this.#bytes = Buffer.from(this.#arena.bytes);
    const files = [
      FILE_NAMES[AHEAD_STAT] ?? null,
      wants.status ? (FILE_NAMES[AHEAD_STATUS] ?? null) : null,
      wants.cmdline ? (FILE_NAMES[AHEAD_CMDLINE] ?? null) : null,
    ];
    const { bytes: arena, finished } = this.#arena;
    start({ dirs: this.#dirs, files, claims, table, times, arena, finished, maxRead: MAX_READ, codes: CODES });
  }

  /**
   * The scan is about to read `pid`: its slot when the helper read it (waiting
   * for the helper to finish it), or -1 when the scan reads it itself. The
   * scan claims in listing order and the helper in reverse, so they meet at
   * one slot: the scan waits at most once, and every later slot is done.
   */
  claim(pid: number): number {
    const slot = this.#slots.get(pid);
    if (slot === undefined) return -1;
    const claims = this.#claims;
    const was = Atomics.compareExchange(claims, slot, CODES.free, CODES.scan);
    if (was === CODES.free || was === CODES.scan) return -1;
    const deadline = performance.now() + WAIT_MS;
    while (Atomics.load(claims, slot) !== CODES.done) {
      const left = deadline - performance.now();
      // A helper descheduled on a busy machine, or dead, midway through this slot: it is the scan's.
      if (left <= 0) return -1;
      Atomics.wait(claims, slot, CODES.helper, left);
    }
    return slot;
  }

  /**
   * File `file` of `slot` into `scratch` when the helper read it from `path`,
   * once: its length, or NOT_AHEAD (read it yourself).
   */
  take(slot: number, file: number, scratch: Scratch, path: string): number {
    const at = (slot * FILE_NAMES.length + file) * 2;
    const length = this.#table[at + 1] ?? NOT_AHEAD;
    // The path check keeps a read of another process's file (a caller between two slices) from this slot.
    if (length < 0 || path !== `${this.#dirs[slot]}/${FILE_NAMES[file]}`) return NOT_AHEAD;
    this.#table[at + 1] = NOT_AHEAD;
    scratch.fillFrom(this.#bytes, this.#table[at] ?? 0, length);
    this.taken += 1;
    return length;
  }

  /** The scan is over: its arena may serve the next scan once the helper's loop has ended. */
  end(): void {
    spare = this.#arena;
  }

  /** When the helper read `slot`'s first file, on this thread's performance.now() clock. */
  readAt(slot: number): number {
    return (this.#times[slot] ?? 0) - performance.timeOrigin;
  }
}
