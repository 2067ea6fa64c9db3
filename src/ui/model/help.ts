// The keys, once: drawn in the `?` panel, and the README's "Dashboard keys"
// table is keysMarkdown() of the same list (test/ui/model/help.test.ts checks
// they agree), so the two cannot drift apart.
import type { Role } from './styled.js';
import { line, span, textLine, type Line } from './styled.js';
import { messageIn, type PlainMessageId, t } from '../../text/i18n/message.js';
import { displayWidth } from './text.js';
import { HIGHLIGHT_REFRESHES } from './life.js';
import { wordWrap } from './wrap.js';

export const KEYS: readonly (readonly [keys: string, action: PlainMessageId])[] = [
  ['q  F10  Ctrl-C', 'ui.key.1'],
  ['?  F1', 'ui.key.2'],
  ['↑ ↓ PgUp PgDn Home End', 'ui.key.3'],
  ['Enter', 'ui.key.4'],
  ['t  F5', 'ui.key.5'],
  ['←  -', 'ui.key.6'],
  ['→  +', 'ui.key.7'],
  ['<  >  F6', 'ui.key.8'],
  ['I', 'ui.key.9'],
  ['P  M  T', 'ui.key.10'],
  ['/  F3  F4', 'ui.key.11'],
  ['u', 'ui.key.12'],
  ['K', 'ui.key.13'],
  ['H', 'ui.key.14'],
  ['k  F9', 'ui.key.15'],
  ['n  F8', 'ui.key.16'],
  ['N  F7', 'ui.key.17'],
  ['f', 'ui.key.18'],
  ['space', 'ui.key.19'],
  ['Tab', 'ui.key.20'],
  ['v', 'ui.key.21'],
  ['[  ]', 'ui.key.22'],
  ['{  }', 'ui.key.23'],
  ['F2', 'ui.key.24'],
  ['i', 'ui.key.25'],
  ['Ctrl-L', 'ui.key.26'],
];

/** What each kind of row means; the theme (widgets/theme.ts) says how each looks, in colour or without. */
export const ROW_KINDS: readonly (readonly [role: Role, meaning: () => string])[] = [
  ['new', () => t('ui.row.new', { count: HIGHLIGHT_REFRESHES })],
  ['dead', () => t('ui.row.dead', { count: HIGHLIGHT_REFRESHES })],
  ['zombie', () => t('ui.row.zombie')],
  ['stopped', () => t('ui.row.stopped')],
  ['context', () => t('ui.row.context')],
];

/**
 * The help text for a panel `width` cells wide: descriptions wrap under
 * themselves. `looks` names how each row kind is drawn in the theme in use
 * (`black on green`, `bold`…), so the help tells the truth in monochrome too.
 */
export function helpLines(width = 100, looks: (role: Role) => string = (role) => role): Line[] {
  const keyWidth = Math.max(...KEYS.map(([keys]) => displayWidth(keys)));
  const indent = ' '.repeat(keyWidth + 4);
  const entry = (label: string, labelWidth: number, text: string, role: Role = 'label'): Line[] => {
    const [first = '', ...rest] = wordWrap(text, width - labelWidth - 4);
    return [
      line([span('  '), span(label + ' '.repeat(Math.max(0, labelWidth - displayWidth(label))), role), span(`  ${first}`)]),
      ...rest.map((more) => textLine(`${indent.slice(0, labelWidth + 4)}${more}`)),
    ];
  };
  const lookWidth = Math.max(...ROW_KINDS.map(([role]) => displayWidth(looks(role))));
  return [
    textLine(t('ui.help.heading'), 'heading'),
    textLine(''),
    ...KEYS.flatMap(([keys, action]) => entry(keys, keyWidth, t(action))),
    textLine(''),
    textLine(t('ui.help.rows'), 'heading'),
    ...ROW_KINDS.flatMap(([role, meaning]) => entry(looks(role), lookWidth, meaning(), role)),
    textLine(''),
    ...wordWrap(t('ui.help.closing'), width).map((text) => textLine(text)),
  ];
}

/** The keys as a markdown table, for the README (one row per entry of KEYS; English, as the README is). */
export function keysMarkdown(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const keys = (label: string): string =>
    label
      .split(/\s+/)
      .map((key) => `\`${key}\``)
      .join(' ');
  return ['| Keys | Action |', '| --- | --- |', ...KEYS.map(([label, action]) => `| ${cell(keys(label))} | ${cell(messageIn('en', action))} |`)].join('\n');
}
