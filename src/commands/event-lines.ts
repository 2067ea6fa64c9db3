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

/**
 * A filter that passes each event but a second report of the same spawn, exit or reap of a
 * process: procview run learns its program's start and (polling) end itself, and the event
 * source reports them too. A process is its pid from one spawn to the next: a spawn after an exit
 * or a reap of the pid is a new process (the kernel gave the pid out again), whose lines are all
 * said (they were all dropped once pids wrapped).
 */
export function onceEach(): (event: ProcEvent) => boolean {
  // pid → the kinds said of its process (SAID bits); bounded by the pid space.
  const said = new Map<number, number>();
  return (event) => {
    const bit = SAID[event.kind];
    if (bit === undefined) return true;
    const before = said.get(event.pid) ?? 0;
    if (event.kind === 'spawn') {
      // Said, and not ended since: the same process, reported again.
      if ((before & SPAWN) !== 0 && (before & (EXIT | REAP)) === 0) return false;
      said.set(event.pid, bit);
      return true;
    }
    if ((before & bit) !== 0) return false;
    said.set(event.pid, before | bit);
    return true;
  };
}

export function eventPrinter({ json, scoped, stamp }: PrinterOptions): EventPrinter {
  let members: Members = new Map();
  let lost = 0;
  const first = onceEach();
  // Names from the events printed so far: a process gone before any read is still named.
  const names = new Map<number, string>();
  const render = (event: ProcEvent, nameOf: (pid: number) => string | undefined): string | undefined => {
    if (!first(event)) return undefined;
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
        if (scoped && !concernsMembers(event, before, members)) return;
        const text = render(event, then(index));
        if (text !== undefined) out.push({ at: event.at, text });
      });
      return out;
    },
  };
}
