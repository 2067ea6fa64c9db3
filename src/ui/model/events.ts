// Every event kind from diffSnapshots in words, with the time it was seen.
// Sentences quote raw names; a line is sanitized once, when it is made, and
// only cut and tag-escaped when drawn (screen.ts).
import type { ProcEvent, ProcEventKind } from '../../inspect/types.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { clock } from './cells.js';

/** What a pid was called, from the snapshots around the event. */
export type NameOf = (pid: number) => string | undefined;

/** A process event, or what the user did from the dashboard (a signal sent, refused, failed). */
export type EventLineKind = ProcEventKind | 'action' | 'action-failed';

export interface EventLine {
  readonly at: number;
  readonly kind: EventLineKind;
  readonly pid: number;
  /** Time of day, then the sentence; sanitized. */
  readonly text: string;
}

function who(pid: number | undefined, name: string | undefined): string {
  if (pid === undefined) return 'an unknown process';
  return name === undefined || name === '' ? String(pid) : `${pid} (${name})`;
}

function adopterWords(pid: number | undefined, adopter: 'init' | 'subreaper' | undefined, nameOf: NameOf): string {
  if (adopter === 'init' || pid === 1) return `${pid ?? 1} (init)`;
  const name = pid === undefined ? undefined : nameOf(pid);
  if (adopter === 'subreaper') return `${pid ?? '?'} (${name === undefined ? '' : `${name}, `}a subreaper)`;
  return who(pid, name);
}

export function eventSentence(event: ProcEvent, nameOf: NameOf): string {
  const self = who(event.pid, event.comm ?? nameOf(event.pid));
  const other = (pid: number | undefined): string => who(pid, pid === undefined ? undefined : nameOf(pid));
  switch (event.kind) {
    case 'spawn':
      return `${self} started, child of ${other(event.ppid)}`;
    case 'exit':
      return `${self} exited (parent ${other(event.ppid)})`;
    case 'zombie':
      return `${self} became a zombie: parent ${other(event.ppid)} has not reaped it`;
    case 'reap':
      return event.by === undefined ? `${self} is gone: its zombie was reaped` : `${self} reaped by ${other(event.by)}`;
    case 'reparent':
      if (event.orphaned) {
        return `${self} orphaned: parent ${other(event.from)} exited, adopted by ${adopterWords(event.to, event.adopter, nameOf)}`;
      }
      return `${self} reparented: parent ${other(event.from)} → ${other(event.to)}`;
    case 'exec': {
      const before = event.fromArgs || event.fromComm || '?';
      const after = event.args || event.comm || '?';
      return `${who(event.pid, undefined)} exec: ${before} → ${after}`;
    }
    case 'stop':
      return `${self} stopped (T): SIGCONT resumes it`;
    case 'continue':
      return `${self} continued`;
    case 'renice':
      return `${self} reniced: nice ${event.from ?? '?'} → ${event.to ?? '?'}`;
  }
}

export function eventLine(event: ProcEvent, nameOf: NameOf): EventLine {
  const text = sanitizeForDisplay(`${clock(event.at)} ${eventSentence(event, nameOf)}`);
  return { at: event.at, kind: event.kind, pid: event.pid, text };
}

/** The outcome of a signal or renice as an event line (the sentence comes from inspect/control.ts). */
export function actionLine(at: number, pid: number, ok: boolean, sentence: string): EventLine {
  return { at, kind: ok ? 'action' : 'action-failed', pid, text: sanitizeForDisplay(`${clock(at)} ${sentence}`) };
}
