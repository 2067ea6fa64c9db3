// One theme module maps what a span is to how it looks; the monochrome one
// (NO_COLOR, --no-color, -M) carries no colour at all and still tells the
// row kinds apart.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/ui/model/styled.js';
import { chooseTheme, COLOUR_THEME, MONO_THEME } from '../../../src/ui/widgets/theme.js';

const DEFAULT = 0x1ff;
const fg = (attr: number): number => (attr >> 9) & 0x1ff;
const bg = (attr: number): number => attr & 0x1ff;
const flags = (attr: number): number => (attr >> 18) & 0x1ff;

const ROLES: readonly Role[] = [
  'zombie',
  'stopped',
  'new',
  'dead',
  'context',
  'selected',
  'title',
  'heading',
  'label',
  'paused',
  'alert',
  'error',
  'info',
  'more',
  'prompt',
  'observed',
  'good',
  'problem',
  'admin',
  'dim',
  'cpu-user',
  'cpu-system',
  'cpu-nice',
  'mem-used',
  'swap-used',
  'frame',
  'event-spawn',
  'event-exit',
  'event-zombie',
  'event-reap',
  'event-reparent',
  'event-exec',
  'event-stop',
  'event-continue',
  'event-renice',
];

describe('themes', () => {
  it('NO_COLOR (not empty) or --no-color choose the monochrome theme', () => {
    expect(chooseTheme({}, false)).toBe(COLOUR_THEME);
    expect(chooseTheme({ NO_COLOR: '' }, false)).toBe(COLOUR_THEME);
    expect(chooseTheme({ NO_COLOR: '1' }, false)).toBe(MONO_THEME);
    expect(chooseTheme({}, true)).toBe(MONO_THEME);
  });

  it('monochrome: no role on any line has a colour', () => {
    for (const line of [undefined, ...ROLES]) {
      for (const role of [undefined, ...ROLES]) {
        const attr = MONO_THEME.attr(line, role);
        expect([fg(attr), bg(attr)]).toEqual([DEFAULT, DEFAULT]);
      }
    }
  });

  it('monochrome still tells the row kinds apart from a plain row and the selection from all of them', () => {
    const plain = MONO_THEME.attr(undefined, undefined);
    for (const kind of ['zombie', 'stopped', 'new', 'dead'] as const) expect(MONO_THEME.attr(kind, undefined)).not.toBe(plain);
    expect(MONO_THEME.attr('new', undefined)).not.toBe(MONO_THEME.attr('dead', undefined));
    const selected = MONO_THEME.attr('selected', undefined);
    expect(flags(selected) & 8).toBe(8);
    for (const kind of ['zombie', 'stopped', 'new', 'dead', 'context'] as const) expect(MONO_THEME.attr(kind, undefined)).not.toBe(selected);
    expect(MONO_THEME.describe('new')).toBe('bold');
  });

  it('colour: a span is drawn over its line (a zombie STAT cell on the selected row stays reverse)', () => {
    const attr = COLOUR_THEME.attr('selected', 'zombie');
    expect(flags(attr) & 8).toBe(8);
    expect(fg(attr)).toBe(5);
    expect(COLOUR_THEME.describe('new')).toBe('black on green');
  });
});
