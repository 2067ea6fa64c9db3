// blessed key events to the key names the view model's reducer speaks
// ('q', 'N', 'f5', 'enter', 'C-c', ' ', ...).
import type blessed from 'blessed';

const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'escape', 'backspace', 'tab', 'enter', 'delete']);

/** '' for a key that means nothing to the dashboard. */
export function keyName(ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg | undefined): string {
  const name = key?.name;
  // blessed reports CR twice: as `return`, then again as `enter`; one Enter is one key.
  if (name === 'return') return '';
  if (name === 'linefeed') return 'enter';
  if (key?.ctrl === true && name !== undefined) return `C-${name}`;
  // Alt-q (or Esc and q in one read) is not q.
  if (key?.meta === true && name !== undefined && name !== 'escape') return `M-${name}`;
  if (name !== undefined && (NAMED.has(name) || /^f\d{1,2}$/.test(name))) return name;
  if (ch !== undefined && [...ch].length === 1 && ch >= ' ' && ch !== '\u007f') return ch;
  return name ?? '';
}
