// Narration and chat lines in the side pane: wrapped by cells, and whatever a
// lesson or a chat user wrote is drawn as inert characters.
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../src/ui/model/layout.js';
import { computeScreen, holdSideScroll } from '../../../src/ui/model/screen.js';
import { ALL } from '../../../src/inspect/scope.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { initialWatch } from '../../../src/ui/model/watch.js';
import { filterSideEntries, sideLines, wordWrap, type SideEntry } from '../../../src/ui/model/wrap.js';
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

describe('side pane title', () => {
  it('says how many lines scrolled off the top while it follows the newest, and nothing when all fit', () => {
    const screenWith = (count: number, sideScroll = 0) =>
      computeScreen({
        watch: initialWatch(ALL),
        view: { ...initialViewState(false), sideScroll },
        rows: [],
        layout: computeLayout(100, 30, true, 'events'),
        header: { version: '0.1.0', scope: 'demo orphan', systemTotal: undefined },
        side: { title: 'Lesson: orphan', entries: Array.from({ length: count }, (_, i) => ({ text: `12:28:43 step ${i}`, tone: 'plain' as const })) },
        canSay: false,
        now: undefined,
      }).side;
    const few = screenWith(2);
    expect(few?.title).toBe('Lesson: orphan');
    // A lesson's step said five things at once in a pane of a few lines: the title says what went by.
    const many = screenWith(60);
    const shown = many?.lines.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(many?.title).toBe(`Lesson: orphan · ${60 - shown} lines above ({)`);
    // Scrolled back, it says so instead.
    expect(screenWith(60, 3)?.title).toBe('Lesson: orphan · scrolled ({ })');
  });
});

describe('side pane scrolled back', () => {
  const said = (from: number, count: number, text = 'line'): SideEntry[] =>
    Array.from({ length: count }, (_, i) => ({ text: `${text} ${from + i}`, tone: 'plain' as const }));
  const shown = (entries: readonly SideEntry[], view: ViewState, filter = ''): string[] =>
    markedAll(sideLines(filterSideEntries(entries, filter), 40, 4, view.sideScroll));

  it('holds the lines it shows while new ones come in, as the events pane does', () => {
    const entries = said(0, 20);
    // Drawn at the newest, then `{` (6 back), then drawn.
    let view = holdSideScroll(initialViewState(true), entries, 40, 4);
    view = holdSideScroll({ ...view, sideScroll: 6 }, entries, 40, 4);
    const before = shown(entries, view);
    expect(before).toEqual(['line 10', 'line 11', 'line 12', 'line 13']);
    // A chat line long enough to wrap in two, and two short ones.
    entries.push({ text: `${'word '.repeat(10)}end`, tone: 'plain' }, ...said(20, 2));
    view = holdSideScroll(view, entries, 40, 4);
    expect(view.sideScroll).toBe(10);
    expect(shown(entries, view)).toEqual(before);
  });

  it('counts only the new lines the filter keeps, and goes no further back than the oldest kept', () => {
    const entries = said(0, 10, 'sleep');
    let view = holdSideScroll({ ...initialViewState(true), filter: 'sleep' }, entries, 40, 4);
    view = holdSideScroll({ ...view, sideScroll: 3 }, entries, 40, 4);
    const before = shown(entries, view, 'sleep');
    entries.push(...said(10, 2, 'sleep'), ...said(12, 5, 'cat'));
    view = holdSideScroll(view, entries, 40, 4);
    expect(view.sideScroll).toBe(5);
    expect(shown(entries, view, 'sleep')).toEqual(before);
    // The source keeps its last lines only: 30 more push the held ones out; the pane stops at the oldest kept.
    entries.push(...said(17, 30, 'sleep'));
    entries.splice(0, entries.length - 20);
    view = holdSideScroll(view, entries, 40, 4);
    expect(view.sideScroll).toBe(filterSideEntries(entries, 'sleep').length - 4);
  });
});
