// `procview demo NAME --plain`: narration and observations as timestamped
// lines. Text that came from the process table (names, command lines) is
// untrusted, so every line is made inert before it reaches the terminal.
import { t } from '../text/i18n/message.js';
import { elapsedStamp } from '../text/elapsed.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import type { DemoReporter, Observation } from './types.js';

export function formatObservation(fact: Observation): string {
  const ppid = fact.ppid === undefined ? '?' : String(fact.ppid);
  const stat = fact.stat === undefined ? '-' : fact.stat;
  return t('demo.observed', { pid: fact.pid, ppid, stat, note: fact.note });
}

export function createPlainReporter(write: (line: string) => void, now: () => number = Date.now): DemoReporter {
  const startedAt = now();
  const line = (text: string): void => write(`${elapsedStamp(now(), startedAt)} ${sanitizeForDisplay(text)}\n`);
  return {
    say: line,
    observed: (fact) => line(formatObservation(fact)),
    track: () => undefined,
  };
}
