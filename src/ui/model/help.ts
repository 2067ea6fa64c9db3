// The keys, once: drawn in the `?` panel, and the README's "Dashboard keys"
// table is keysMarkdown() of the same list (test/ui/model/help.test.ts checks
// they agree), so the two cannot drift apart.
import type { Role } from './styled.js';
import { line, span, textLine, type Line } from './styled.js';
import { wordWrap } from './wrap.js';

export const KEYS: readonly (readonly [keys: string, action: string])[] = [
  ['q  F10  Ctrl-C', 'quit (a demo is stopped and cleaned up first)'],
  ['?  F1', 'this help'],
  ['↑ ↓ PgUp PgDn Home End', 'select a process (the mouse works too: click, wheel)'],
  ['Enter', 'the selected process in full (Esc closes)'],
  ['t  F5', 'table ⇄ tree'],
  ['←  -', 'tree view: fold the selected subtree (on a leaf: go to its parent)'],
  ['→  +', 'tree view: unfold the selected subtree'],
  ['<  >  F6', 'sort by the next column left / right (F6 as >), or click a title'],
  ['I', 'reverse the sort order'],
  ['P  M  T', 'sort by %CPU, %MEM or TIME, biggest first (as htop)'],
  ['/  F3  F4', 'filter by pid, name, user or command line; the events and side panes follow it (Enter keeps, Esc clears)'],
  ['u', "only one user's processes, by name or uid (empty: everyone)"],
  ['K', 'show / hide kernel threads (hidden by default in the whole-system view; always counted)'],
  ['H', 'threads: procview lists processes (THR counts their threads)'],
  ['k  F9', 'send a signal: any of kill -l, chosen with ↑ ↓ or by typing its name or number; Enter sends (KILL/STOP outside your scope ask once more)'],
  ['n  F8', 'renice: nice +1 (lower priority)'],
  ['N  F7', 'renice: nice -1 (higher priority; needs root)'],
  ['f', 'follow the selected process wherever the sort moves it (f again stops)'],
  ['space', 'pause the display (the events are still collected)'],
  ['Tab', 'swap the events with the narration / chat pane (narrow screens)'],
  ['v', 'show / hide the side column (narration, chat, process detail): the list takes the width'],
  ['[  ]', 'scroll the events pane back / forward (the wheel over it too)'],
  ['{  }', 'scroll the narration / chat pane back / forward (the wheel over it too)'],
  ['F2', 'setup: columns shown, refresh, tree at start, colour; saved to ~/.config/procview/config.json'],
  ['i', 'say something in the chat room as the admin (--watch chat)'],
];

/** What each kind of row means; the theme (widgets/theme.ts) says how each looks, in colour or without. */
export const ROW_KINDS: readonly (readonly [role: Role, meaning: string])[] = [
  ['new', 'new process (first refreshes)'],
  ['dead', 'just exited (kept a few refreshes)'],
  ['zombie', 'zombie (Z): exited, not reaped yet'],
  ['stopped', 'stopped (T/t)'],
  ['context', 'not in scope: the parent a followed process hangs under'],
];

/**
 * The help text for a panel `width` cells wide: descriptions wrap under
 * themselves. `looks` names how each row kind is drawn in the theme in use
 * (`black on green`, `bold`…), so the help tells the truth in monochrome too.
 */
export function helpLines(width = 100, looks: (role: Role) => string = (role) => role): Line[] {
  const keyWidth = Math.max(...KEYS.map(([keys]) => [...keys].length));
  const indent = ' '.repeat(keyWidth + 4);
  const entry = (label: string, labelWidth: number, text: string, role: Role = 'label'): Line[] => {
    const [first = '', ...rest] = wordWrap(text, width - labelWidth - 4);
    return [
      line([span('  '), span(label.padEnd(labelWidth), role), span(`  ${first}`)]),
      ...rest.map((more) => textLine(`${indent.slice(0, labelWidth + 4)}${more}`)),
    ];
  };
  const lookWidth = Math.max(...ROW_KINDS.map(([role]) => [...looks(role)].length));
  return [
    textLine('procview keys', 'heading'),
    textLine(''),
    ...KEYS.flatMap(([keys, action]) => entry(keys, keyWidth, action)),
    textLine(''),
    textLine('Rows', 'heading'),
    ...ROW_KINDS.flatMap(([role, meaning]) => entry(looks(role), lookWidth, meaning, role)),
    textLine(''),
    ...wordWrap(
      'Signals and renice check the process is still the same (pid + start time) first; PID 1 and procview itself are refused. Esc or ? closes this help.',
      width,
    ).map((text) => textLine(text)),
  ];
}

/** The keys as a markdown table, for the README (one row per entry of KEYS). */
export function keysMarkdown(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const keys = (label: string): string =>
    label
      .split(/\s+/)
      .map((key) => `\`${key}\``)
      .join(' ');
  return ['| Keys | Action |', '| --- | --- |', ...KEYS.map(([label, action]) => `| ${cell(keys(label))} | ${cell(action)} |`)].join('\n');
}
