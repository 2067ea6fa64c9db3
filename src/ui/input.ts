// blessed key events to the key names the view model's reducer speaks
// ('q', 'N', 'f5', 'enter', 'C-c', ' ', ...).
import type blessed from 'blessed';

const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'escape', 'backspace', 'tab', 'enter', 'delete']);

/**
 * undefined for a report that is no key press of its own: the app drops it before any
 * overlay sees it (a confirmation would read it as "any other key" and cancel).
 */
export function keyName(ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg | undefined): string | undefined {
  const name = key?.name;
  // blessed's Program reports one CR twice: a copy named `enter` first, then `return` itself
  // (program.js _listenInput); the `enter` is the key, the `return` its echo.
  if (name === 'return') return undefined;
  if (name === 'linefeed') return 'enter';
  if (key?.ctrl === true && name !== undefined) return `C-${name}`;
  // Alt-q (or Esc and q in one read) is not q.
  if (key?.meta === true && name !== undefined && name !== 'escape') return `M-${name}`;
  if (name !== undefined && (NAMED.has(name) || /^f\d{1,2}$/.test(name))) return name;
  if (ch !== undefined && [...ch].length === 1 && ch >= ' ' && ch !== '\u007f') return ch;
  return name;
}

/** Calls `onKey` once for each key pressed on `screen`, with its name (keyName); reports that are no key are left out. */
export function onKeys(screen: blessed.Widgets.Screen, onKey: (name: string) => void): void {
  screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg | undefined) => {
    const name = keyName(ch, key);
    if (name !== undefined) onKey(name);
  });
}
