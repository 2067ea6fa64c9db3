// The `?` panel lists every key once, each listed key really does something,
// and the README's keys table is the same list.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { messageIn } from '../../../src/text/i18n/message.js';
import { helpLines, KEYS, keysMarkdown } from '../../../src/ui/model/help.js';
import { lineText } from '../../../src/ui/model/styled.js';
import { handleKey, type KeyContext } from '../../../src/ui/model/keys.js';
import type { ProcRow } from '../../../src/ui/model/rows.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { proc } from './fixtures.js';

/** The help's spelling of a key → the name the reducer speaks (src/ui/input.ts). */
const KEY_NAMES: Readonly<Record<string, string>> = {
  'Ctrl-C': 'C-c',
  'Ctrl-L': 'C-l',
  '↑': 'up',
  '↓': 'down',
  '←': 'left',
  '→': 'right',
  PgUp: 'pageup',
  PgDn: 'pagedown',
  Home: 'home',
  End: 'end',
  Enter: 'enter',
  Tab: 'tab',
  space: ' ',
};
const keyName = (key: string): string => KEY_NAMES[key] ?? (/^F\d+$/.test(key) ? key.toLowerCase() : key);

// A tree of three, the middle one selected; a second state has it folded.
const tree: ProcRow[] = [
  { pid: 1, proc: proc(1, 0), mark: 'live', prefix: '', hasChildren: true, collapsed: false },
  { pid: 2, proc: proc(2, 1), mark: 'live', prefix: '└─ ', hasChildren: true, collapsed: false },
  { pid: 3, proc: proc(3, 2), mark: 'live', prefix: '   └─ ', hasChildren: false, collapsed: false },
];
const ctx: KeyContext = { rows: tree, page: 2, columns: ['pid', 'ppid', 'stat'], canSay: true, hasSide: true };
const middle: ViewState = { ...initialViewState(true), sort: 'ppid', cursor: 1 };
const folded: ViewState = { ...middle, collapsed: new Set([2]) };
// Scrolled back, so that scrolling forward ( ] } ) has somewhere to go.
const scrolledBack: ViewState = { ...middle, eventsScroll: 5, sideScroll: 5 };

describe('help', () => {
  it('every key it lists acts in the main view', () => {
    const listed = KEYS.flatMap(([label]) => label.split(/\s+/));
    expect(listed.length).toBeGreaterThan(30);
    for (const key of listed) {
      const acts = [middle, folded, scrolledBack].some((state) => {
        const result = handleKey(state, keyName(key), ctx);
        return result.effect !== undefined || !isDeepStrictEqual(result.state, state);
      });
      expect({ key, acts }).toEqual({ key, acts: true });
    }
  });

  it('lists each key once, with no label that reads like another key', () => {
    const listed = KEYS.flatMap(([label]) => label.split(/\s+/));
    expect(new Set(listed).size).toBe(listed.length);
    // `/` is the filter key: it must not also serve as a separator between keys.
    expect(listed.filter((key) => key === '/')).toHaveLength(1);
    const filterKey = KEYS.find(([label]) => label.split(/\s+/).includes('/'))?.[1];
    expect(filterKey === undefined ? undefined : messageIn('en', filterKey)).toMatch(/^filter/);
  });

  it('the panel and the markdown table carry the same rows', () => {
    const panel = helpLines(100).map(lineText).join('\n');
    const table = keysMarkdown().split('\n');
    expect(table).toHaveLength(KEYS.length + 2);
    for (const [label, id] of KEYS) {
      const action = messageIn('en', id);
      expect(panel).toContain(label);
      expect(panel).toContain(action.split(' ').slice(0, 4).join(' '));
      expect(table).toContain(
        `| ${label
          .split(/\s+/)
          .map((key) => `\`${key}\``)
          .join(' ')} | ${action} |`,
      );
    }
  });

  // The README's keys table is pasted from keysMarkdown(): the two must agree.
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  it('the README lists the same keys as the `?` panel', () => {
    expect(readme).toContain(keysMarkdown());
  });
});
