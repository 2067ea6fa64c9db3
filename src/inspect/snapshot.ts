// Snapshots are shared with every consumer (UI, diff, JSON), so they must not
// change once emitted: records are frozen, and the map refuses writes once sealed.
import { FORKED_NO_EXEC, type MaybeForkMarked } from './fork-mark.js';
import type { ProcInfo, Snapshot, ThreadInfo } from './types.js';
import { type MaybeNotRead, NOT_READ } from './unread.js';

/** A Map that throws on set/delete/clear after seal(); reads and iteration are a plain Map's. */
export class SealedMap<K, V> extends Map<K, V> {
  #sealed = false;

  seal(): this {
    this.#sealed = true;
    Object.freeze(this);
    return this;
  }

  override set(key: K, value: V): this {
    if (this.#sealed) throw new TypeError('a snapshot is read-only');
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.#sealed) throw new TypeError('a snapshot is read-only');
    return super.delete(key);
  }

  override clear(): void {
    if (this.#sealed) throw new TypeError('a snapshot is read-only');
    super.clear();
  }
}

export function sealSnapshot(
  takenAt: number,
  procs: SealedMap<number, ProcInfo>,
  uptimeClock?: number,
  threads?: ReadonlyMap<number, readonly ThreadInfo[]>,
): Snapshot {
  // threads only when listed, so every other snapshot keeps its one shape.
  return threads === undefined
    ? Object.freeze({ takenAt, procs: procs.seal(), uptimeClock })
    : Object.freeze({ takenAt, procs: procs.seal(), uptimeClock, threads });
}

/**
 * Every field of ProcInfo, in one fixed order (one object shape for V8),
 * frozen. A field not given is unknown: still present, as undefined, so JSON
 * and equality checks see every field.
 */
export function freezeProc(p: Pick<ProcInfo, 'pid'> & Partial<ProcInfo> & MaybeNotRead & MaybeForkMarked): ProcInfo {
  const record: { -readonly [K in keyof ProcInfo]: ProcInfo[K] } & { [NOT_READ]?: true; [FORKED_NO_EXEC]?: boolean } = {
    pid: p.pid,
    ppid: p.ppid,
    pgid: p.pgid,
    sid: p.sid,
    tty: p.tty,
    tpgid: p.tpgid,
    state: p.state,
    stat: p.stat,
    nice: p.nice,
    priority: p.priority,
    threads: p.threads,
    policy: p.policy,
    uid: p.uid,
    user: p.user,
    startTime: p.startTime,
    cpuPercent: p.cpuPercent,
    memPercent: p.memPercent,
    rssBytes: p.rssBytes,
    vszBytes: p.vszBytes,
    timeSeconds: p.timeSeconds,
    comm: p.comm,
    args: p.args,
  };
  // Status and cmdline not read yet (unread.ts): copies keep the mark unless they say otherwise. A
  // key only where it is set, so records read whole are plain, equal to their fields alone.
  if (p[NOT_READ] === true) record[NOT_READ] = true;
  // Known only from a stat read (fork-mark.ts): absent where unknown, as NOT_READ.
  if (p[FORKED_NO_EXEC] !== undefined) record[FORKED_NO_EXEC] = p[FORKED_NO_EXEC];
  return Object.freeze(record);
}

/** A process we know exists but could not read at all: only the pid is known. */
export function unknownProc(pid: number): ProcInfo {
  return freezeProc({ pid });
}

/** top's %CPU: CPU seconds used over wall seconds elapsed, 100 = one core fully busy. */
export function cpuPercent(cpuSecondsDelta: number, wallMsDelta: number): number | undefined {
  if (!(wallMsDelta > 0) || cpuSecondsDelta < 0) return undefined;
  return (cpuSecondsDelta * 100_000) / wallMsDelta;
}
