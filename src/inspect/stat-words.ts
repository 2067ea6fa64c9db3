// STAT in words: the first letter is the kernel's state (/proc/PID/stat field
// 3), the letters after it are the modifiers procps adds (nice, session
// leader, threads, locked pages, foreground group).

import { type PlainMessageId, t } from '../text/i18n/message.js';

export interface StatPart {
  readonly code: string;
  readonly words: string;
}

/** Catalog ids of the state letters (the kernel's, fs/proc/array.c task_state_array). */
const STATES: Readonly<Record<string, PlainMessageId>> = {
  R: 'stat.state.R',
  S: 'stat.state.S',
  D: 'stat.state.D',
  T: 'stat.state.T',
  t: 'stat.state.t',
  Z: 'stat.state.Z',
  X: 'stat.state.X',
  I: 'stat.state.I',
  W: 'stat.state.W',
  P: 'stat.state.P',
  K: 'stat.state.K',
};

/** Catalog ids of the modifiers procps adds (ps/output.c pr_stat). */
const MODIFIERS: Readonly<Record<string, PlainMessageId>> = {
  '<': 'stat.modifier.high',
  N: 'stat.modifier.low',
  L: 'stat.modifier.locked',
  s: 'stat.modifier.sessionLeader',
  l: 'stat.modifier.threads',
  '+': 'stat.modifier.foreground',
};

/** The modifier letters after the state letter, in words (`undefined` for a letter we do not know). */
export function modifierWords(code: string): string | undefined {
  const id = MODIFIERS[code];
  return id === undefined ? undefined : t(id);
}

/** One entry per letter of `stat`; letters we do not know are named as such, not dropped. */
export function statWords(stat: string | undefined): StatPart[] {
  if (stat === undefined || stat === '') return [{ code: '-', words: t('stat.unknown') }];
  const [state = '', ...modifiers] = [...stat];
  // Zl: the main thread has exited (it reads Z) while other threads run on; the process is alive.
  const id = state === 'Z' && modifiers.includes('l') ? 'stat.state.Zl' : (STATES[state] ?? 'stat.unknownState');
  const parts: StatPart[] = [{ code: state, words: t(id) }];
  for (const code of modifiers) {
    parts.push({ code, words: modifierWords(code) ?? t('stat.unknownModifier') });
  }
  return parts;
}
