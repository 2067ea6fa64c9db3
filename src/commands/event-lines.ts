// The lines `procview events` and `procview run --plain` print for a frame:
// the events about the followed processes (all, or a scope's members), in
// words or as NDJSON, and `N events lost` when the kernel dropped some.
import { advanceMembers, concernsMembers, type Members } from '../inspect/events/members.js';
import { eventToJson, lostToJson } from '../inspect/format/event-json.js';
import { eventSentence, subjectName } from '../inspect/format/event-words.js';
import { namesThen } from '../inspect/format/names-then.js';
import { t } from '../text/i18n/message.js';
import { stringifyLineForTerminal } from '../inspect/format/json.js';
import type { ProcEvent } from '../inspect/types.js';
import type { WatchFrame } from '../inspect/watch.js';
import { sanitizeForDisplay } from '../text/sanitize.js';

/** A printed line and the time it is about (an event's, or a loss's frame). */
export interface TimedLine {
  readonly at: number;
  readonly text: string;
  /** Held, it goes before the events of its own millisecond (line-order.ts): procview run's own exit line, before its reap. */
  readonly first?: true;
}

export interface EventPrinter {
  /** The lines for one frame (without newlines). `seeds`: pids to follow (scoped printers). */
  lines(frame: WatchFrame, seeds: Iterable<number>): string[];
  /** The same lines, each with its time (to put another stream's lines among them: line-order.ts). */
  timedLines(frame: WatchFrame, seeds: Iterable<number>): TimedLine[];
  /** The followed processes alive after the last frame (scoped printers). */
  readonly members: Members;
  /** Lines for events learnt outside the stream (procview run's own spawn and wait), printed once; `nameOf` names the others they mention. */
  extra(events: readonly ProcEvent[], nameOf?: (pid: number) => string | undefined): string[];
}

export interface PrinterOptions {
  readonly json: boolean;
  /** Follow only the seeds and their descendants; false: every process. */
  readonly scoped: boolean;
  /** How a line starts in text mode (a clock, or `[+1.234s]`). */
  readonly stamp: (at: number) => string;
}

/** HH:MM:SS.mmm, local time. */
export function clockMs(at: number): string {
  const date = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** A bit per kind said once per process. */
const SPAWN = 1;
const EXIT = 2;
const REAP = 4;
const SAID: Readonly<Record<string, number>> = { spawn: SPAWN, exit: EXIT, reap: REAP };
/** Processes remembered at most (the pid space can be 4 million); past it, the ended ones are forgotten. */
const REMEMBERED = 100_000;
/**
 * How long after an end a report of the same pid's spawn may still be that process's: a scan's
 * table (polling) can be stamped after the program it read ended. A pid comes back only after the
 * kernel has handed out every other (pid_max, 32768 or more): seconds at the fork rates machines
 * manage, so a spawn later than this is another process's.
 */
const LATE_REPORT_MS = 1000;

interface Said {
  /** SAID bits of what was said of the process that has the pid. */
  readonly bits: number;
  /** When its first exit or reap said happened: a spawn well after it is another process's. */
  readonly endAt?: number;
}

/**
 * A filter that passes each event but a second report of the same spawn, exit or reap of a
 * process: procview run learns its program's start and (polling) end itself, and the event
 * source reports them too, in either order. A spawn more than LATE_REPORT_MS after an end said of
 * its pid is a new process (the kernel gave the pid out again), whose lines are all said (they
 * were all dropped once pids wrapped); one before that is the same process, reported late.
 */
export function onceEach(): (event: ProcEvent) => boolean {
  const said = new Map<number, Said>();
  return (event) => {
    const bit = SAID[event.kind];
    if (bit === undefined) return true;
    const before = said.get(event.pid);
    if (event.kind === 'spawn') {
      const known = before !== undefined && (before.bits & SPAWN) !== 0;
      const sameLife = before?.endAt === undefined || event.at < before.endAt + LATE_REPORT_MS;
      if (known && sameLife) return false;
      // Its end said already (run's own exit before the frame with its start): the same process.
      if (!known && before?.endAt !== undefined && sameLife) {
        said.set(event.pid, { ...before, bits: before.bits | SPAWN });
        return true;
      }
      if (said.size >= REMEMBERED) for (const [pid, old] of said) if (old.endAt !== undefined) said.delete(pid);
      said.set(event.pid, { bits: SPAWN });
      return true;
    }
    if (before !== undefined && (before.bits & bit) !== 0) return false;
    said.set(event.pid, { bits: (before?.bits ?? 0) | bit, endAt: before?.endAt ?? event.at });
    return true;
  };
}

export function eventPrinter({ json, scoped, stamp }: PrinterOptions): EventPrinter {
  let members: Members = new Map();
  let lost = 0;
  const first = onceEach();
  // Names from the events printed so far: a process gone before any read is still named.
  const names = new Map<number, string>();
  /** `fresh`: first(event), asked of every event before any scope filter (a start left out still begins a new process). */
  const render = (event: ProcEvent, nameOf: (pid: number) => string | undefined, fresh = first(event)): string | undefined => {
    if (!fresh) return undefined;
    const known = (pid: number): string | undefined => nameOf(pid) ?? names.get(pid);
    // A spawn nobody read has its parent's name (subjectName); later lines about it keep that name.
    const comm = event.kind === 'spawn' ? subjectName(event, known) : event.comm;
    if (comm !== undefined && comm !== '') names.set(event.pid, comm);
    // After an exec nobody read, the old name is no longer its name.
    else if (event.kind === 'exec') names.delete(event.pid);
    if (names.size > 100_000) names.clear();
    if (json) return stringifyLineForTerminal(eventToJson(event));
    const named = comm === undefined ? { ...event, comm: names.get(event.pid) } : { ...event, comm };
    return sanitizeForDisplay(`${stamp(event.at)} ${eventSentence(named, known)}`);
  };
  return {
    extra(events, nameOf = () => undefined) {
      const out: string[] = [];
      for (const event of events) {
        const line = render(event, nameOf);
        if (line !== undefined) out.push(line);
      }
      return out;
    },
    get members() {
      return members;
    },
    lines(frame, seeds) {
      return this.timedLines(frame, seeds).map((line) => line.text);
    },
    timedLines(frame, seeds) {
      const out: TimedLine[] = [];
      if (frame.lost > lost) {
        const count = frame.lost - lost;
        lost = frame.lost;
        const at = frame.snapshot.takenAt;
        out.push({ at, text: json ? stringifyLineForTerminal(lostToJson(at, count)) : `${stamp(at)} ${t('cli.events.lost', { count })}` });
      }
      const before = members;
      if (scoped) members = advanceMembers(before, frame.snapshot, frame.events, seeds);
      const nameOf = (pid: number): string | undefined =>
        frame.snapshot.procs.get(pid)?.comm ?? frame.previous?.procs.get(pid)?.comm ?? frame.glimpses.get(pid)?.comm;
      const then = namesThen(frame.events, nameOf);
      frame.events.forEach((event, index) => {
        const fresh = first(event);
        if (scoped && !concernsMembers(event, before, members)) return;
        const text = render(event, then(index), fresh);
        if (text !== undefined) out.push({ at: event.at, text });
      });
      return out;
    },
  };
}
