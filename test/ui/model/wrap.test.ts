// Narration and chat lines in the side pane: wrapped by cells, and whatever a
// lesson or a chat user wrote is drawn as inert characters.
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../src/ui/model/layout.js';
import { computeScreen } from '../../../src/ui/model/screen.js';
import { ALL } from '../../../src/inspect/scope.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { initialWatch } from '../../../src/ui/model/watch.js';
import { sideLines, wordWrap, type SideEntry } from '../../../src/ui/model/wrap.js';
import { markedAll } from './fixtures.js';

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;

describe('side pane', () => {
  it('wraps at spaces, indents what follows and cuts a word longer than a line', () => {
    expect(wordWrap('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wordWrap('abcdefghijkl', 6)).toEqual(['abcde…']);
  });

  it('draws a hostile chat line as plain characters, wrapped by cells', () => {
    const entries: SideEntry[] = [
      { text: '<eve> \u001b]0;pwned\u0007 {red-fg}boom{/red-fg} \u001b[2J', tone: 'plain' },
      { text: 'observed: 5 Z {bold}', tone: 'observed' },
    ];
    const lines = markedAll(sideLines(entries, 20, 10));
    expect(lines).toEqual(['<eve> ?]0;pwned?', '  {red-fg}boom{/red…', '  ?[2J', '<observed>observed: 5 Z {bold}</observed>']);
    // Drawn again (the next frame, another width): the same inert text.
    expect(markedAll(sideLines(entries, 50, 10))[0]).toBe('<eve> ?]0;pwned? {red-fg}boom{/red-fg} ?[2J');
    expect(markedAll(sideLines(entries, 40, 10)).join('')).not.toMatch(CONTROLS);
  });

  it('a hostile narration line reaches the screen model inert', () => {
    const watch = initialWatch(ALL);
    const view = initialViewState(false);
    const model = computeScreen({
      watch,
      view,
      rows: [],
      layout: computeLayout(150, 45, true, 'events'),
      header: { version: '0.1.0', scope: 'demo x', systemTotal: undefined },
      side: { title: 'Lesson: x', entries: [{ text: '09:00:00 {blink}hello\u0007\u009b31m', tone: 'plain' }] },
      canSay: false,
      now: undefined,
    });
    expect(markedAll(model.side?.lines).join('\n')).toContain('09:00:00 {blink}hello??31m');
    expect(JSON.stringify(model)).not.toMatch(/\\u00(0|1)[0-9a-f]|\\u007f|\\u009/i);
  });
});
