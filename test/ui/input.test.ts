// What the terminal's bytes become for the reducer: blessed (on in-memory
// streams, its real key parser) reports one CR twice; the dashboard must see
// one Enter, or a question that any other key cancels is answered by the echo.
import { PassThrough } from 'node:stream';
import blessed from 'blessed';
import { afterEach, describe, expect, it } from 'vitest';
import { onKeys } from '../../src/ui/input.js';
import { handleKey, type KeyContext } from '../../src/ui/model/keys.js';
import type { ProcRow } from '../../src/ui/model/rows.js';
import { initialViewState, type ViewState } from '../../src/ui/model/view-state.js';
import { proc } from './model/fixtures.js';

const screens: blessed.Widgets.Screen[] = [];
afterEach(() => {
  for (const screen of screens.splice(0)) screen.destroy();
});

/** A blessed screen on in-memory streams; `type` feeds it bytes as a terminal would, `keys` is what the dashboard got. */
function offscreen(): { type: (bytes: string) => void; keys: string[] } {
  const output = Object.assign(new PassThrough(), { columns: 80, rows: 24, isTTY: true });
  output.resume();
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const screen = blessed.screen({ input, output, terminal: 'xterm-256color', warnings: false });
  screens.push(screen);
  const keys: string[] = [];
  onKeys(screen, (name) => keys.push(name));
  // blessed parses each chunk the stream emits (keys.js emitKeys); a 'data' event is one read.
  return { type: (bytes) => input.emit('data', Buffer.from(bytes)), keys };
}

describe('keys from the terminal', () => {
  it('one Enter is one key, from CR (the Enter key) and from LF (Ctrl-J) alike', () => {
    const term = offscreen();
    term.type('\r');
    expect(term.keys).toEqual(['enter']);
    term.type('\n');
    expect(term.keys).toEqual(['enter', 'enter']);
  });

  it('k, 9, Enter on a process of the whole system asks about KILL; the question waits for y', () => {
    const term = offscreen();
    const row: ProcRow = { pid: 42, proc: proc(42, 1), mark: 'live', prefix: '', hasChildren: false, collapsed: false };
    const ctx: KeyContext = { rows: [row], page: 10, columns: ['pid', 'command'], canSay: false, hasSide: false, scoped: false, uid: 1000 };
    for (const bytes of ['k', '9', '\r']) term.type(bytes);
    const asked = term.keys.reduce((state: ViewState, key) => handleKey(state, key, ctx).state, initialViewState(false));
    expect(asked.overlay).toMatchObject({ kind: 'confirm', signal: 'KILL' });
    expect(asked.message).toBeUndefined();
    term.type('y');
    expect(term.keys.at(-1)).toBe('y');
    expect(handleKey(asked, 'y', ctx).effect).toMatchObject({ kind: 'signal', signal: 'KILL', target: { pid: 42 } });
  });

  it('Esc, arrows, function keys and Ctrl-keys keep their names', () => {
    const term = offscreen();
    for (const bytes of ['\u001b', '\u001b[A', '\u001bOQ', '\u0003', 'y']) term.type(bytes);
    expect(term.keys).toEqual(['escape', 'up', 'f2', 'C-c', 'y']);
  });
});
