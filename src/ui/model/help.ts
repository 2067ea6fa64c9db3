// The keys, once: drawn in the `?` panel, and the README's "Dashboard keys"
// table is keysMarkdown() of the same list (test/ui/model/help.test.ts checks
// they agree), so the two cannot drift apart.
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
  ['/  F3', 'filter by pid, name, user or command line (Enter keeps, Esc clears)'],
  ['k  F9', 'send a signal: TERM KILL INT HUP STOP CONT'],
  ['n  F8', 'renice: nice +1 (lower priority)'],
  ['N  F7', 'renice: nice -1 (higher priority; needs root)'],
  ['f', 'follow the selected process wherever the sort moves it (f again stops)'],
  ['space', 'pause the display (the events are still collected)'],
  ['Tab', 'swap the events with the narration / chat pane (narrow screens)'],
  ['i', 'say something in the chat room as the admin (--watch chat)'],
];

export const COLOURS: readonly (readonly [colour: string, meaning: string])[] = [
  ['black on green', 'new process (first refreshes)'],
  ['black on red', 'just exited (kept a few refreshes)'],
  ['magenta', 'zombie (Z): exited, not reaped yet'],
  ['yellow', 'stopped (T/t)'],
  ['grey', 'not in scope: the parent a followed process hangs under'],
];

/** The help text for a panel `width` cells wide: descriptions wrap under themselves. */
export function helpLines(width = 100): string[] {
  const keyWidth = Math.max(...KEYS.map(([keys]) => [...keys].length));
  const indent = ' '.repeat(keyWidth + 4);
  const entry = (label: string, labelWidth: number, text: string): string[] => {
    const [first = '', ...rest] = wordWrap(text, width - labelWidth - 4);
    return [`  {bold}${label.padEnd(labelWidth)}{/bold}  ${first}`, ...rest.map((line) => `${indent.slice(0, labelWidth + 4)}${line}`)];
  };
  return [
    '{bold}procview keys{/bold}',
    '',
    ...KEYS.flatMap(([keys, action]) => entry(keys, keyWidth, action)),
    '',
    '{bold}Row colours{/bold}',
    ...COLOURS.flatMap(([colour, meaning]) => entry(colour, 15, meaning)),
    '',
    ...wordWrap('Signals and renice check the process is still the same (pid + start time) first; PID 1 and procview itself are refused. Esc or ? closes this help.', width),
  ];
}

/** The keys as a markdown table, for the README (one row per entry of KEYS). */
export function keysMarkdown(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const keys = (label: string): string => label.split(/\s+/).map((key) => `\`${key}\``).join(' ');
  return ['| Keys | Action |', '| --- | --- |', ...KEYS.map(([label, action]) => `| ${cell(keys(label))} | ${cell(action)} |`)].join('\n');
}
