// Zombies per parent, with bounded cardinality: the N parents with the most
// zombies get their own series, the rest are summed into one
// `parent_comm="other"` series (which has no parent_pid, so a process really
// named "other" is still told apart). Only the parent can reap a zombie
// (wait(2)), so the parent is who leaks them.
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import type { Sample } from './family.js';

/** Shown for a parent whose comm cannot be read; the `ps` tables use `?` for unknown too. */
export const UNKNOWN_LABEL = '?';

export function zombiesByParent(zombies: readonly ProcInfo[], snapshot: Snapshot, topParents: number): Sample[] {
  const perParent = new Map<number, number>();
  let orphanless = 0;
  for (const zombie of zombies) {
    if (zombie.ppid === undefined) orphanless += 1;
    else perParent.set(zombie.ppid, (perParent.get(zombie.ppid) ?? 0) + 1);
  }
  // Most zombies first; ties by pid so the same state always gives the same series.
  const ranked = [...perParent].sort(([pidA, a], [pidB, b]) => b - a || pidA - pidB);
  const samples: Sample[] = ranked.slice(0, topParents).map(([pid, count]) => ({
    labels: [
      ['parent_comm', snapshot.procs.get(pid)?.comm ?? UNKNOWN_LABEL],
      ['parent_pid', String(pid)],
    ],
    value: count,
  }));
  const rest = ranked.slice(topParents).reduce((sum, [, count]) => sum + count, orphanless);
  samples.push({ labels: [['parent_comm', 'other']], value: rest });
  return samples;
}
