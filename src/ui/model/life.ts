// New and just-exited rows, kept for a few refresh intervals (htop keeps dying
// rows as tombstones for a moment), so a process that lived for one refresh is
// still noticed. Measured in the frames' own time (snapshot takenAt), not in
// frames: with kernel events frames come milliseconds apart, and a count of
// frames lasted under half a second. Driven by the diff's events (spawn; exit
// or reap), so a refresh costs what changed, not what exists.
import type { ProcEvent, ProcInfo, Snapshot } from '../../inspect/types.js';

/** How many refresh intervals a highlight lasts. */
export const HIGHLIGHT_REFRESHES = 4;

export interface Life {
  /** pid → when (takenAt) it first appeared. */
  readonly born: ReadonlyMap<number, number>;
  /** pid → the last sight of a process that has exited, and when (takenAt) it was missed. */
  readonly dead: ReadonlyMap<number, { readonly proc: ProcInfo; readonly at: number }>;
}

export const NO_LIFE: Life = { born: new Map(), dead: new Map() };

/**
 * One frame. `events` are diffSnapshots(before, after): a `spawn` for every
 * pid that appeared, an `exit` or `reap` for every pid that vanished.
 * `wasShown`/`isShown` say which pids the view showed before / shows now.
 * `intervalMs`: the refresh interval; a highlight lasts HIGHLIGHT_REFRESHES of them.
 */
export function advanceLife(
  prev: Life,
  events: readonly ProcEvent[],
  before: Snapshot | undefined,
  after: Snapshot,
  wasShown: (pid: number) => boolean,
  isShown: (pid: number) => boolean,
  intervalMs: number,
  glimpses?: ReadonlyMap<number, ProcInfo>,
): Life {
  if (events.length === 0 && prev.born.size === 0 && prev.dead.size === 0) return prev;
  const now = after.takenAt;
  const hold = HIGHLIGHT_REFRESHES * Math.max(1, intervalMs);
  // A clock set back makes an age negative: that highlight ends rather than lasting until the clock catches up.
  const fresh = (at: number): boolean => now - at >= 0 && now - at < hold;
  const born = new Map<number, number>();
  for (const [pid, at] of prev.born) if (fresh(at) && after.procs.has(pid)) born.set(pid, at);
  const dead = new Map<number, { proc: ProcInfo; at: number }>();
  for (const [pid, stone] of prev.dead) if (fresh(stone.at) && !after.procs.has(pid)) dead.set(pid, stone);
  for (const event of events) {
    if (event.kind === 'spawn' && isShown(event.pid)) {
      born.set(event.pid, now);
      dead.delete(event.pid);
    } else if (event.kind === 'exit' || event.kind === 'reap') {
      // A process born and gone between two frames has no row in `before`: its glimpse stands in.
      const last = before?.procs.get(event.pid) ?? glimpses?.get(event.pid);
      if (last !== undefined && wasShown(event.pid)) dead.set(event.pid, { proc: last, at: now });
    }
  }
  return { born, dead };
}
