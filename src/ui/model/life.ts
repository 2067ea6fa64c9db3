// New and just-exited rows, kept for a few refreshes (htop keeps dying rows as
// tombstones for a moment), so a process that lived for one refresh is still
// noticed. Counted in refreshes, so a faster refresh shortens it in time too.
// Driven by the diff's events (spawn; exit or reap), so a refresh costs what
// changed, not what exists.
import type { ProcEvent, ProcInfo, Snapshot } from '../../inspect/types.js';

export const HIGHLIGHT_REFRESHES = 4;

export interface Life {
  readonly generation: number;
  /** pid → generation in which it first appeared. */
  readonly born: ReadonlyMap<number, number>;
  /** pid → the last sight of a process that has exited, and when it was missed. */
  readonly dead: ReadonlyMap<number, { readonly proc: ProcInfo; readonly generation: number }>;
}

export const NO_LIFE: Life = { generation: 0, born: new Map(), dead: new Map() };

/**
 * One refresh. `events` are diffSnapshots(before, after): a `spawn` for every
 * pid that appeared, an `exit` or `reap` for every pid that vanished.
 * `wasShown`/`isShown` say which pids the view showed before / shows now.
 */
export function advanceLife(
  prev: Life,
  events: readonly ProcEvent[],
  before: Snapshot | undefined,
  after: Snapshot,
  wasShown: (pid: number) => boolean,
  isShown: (pid: number) => boolean,
  glimpses?: ReadonlyMap<number, ProcInfo>,
): Life {
  const generation = prev.generation + 1;
  const fresh = (at: number): boolean => generation - at < HIGHLIGHT_REFRESHES;
  if (events.length === 0 && prev.born.size === 0 && prev.dead.size === 0) return { ...prev, generation };
  const born = new Map<number, number>();
  for (const [pid, at] of prev.born) if (fresh(at) && after.procs.has(pid)) born.set(pid, at);
  const dead = new Map<number, { proc: ProcInfo; generation: number }>();
  for (const [pid, stone] of prev.dead) if (fresh(stone.generation) && !after.procs.has(pid)) dead.set(pid, stone);
  for (const event of events) {
    if (event.kind === 'spawn' && isShown(event.pid)) {
      born.set(event.pid, generation);
      dead.delete(event.pid);
    } else if (event.kind === 'exit' || event.kind === 'reap') {
      // A process born and gone between two frames has no row in `before`: its glimpse stands in.
      const last = before?.procs.get(event.pid) ?? glimpses?.get(event.pid);
      if (last !== undefined && wasShown(event.pid)) dead.set(event.pid, { proc: last, generation });
    }
  }
  return { generation, born, dead };
}
