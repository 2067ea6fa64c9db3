// The one place that says how things look. The view model says what a span
// is (a zombie row, the selected row, an error); a theme maps each role to
// colours and attributes. The monochrome theme (NO_COLOR, --no-color, -M)
// sets no colour at all, only bold, underline and reverse video, and the
// model's text markers (the STAT letters, `exited`, `new`, `▶`) do the rest.
import { colors } from './blessed-parts.js';
import type { Role } from '../model/styled.js';
import { type PlainMessageId, t } from '../../text/i18n/message.js';

export interface Look {
  /** blessed colour names; undefined is the terminal's own. */
  readonly fg?: string;
  readonly bg?: string;
  readonly bold?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
}

export type ThemeName = 'colour' | 'mono';

export interface Theme {
  readonly name: ThemeName;
  /** The cell attribute (blessed's packed flags/fg/bg) of a span `role` on a line `lineRole`. */
  attr(lineRole: Role | undefined, role: Role | undefined): number;
  /** The look of one role (sparklines, frames). */
  look(role: Role | undefined): Look;
  /** How a row kind shows, in words, for the help's legend. */
  describe(role: Role): string;
}

const COLOUR: Readonly<Partial<Record<Role, Look>>> = {
  zombie: { fg: 'magenta' },
  stopped: { fg: 'yellow' },
  new: { fg: 'black', bg: 'green' },
  dead: { fg: 'black', bg: 'red' },
  context: { fg: 'gray' },
  selected: { inverse: true },
  title: { inverse: true, bold: true },
  heading: { bold: true },
  label: { bold: true },
  paused: { fg: 'yellow', bold: true },
  alert: { fg: 'magenta', bold: true },
  error: { fg: 'red', bold: true },
  info: { fg: 'cyan' },
  more: { fg: 'gray' },
  prompt: { bold: true },
  observed: { fg: 'cyan' },
  good: { fg: 'green' },
  problem: { fg: 'red' },
  admin: { fg: 'yellow' },
  dim: { fg: 'gray' },
  'cpu-user': { fg: 'green' },
  'cpu-system': { fg: 'red' },
  'cpu-nice': { fg: 'blue' },
  'mem-used': { fg: 'green' },
  'swap-used': { fg: 'red' },
  'event-spawn': { fg: 'green' },
  'event-exit': { fg: 'red' },
  'event-zombie': { fg: 'magenta' },
  'event-reap': { fg: 'cyan' },
  'event-reparent': { fg: 'yellow' },
  'event-exec': { fg: 'blue' },
  'event-stop': { fg: 'yellow' },
  'event-continue': { fg: 'green' },
  'event-renice': { fg: 'white' },
  'event-action': { fg: 'cyan', bold: true },
  'event-action-failed': { fg: 'red', bold: true },
  frame: { fg: 'cyan' },
};

// No colour: what a colour told apart is told by an attribute or by the text
// itself (STAT says Z or T; the detail pane says `exited`; events say what
// happened in words).
const MONO: Readonly<Partial<Record<Role, Look>>> = {
  zombie: { bold: true },
  stopped: { underline: true },
  new: { bold: true },
  dead: { underline: true },
  selected: { inverse: true },
  title: { inverse: true, bold: true },
  heading: { bold: true },
  label: { bold: true },
  paused: { bold: true, inverse: true },
  alert: { bold: true },
  error: { bold: true, inverse: true },
  prompt: { bold: true },
  problem: { bold: true },
  good: { bold: true },
  'cpu-system': { bold: true },
  'swap-used': { bold: true },
  'event-zombie': { bold: true },
  'event-exit': { bold: true },
  'event-action': { bold: true },
  'event-action-failed': { bold: true, underline: true },
};

// @types/blessed leaves out colors.convert (a colour name or number → blessed's index; 0x1ff = default).
const convert = (colors as unknown as { convert(colour: string): number }).convert;

const FLAG_BOLD = 1;
const FLAG_UNDERLINE = 2;
const FLAG_INVERSE = 8;
/** blessed's "the terminal's default colour". */
const DEFAULT_COLOUR = 0x1ff;

function pack(look: Look): number {
  const flags = (look.bold === true ? FLAG_BOLD : 0) | (look.underline === true ? FLAG_UNDERLINE : 0) | (look.inverse === true ? FLAG_INVERSE : 0);
  const fg = look.fg === undefined ? DEFAULT_COLOUR : convert(look.fg);
  const bg = look.bg === undefined ? DEFAULT_COLOUR : convert(look.bg);
  return (flags << 18) | (fg << 9) | bg;
}

function words(look: Look | undefined): string {
  if (look === undefined) return t('ui.look.plain');
  const parts: string[] = [];
  if (look.inverse === true) parts.push(t('ui.look.reverse'));
  if (look.bold === true) parts.push(t('ui.look.bold'));
  if (look.underline === true) parts.push(t('ui.look.underlined'));
  if (look.fg !== undefined) parts.push(t('ui.look.fg', { colour: colourWords(look.fg) }));
  if (look.bg !== undefined) parts.push(t('ui.look.bg', { colour: colourWords(look.bg) }));
  return parts.join(' ') || t('ui.look.plain');
}

/** The colour names the tables use, as the help says them. */
const COLOUR_IDS: Readonly<Record<string, PlainMessageId>> = {
  black: 'ui.colour.black',
  red: 'ui.colour.red',
  green: 'ui.colour.green',
  yellow: 'ui.colour.yellow',
  blue: 'ui.colour.blue',
  magenta: 'ui.colour.magenta',
  cyan: 'ui.colour.cyan',
  white: 'ui.colour.white',
  gray: 'ui.colour.grey',
};

function colourWords(colour: string): string {
  const id = COLOUR_IDS[colour];
  return id === undefined ? colour : t(id);
}

function makeTheme(name: ThemeName, table: Readonly<Partial<Record<Role, Look>>>): Theme {
  const cache = new Map<string, number>();
  return {
    name,
    attr(lineRole, role) {
      const key = `${lineRole ?? ''}|${role ?? ''}`;
      let attr = cache.get(key);
      if (attr === undefined) {
        // A span's look is laid over its line's: a zombie's STAT cell on the selected row stays reverse.
        const base = lineRole === undefined ? {} : (table[lineRole] ?? {});
        const own = role === undefined ? {} : (table[role] ?? {});
        attr = pack({ ...base, ...own });
        cache.set(key, attr);
      }
      return attr;
    },
    look: (role) => (role === undefined ? {} : (table[role] ?? {})),
    describe: (role) => words(table[role]),
  };
}

export const COLOUR_THEME: Theme = makeTheme('colour', COLOUR);
export const MONO_THEME: Theme = makeTheme('mono', MONO);

/**
 * no-color.org: NO_COLOR present and not empty means no colour; a command-line
 * choice (--no-color, -M, or the saved setting) wins over nothing but NO_COLOR.
 */
export function chooseTheme(env: NodeJS.ProcessEnv, noColour: boolean): Theme {
  const fromEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return fromEnv || noColour ? MONO_THEME : COLOUR_THEME;
}
