// Whom an event names besides its subject (a parent, a reaper, an adopter) is
// named as it was at the event: a read after both shows only the program a
// later exec started, so `9475 (sleep) exited (parent 9474 (sleep))` would
// name the parent by a program it ran only a millisecond after.
import type { ProcEvent } from '../types.js';
import type { NameOf } from './event-words.js';

interface FrameExec {
  readonly at: number;
  readonly index: number;
  /** What the exec started from; undefined when that program was not read. */
  readonly before: string | undefined;
  /** What it started; undefined when that program was not read. */
  readonly after: string | undefined;
}

/**
 * For the event at `index` of one frame's events, names as they were then: a
 * pid with an exec after that event (a later time, or the same millisecond and
 * established after it) is called by what its first such exec started from;
 * else, one with an exec before it by what its last such exec started (a
 * process that exec'd and exited between two reads is not its old program on
 * its exit line); either undefined when that program was not read. Any other
 * pid as `nameOf` says.
 */
export function namesThen(events: readonly ProcEvent[], nameOf: NameOf): (index: number) => NameOf {
  const execs = new Map<number, FrameExec[]>();
  events.forEach((event, index) => {
    // A rename changes the name as an exec does (its `from` is the name before).
    if (event.kind !== 'exec' && event.kind !== 'rename') return;
    const list = execs.get(event.pid) ?? [];
    list.push({ at: event.at, index, before: event.kind === 'exec' ? event.fromComm : event.from, after: event.comm });
    execs.set(event.pid, list);
  });
  if (execs.size === 0) return () => nameOf;
  return (index) => {
    const at = events[index]?.at ?? Number.NEGATIVE_INFINITY;
    return (pid) => {
      let firstAfter: FrameExec | undefined;
      let lastBefore: FrameExec | undefined;
      for (const exec of execs.get(pid) ?? []) {
        const after = exec.at > at || (exec.at === at && exec.index > index);
        if (after && (firstAfter === undefined || exec.at < firstAfter.at)) firstAfter = exec;
        if (!after && exec.index !== index && (lastBefore === undefined || exec.at >= lastBefore.at)) lastBefore = exec;
      }
      if (firstAfter !== undefined) return firstAfter.before;
      return lastBefore === undefined ? nameOf(pid) : lastBefore.after;
    };
  };
}
