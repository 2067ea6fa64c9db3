// The F2 setup screen and what it saves: columns shown, refresh interval, tree
// by default, colour. Pure: parsing and checking the saved text (a broken file
// gives defaults and a clear sentence, never a crash), the screen's lines and
// its keys. Reading and writing the file is settings-file.ts.
import { columnById, OPTIONAL_COLUMNS, type ColumnId } from './columns.js';
import type { KeyResult } from './key-result.js';
import { t } from '../../text/i18n/message.js';
import { displayWidth, inert } from './text.js';
import { textLine, type Line } from './styled.js';
import type { ViewState } from './view-state.js';
import { DEFAULT_SETTINGS, type Settings } from './settings-shape.js';

export const INTERVAL_CHOICES: readonly number[] = [500, 1000, 2000, 3000, 5000];

export interface LoadedSettings {
  readonly settings: Settings;
  /** Why the file was not used, in words; undefined when it was (or there was none). */
  readonly problem?: string;
}

/** The saved text → settings; anything unexpected → the defaults and what was wrong. */
export function parseSettings(text: string): LoadedSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problem: t('ui.settings.notJson', { why: (error as Error).message }) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { settings: DEFAULT_SETTINGS, problem: t('ui.settings.notObject') };
  const record = data as Record<string, unknown>;
  const wrong: string[] = [];
  const bool = (key: keyof Settings, fallback: boolean): boolean => {
    const value = record[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    wrong.push(t('ui.settings.bool', { key }));
    return fallback;
  };
  const tree = bool('tree', DEFAULT_SETTINGS.tree);
  const colour = bool('colour', DEFAULT_SETTINGS.colour);
  let intervalMs = DEFAULT_SETTINGS.intervalMs;
  if (record.intervalMs !== undefined) {
    const value = record.intervalMs;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 100 && value <= 3_600_000) intervalMs = Math.round(value);
    else wrong.push(t('ui.settings.interval'));
  }
  let hiddenColumns: ColumnId[] = [];
  if (record.hiddenColumns !== undefined) {
    const value = record.hiddenColumns;
    if (Array.isArray(value) && value.every((id) => typeof id === 'string' && (OPTIONAL_COLUMNS as readonly string[]).includes(id))) {
      hiddenColumns = [...new Set(value as ColumnId[])];
    } else wrong.push(t('ui.settings.columns', { columns: OPTIONAL_COLUMNS.join(', ') }));
  }
  if (wrong.length > 0) return { settings: DEFAULT_SETTINGS, problem: wrong.join(t('ui.settings.separator')) };
  return { settings: { tree, colour, intervalMs, hiddenColumns } };
}

export function settingsText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

interface Item {
  /** Read when drawn, in the language of that moment. */
  readonly label: () => string;
  readonly value: (s: Settings) => string;
  /** `step`: +1 for →/Space/Enter, -1 for ←. */
  readonly change: (s: Settings, step: number) => Settings;
}

const check = (on: boolean): string => (on ? '[x]' : '[ ]');

const ITEMS: readonly Item[] = [
  { label: () => t('ui.setup.tree'), value: (s) => check(s.tree), change: (s) => ({ ...s, tree: !s.tree }) },
  { label: () => t('ui.setup.colour'), value: (s) => check(s.colour), change: (s) => ({ ...s, colour: !s.colour }) },
  {
    label: () => t('ui.setup.refresh'),
    value: (s) => t('ui.setup.seconds', { seconds: s.intervalMs / 1000 }),
    change: (s, step) => {
      const at = INTERVAL_CHOICES.findIndex((ms) => ms >= s.intervalMs);
      const next = INTERVAL_CHOICES[Math.max(0, Math.min(INTERVAL_CHOICES.length - 1, (at < 0 ? INTERVAL_CHOICES.length - 1 : at) + step))];
      return { ...s, intervalMs: next ?? s.intervalMs };
    },
  },
  ...OPTIONAL_COLUMNS.map(
    (id): Item => ({
      label: () => t('ui.setup.column', { column: columnById(id).header }),
      value: (s) => check(!s.hiddenColumns.includes(id)),
      change: (s) => ({ ...s, hiddenColumns: s.hiddenColumns.includes(id) ? s.hiddenColumns.filter((c) => c !== id) : [...s.hiddenColumns, id] }),
    }),
  ),
];

export const SETUP_ITEMS = ITEMS.length;

export function setupLines(settings: Settings, index: number, path: string): Line[] {
  const labels = ITEMS.map((item) => item.label());
  const width = Math.max(...labels.map(displayWidth));
  return [
    textLine(t('ui.setup.heading'), 'heading'),
    textLine(''),
    ...ITEMS.map((item, i) => {
      const label = labels[i] ?? '';
      return textLine(` ${label}${' '.repeat(width - displayWidth(label))}  ${item.value(settings)} `, i === index ? 'selected' : undefined);
    }),
    textLine(''),
    textLine(t('ui.setup.keys'), 'dim'),
    textLine(t('ui.setup.file', { path: inert(path) }), 'dim'),
  ];
}

/** Keys in the setup screen; `save` carries the settings to keep (columns apply to the view at once). */
export function onSetup(state: ViewState, key: string, index: number, settings: Settings): KeyResult {
  if (key === 'escape' || key === 'f2' || key === 'q' || key === 'f10') {
    return { state: { ...state, overlay: { kind: 'none' } }, effect: { kind: 'save-settings', settings } };
  }
  const at = (i: number): KeyResult => ({ state: { ...state, overlay: { kind: 'setup', index: Math.max(0, Math.min(ITEMS.length - 1, i)) } } });
  if (key === 'up') return at(index - 1);
  if (key === 'down') return at(index + 1);
  if (key === 'home') return at(0);
  if (key === 'end') return at(ITEMS.length - 1);
  const step = key === 'left' ? -1 : key === 'right' || key === ' ' || key === 'space' || key === 'enter' ? 1 : 0;
  const item = ITEMS[index];
  if (step === 0 || item === undefined) return { state };
  const next = item.change(settings, step);
  return {
    state: { ...state, hiddenColumns: new Set(next.hiddenColumns) },
    effect: { kind: 'settings', settings: next },
  };
}
