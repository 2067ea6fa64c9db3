// Every event kind in words (inspect/format/event-words.ts), with the time it was seen.
// Sentences quote raw names; a line is sanitized once, when it is made, and
// only cut when drawn (widgets write cells, where blessed parses no tags:
// widgets/cells.ts).
import { eventSentence, type NameOf, shortEventSentence } from '../../inspect/format/event-words.js';
import type { ProcEvent, ProcEventKind } from '../../inspect/types.js';
import { sanitizeForCells } from '../../text/sanitize.js';

import { clock } from './cells.js';

export { eventSentence, type NameOf } from '../../inspect/format/event-words.js';

/** A process event, or what the user did from the dashboard (a signal sent, refused, failed). */
export type EventLineKind = ProcEventKind | 'action' | 'action-failed';

export interface EventLine {
  readonly at: number;
  readonly kind: EventLineKind;
  readonly pid: number;
  /** Time of day, then the sentence; sanitized. */
  readonly text: string;
  /** The same with fewer words, for a pane too narrow for `text` (an exec without what it was before); sanitized. */
  readonly short?: string | undefined;
}

export function eventLine(event: ProcEvent, nameOf: NameOf): EventLine {
  const stamp = clock(event.at);
  const text = sanitizeForCells(`${stamp} ${eventSentence(event, nameOf)}`);
  const short = shortEventSentence(event);
  return { at: event.at, kind: event.kind, pid: event.pid, text, short: short === undefined ? undefined : sanitizeForCells(`${stamp} ${short}`) };
}

/** The outcome of a signal or renice as an event line (the sentence comes from inspect/control.ts). */
export function actionLine(at: number, pid: number, ok: boolean, sentence: string): EventLine {
  return { at, kind: ok ? 'action' : 'action-failed', pid, text: sanitizeForCells(`${clock(at)} ${sentence}`) };
}
