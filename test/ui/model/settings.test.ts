// F2 settings: the saved text round-trips, a broken file gives the defaults
// and says why, and the setup screen's keys change what it shows.
import { describe, expect, it } from 'vitest';
import { onSetup, parseSettings, settingsText, setupLines } from '../../../src/ui/model/settings.js';
import { DEFAULT_SETTINGS } from '../../../src/ui/model/settings-shape.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { markedAll } from './fixtures.js';

describe('settings', () => {
  it('round-trips through the saved text', () => {
    const settings = { tree: true, colour: false, intervalMs: 2000, hiddenColumns: ['rss' as const, 'thr' as const] };
    expect(parseSettings(settingsText(settings))).toEqual({ settings });
    expect(parseSettings('{}')).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('a broken or wrong file gives the defaults and a sentence saying what is wrong', () => {
    expect(parseSettings('{"tree": tru')).toMatchObject({ settings: DEFAULT_SETTINGS, problem: expect.stringMatching(/^not valid JSON/) });
    expect(parseSettings('[1]')).toEqual({ settings: DEFAULT_SETTINGS, problem: 'not a JSON object' });
    expect(parseSettings('{"tree": "yes", "intervalMs": 5}').problem).toBe(
      'tree should be true or false; intervalMs should be milliseconds from 100 to 3600000',
    );
    expect(parseSettings('{"hiddenColumns": ["pid"]}').problem).toMatch(/^hiddenColumns should list some of ppid/);
  });

  it('the setup screen toggles and cycles; closing it saves', () => {
    const view = { ...initialViewState(false), overlay: { kind: 'setup' as const, index: 0 } };
    const tree = onSetup(view, 'enter', 0, DEFAULT_SETTINGS);
    expect(tree.effect).toEqual({ kind: 'settings', settings: { ...DEFAULT_SETTINGS, tree: true } });
    expect(onSetup(view, 'right', 2, DEFAULT_SETTINGS).effect).toMatchObject({ settings: { intervalMs: 2000 } });
    expect(onSetup(view, 'left', 2, DEFAULT_SETTINGS).effect).toMatchObject({ settings: { intervalMs: 500 } });
    // A column item: hidden at once in the view, and in what is saved.
    const column = onSetup(view, ' ', 3, DEFAULT_SETTINGS);
    expect(column.effect).toMatchObject({ settings: { hiddenColumns: ['ppid'] } });
    expect(column.state.hiddenColumns.has('ppid')).toBe(true);
    expect(onSetup(view, 'down', 0, DEFAULT_SETTINGS).state.overlay).toEqual({ kind: 'setup', index: 1 });
    const closed = onSetup(view, 'escape', 0, DEFAULT_SETTINGS);
    expect(closed.effect).toEqual({ kind: 'save-settings', settings: DEFAULT_SETTINGS });
    expect(closed.state.overlay.kind).toBe('none');
    const lines = markedAll(setupLines(DEFAULT_SETTINGS, 1, '/tmp/x/config.json'));
    expect(lines.find((l) => l.startsWith('<selected>'))).toContain('Colour');
    expect(lines.join('\n')).toContain('Column PPID');
    // The file's path comes from XDG_CONFIG_HOME: a title-setting sequence in it is drawn as characters.
    const hostile = markedAll(setupLines(DEFAULT_SETTINGS, 0, '/tmp/x\u001b]0;pwned\u0007/config.json'));
    expect(hostile.join('\n')).toContain('/tmp/x?]0;pwned?/config.json');
  });
});
