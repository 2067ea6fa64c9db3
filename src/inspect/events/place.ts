// Where a step's event goes among the coming frame's, which earlier steps filled: in time order,
// after the last one at or before its time, and a reap before its reaper's end at the same time.
import type { ProcEvent } from '../types.js';

/**
 * The index `event` takes in `events` (in time order). A reap said by a later step than its
 * reaper's exit or zombie line, at that line's time (infer.ts reapedByParentOrAdopter: a parent
 * reaps before it exits), goes before it, as explain.ts reapsBeforeReaperEnds puts it within a step.
 */
export function placeAmong(events: readonly ProcEvent[], event: ProcEvent): number {
  let index = events.length;
  while (index > 0 && (events[index - 1]?.at ?? 0) > event.at) index -= 1;
  const reaper = event.kind === 'reap' ? (event.by ?? event.lastParent) : undefined;
  if (reaper === undefined) return index;
  for (let k = index - 1; k >= 0; k -= 1) {
    const earlier = events[k];
    if (earlier === undefined || earlier.at !== event.at) break;
    if (earlier.pid === reaper && (earlier.kind === 'exit' || earlier.kind === 'zombie')) index = k;
  }
  return index;
}
