// Widgets are thin: they draw what the view model computed, and touch blessed
// only when that changed. A blessed screen on in-memory streams shows it.
import { PassThrough } from 'node:stream';
import blessed from 'blessed';
import { afterEach, describe, expect, it } from 'vitest';
import { textLine } from '../../../src/ui/model/styled.js';
import { createPane } from '../../../src/ui/widgets/pane.js';
import { COLOUR_THEME } from '../../../src/ui/widgets/theme.js';

const screens: blessed.Widgets.Screen[] = [];
afterEach(() => {
  for (const screen of screens.splice(0)) screen.destroy();
});

function offscreen(): blessed.Widgets.Screen {
  const output = Object.assign(new PassThrough(), { columns: 80, rows: 24, isTTY: true });
  output.resume();
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const screen = blessed.screen({ input, output, terminal: 'xterm-256color', warnings: false, fullUnicode: true });
  screens.push(screen);
  return screen;
}

/** Row `y` of the screen buffer as text (fillers after wide characters left out). */
function screenRow(screen: blessed.Widgets.Screen, y: number): string {
  const row = (screen as unknown as { lines: [number, string][][] }).lines[y] ?? [];
  return row.map(([, ch]) => ch).join('');
}

const lines = (...texts: string[]) => texts.map((text) => textLine(text));

describe('pane widget', () => {
  it('lays the lines out again only when the text or the place changed', () => {
    const screen = offscreen();
    const pane = createPane(screen, COLOUR_THEME);
    expect(pane.place({ left: 0, top: 0, width: 40, height: 5 })).toBe(true);
    expect(pane.draw('Events', lines('a', 'b'))).toBe(true);
    expect(pane.draw('Events', lines('a', 'b'))).toBe(false);
    expect(pane.place({ left: 0, top: 0, width: 40, height: 5 })).toBe(false);
    expect(pane.draw('Events', lines('a', 'c'))).toBe(true);
    // A new place redraws (the title bar is as wide as the pane).
    expect(pane.place({ left: 0, top: 0, width: 30, height: 5 })).toBe(true);
    expect(pane.draw('Events', lines('a', 'c'))).toBe(true);
    expect(pane.place(undefined)).toBe(true);
    expect(pane.box.hidden).toBe(true);
  });

  it('draws braces and hostile titles as the characters themselves', () => {
    const screen = offscreen();
    const pane = createPane(screen, COLOUR_THEME);
    pane.place({ left: 0, top: 0, width: 40, height: 3 });
    pane.draw('Chat room {red-fg}x\u001b]0;pwned\u0007:9999', lines('{red-fg}x'));
    screen.render();
    expect(screenRow(screen, 0)).toContain('Chat room {red-fg}x?]0;pwned?:9999');
    expect(screenRow(screen, 1)).toContain('{red-fg}x');
    expect(screenRow(screen, 0)).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});
