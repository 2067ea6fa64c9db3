// The event timeline: the last events of the processes in scope, oldest first.
import { namesThen } from '../../inspect/format/names-then.js';
import type { ProcEvent } from '../../inspect/types.js';
import { eventLine, type EventLine, type NameOf } from './events.js';

export const TIMELINE_LIMIT = 500;

export interface Timeline {
  readonly lines: readonly EventLine[];
  /** Events seen since the start, kept or not. */
  readonly total: number;
}

export const EMPTY_TIMELINE: Timeline = { lines: [], total: 0 };

/** Appends one line that is not a process event (what the user did). */
export function noteTimeline(timeline: Timeline, line: EventLine): Timeline {
  return { lines: [...timeline.lines, line].slice(-TIMELINE_LIMIT), total: timeline.total + 1 };
}

/** Appends the events about pids in scope (before or after the refresh); unchanged object when none. */
export function appendTimeline(timeline: Timeline, events: readonly ProcEvent[], concerns: (pid: number) => boolean, nameOf: NameOf): Timeline {
  const then = namesThen(events, nameOf);
  const added: EventLine[] = [];
  events.forEach((event, index) => {
    if (concerns(event.pid)) added.push(eventLine(event, then(index)));
  });
  if (added.length === 0) return timeline;
  const lines = [...timeline.lines, ...added].slice(-TIMELINE_LIMIT);
  return { lines, total: timeline.total + added.length };
}
