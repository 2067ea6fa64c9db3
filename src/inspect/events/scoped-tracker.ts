// Fast scoped tracking without the kernel source: between full scans, follow a
// known subtree by reading only its processes' children lists
// (/proc/PID/task/TID/children, Linux >= 3.5: the children each thread forked
// and has not lost) at a short interval. A child forked and orphaned within a
// few milliseconds is then seen under the parent that forked it, and a watched
// process that is gone is noticed at once. Cost is one small read per watched
// thread per tick, proportional to the subtree, never to the system.
import { readdirSync } from 'node:fs';
import { Scratch } from '../procfs/read-file.js';

export interface TrackerTick {
  /** Children found under a watched parent that the caller did not know: [child, parent]. */
  readonly sightings: readonly (readonly [number, number])[];
  /** Watched pids whose children lists could not be read any more (gone), or whose children changed. */
  readonly changed: readonly number[];
}

/** Threads of a process are listed again when its thread count changes (stat field 20 via `threads`). */
interface Watched {
  tids: number[];
  threads: number | undefined;
  children: string;
}

export class ScopedTracker {
  readonly #root: string;
  readonly #scratch = new Scratch(4096);
  readonly #watched = new Map<number, Watched>();

  constructor(procRoot = '/proc') {
    this.#root = procRoot;
  }

  get size(): number {
    return this.#watched.size;
  }

  /**
   * One tick over `pids` (the subtree to follow, with their thread counts when
   * known). `known(pid)` says whether the caller already has that process.
   */
  tick(pids: ReadonlyMap<number, number | undefined>, known: (pid: number) => boolean): TrackerTick {
    const sightings: [number, number][] = [];
    const changed: number[] = [];
    for (const pid of this.#watched.keys()) if (!pids.has(pid)) this.#watched.delete(pid);
    for (const [pid, threads] of pids) {
      let entry = this.#watched.get(pid);
      if (entry === undefined || entry.threads !== threads) {
        entry = { tids: this.#threadsOf(pid), threads, children: entry?.children ?? '' };
        this.#watched.set(pid, entry);
      }
      let text = '';
      let readable = false;
      for (const tid of entry.tids) {
        const length = this.#scratch.readWhole(`${this.#root}/${pid}/task/${tid}/children`);
        if (length < 0) continue;
        readable = true;
        text += this.#scratch.bytes.toString('latin1', 0, length);
      }
      if (!readable) {
        this.#watched.delete(pid);
        changed.push(pid);
        continue;
      }
      if (text === entry.children) continue;
      entry.children = text;
      changed.push(pid);
      for (const word of text.split(' ')) {
        const child = Number(word);
        if (word !== '' && Number.isSafeInteger(child) && !known(child)) sightings.push([child, pid]);
      }
    }
    return { sightings, changed };
  }

  #threadsOf(pid: number): number[] {
    try {
      return readdirSync(`${this.#root}/${pid}/task`)
        .map(Number)
        .filter((tid) => Number.isSafeInteger(tid));
    } catch {
      return [pid];
    }
  }
}
