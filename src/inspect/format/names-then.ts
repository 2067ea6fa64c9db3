// Whom an event names besides its subject (a parent, a reaper, an adopter) is
// named as it was at the event: a read after both shows only the program a
// later exec started, so `9475 (sleep) exited (parent 9474 (sleep))` would
// name the parent by a program it ran only a millisecond after.
import type { ProcEvent } from '../types.js';
import type { NameOf } from './event-words.js';

interface LaterExec {
  readonly at: number;
  readonly index: number;
  /** What the exec started from; undefined when that program was not read. */
  readonly before: string | undefined;
}

/**
 * For the event at `index` of one frame's events, names as they were then: a
 * pid with an exec after that event (a later time, or the same millisecond and
 * established after it) is called by what its first such exec started from,
 * undefined when that was not read; any other pid as `nameOf` says.
 */
export function namesThen(events: readonly ProcEvent[], nameOf: NameOf): (index: number) => NameOf {
  const execs = new Map<number, LaterExec[]>();
  events.forEach((event, index) => {
    if (event.kind !== 'exec') return;
    const list = execs.get(event.pid) ?? [];
    list.push({ at: event.at, index, before: event.fromComm });
    execs.set(event.pid, list);
  });
  if (execs.size === 0) return () => nameOf;
  return (index) => {
    const at = events[index]?.at ?? Number.NEGATIVE_INFINITY;
    return (pid) => {
      let first: LaterExec | undefined;
      for (const exec of execs.get(pid) ?? []) {
        const after = exec.at > at || (exec.at === at && exec.index > index);
        if (after && (first === undefined || exec.at < first.at)) first = exec;
      }
      return first === undefined ? nameOf(pid) : first.before;
    };
  };
}
