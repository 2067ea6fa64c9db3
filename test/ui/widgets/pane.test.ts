// Widgets are thin: they draw what the view model computed, and touch blessed
// only when that changed. A blessed screen on in-memory streams shows it.
import { PassThrough } from 'node:stream';
import blessed from 'blessed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPane } from '../../../src/ui/widgets/pane.js';

const screens: blessed.Widgets.Screen[] = [];
afterEach(() => {
  for (const screen of screens.splice(0)) screen.destroy();
});

function offscreen(): blessed.Widgets.Screen {
  const output = Object.assign(new PassThrough(), { columns: 80, rows: 24, isTTY: true });
  output.resume();
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const screen = blessed.screen({ input, output, terminal: 'xterm-256color', warnings: false });
  screens.push(screen);
  return screen;
}

describe('pane widget', () => {
  it('sets blessed content only when the text or the place changed', () => {
    const screen = offscreen();
    const pane = createPane(screen);
    const setContent = vi.spyOn(pane.box, 'setContent');
    expect(pane.place({ left: 0, top: 0, width: 40, height: 5 })).toBe(true);
    expect(pane.draw('Events', ['a', 'b'])).toBe(true);
    expect(pane.draw('Events', ['a', 'b'])).toBe(false);
    expect(pane.place({ left: 0, top: 0, width: 40, height: 5 })).toBe(false);
    expect(setContent).toHaveBeenCalledTimes(1);
    expect(pane.draw('Events', ['a', 'c'])).toBe(true);
    // A new place redraws (the title bar is as wide as the pane).
    expect(pane.place({ left: 0, top: 0, width: 30, height: 5 })).toBe(true);
    expect(pane.draw('Events', ['a', 'c'])).toBe(true);
    expect(setContent).toHaveBeenCalledTimes(3);
    expect(pane.place(undefined)).toBe(true);
    expect(pane.box.hidden).toBe(true);
  });

  it('draws escaped text as the characters themselves', () => {
    const screen = offscreen();
    const pane = createPane(screen);
    pane.place({ left: 0, top: 0, width: 40, height: 3 });
    pane.draw(undefined, ['{open}red-fg{close}x']);
    screen.render();
    expect(pane.box.getLines()[0]).toContain('{red-fg}x');
  });

  it('makes a title inert: control characters shown as ?, tags as their braces', () => {
    const screen = offscreen();
    const pane = createPane(screen);
    pane.place({ left: 0, top: 0, width: 40, height: 3 });
    pane.draw('Chat room {red-fg}x\u001b]0;pwned\u0007:9999', ['line']);
    screen.render();
    // blessed turns {inverse} into SGR; whatever else controls the terminal must not be there.
    const title = (pane.box.getLines()[0] ?? '').replace(/\u001b\[[0-9;]*m/g, '');
    expect(title).toContain('Chat room {red-fg}x?]0;pwned?:9999');
    expect(title).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

