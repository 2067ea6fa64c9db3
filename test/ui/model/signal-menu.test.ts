// The signal menu: every signal of kill -l, chosen by arrows or typed name or
// number, sent on Enter only; KILL and STOP outside the user's own scope are
// asked once more.
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../src/inspect/signals.js';
import {
  confirmLines,
  matchTyped,
  needsConfirm,
  onConfirm,
  onSignalMenu,
  openSignalMenu,
  signalMenuLines,
  type SignalMenu,
} from '../../../src/ui/model/signal-menu.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { markedAll } from './fixtures.js';

const target = { pid: 42, startTime: 1000, comm: 'sleep', uid: 1000 };
const opened = openSignalMenu(initialViewState(false), target);
const menuOf = (state: ViewState): SignalMenu => {
  if (state.overlay.kind !== 'signal') throw new Error(`not the menu: ${state.overlay.kind}`);
  return state.overlay;
};
const whole = { scoped: false, uid: 1000 };
const scoped = { scoped: true, uid: 1000 };
const press = (state: ViewState, keys: string[], scope = scoped): ReturnType<typeof onSignalMenu> => {
  let result: ReturnType<typeof onSignalMenu> = { state };
  for (const key of keys) {
    if (result.effect !== undefined) throw new Error(`sent before ${key}`);
    result = onSignalMenu(result.state, key, menuOf(result.state), scope);
  }
  return result;
};
const selected = (state: ViewState): string | undefined => SIGNALS[menuOf(state).index]?.name;

describe('signals as kill -l lists them', () => {
  it('has every standard signal once, by number, and the real-time ones on Linux', () => {
    const numbers = SIGNALS.map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(SIGNALS.find((s) => s.number === 9)?.name).toBe('KILL');
    expect(SIGNALS.find((s) => s.number === 6)?.name).toBe('ABRT');
    expect(SIGNALS.find((s) => s.number === 29)?.name).toBe('IO');
    if (process.platform === 'linux') {
      expect(SIGNALS.find((s) => s.number === 34)?.name).toBe('RTMIN');
      expect(SIGNALS.find((s) => s.number === 49)?.name).toBe('RTMIN+15');
      expect(SIGNALS.find((s) => s.number === 50)?.name).toBe('RTMAX-14');
      expect(SIGNALS.at(-1)).toEqual({ name: 'RTMAX', number: 64 });
    }
  });
});

describe('signal menu', () => {
  it('opens on TERM and moves with the arrows and pages', () => {
    expect(selected(opened)).toBe('TERM');
    expect(selected(press(opened, ['up']).state)).toBe(SIGNALS[SIGNALS.findIndex((s) => s.name === 'TERM') - 1]?.name);
    expect(selected(press(opened, ['home']).state)).toBe('HUP');
    expect(selected(press(opened, ['end', 'down']).state)).toBe(SIGNALS.at(-1)?.name);
  });

  it('a digit or a letter selects and never sends; Enter sends what is selected', () => {
    for (const keys of [['9'], ['1', '9'], ['K', 'I'], ['s', 't', 'o']]) {
      const result = press(opened, keys);
      expect(result.effect).toBeUndefined();
      expect(result.state.overlay.kind).toBe('signal');
    }
    expect(selected(press(opened, ['9']).state)).toBe('KILL');
    expect(selected(press(opened, ['1', '9']).state)).toBe('STOP');
    expect(selected(press(opened, ['S', 'T', 'O']).state)).toBe('STOP');
    expect(selected(press(opened, ['3', '5']).state)).toBe('RTMIN+1');
    expect(press(opened, ['1', '5', 'enter']).effect).toEqual({ kind: 'signal', target, signal: 'TERM' });
    expect(matchTyped('99')).toBeUndefined();
    expect(selected(press(opened, ['9', '9']).state)).toBe('KILL');
    expect(selected(press(opened, ['1', '9', 'backspace']).state)).toBe('HUP');
  });

  it('KILL and STOP ask once more outside the user’s own scope; y sends, anything else cancels', () => {
    const kill = press(opened, ['9', 'enter'], whole);
    expect(kill.effect).toBeUndefined();
    expect(kill.state.overlay).toEqual({ kind: 'confirm', target, signal: 'KILL' });
    if (kill.state.overlay.kind !== 'confirm') throw new Error('no question');
    expect(onConfirm(kill.state, 'y', kill.state.overlay).effect).toEqual({ kind: 'signal', target, signal: 'KILL' });
    const no = onConfirm(kill.state, '9', kill.state.overlay);
    expect(no.effect).toBeUndefined();
    expect(no.state.overlay.kind).toBe('none');
    expect(markedAll(confirmLines(kill.state.overlay, false))[0]).toContain('Send SIGKILL to 42 (sleep)?');
    // In a watched scope, one's own process: no second question.
    expect(press(opened, ['9', 'enter'], scoped).effect).toMatchObject({ signal: 'KILL' });
    // TERM never asks.
    expect(press(opened, ['enter'], whole).effect).toMatchObject({ signal: 'TERM' });
    const kill9 = SIGNALS.find((s) => s.name === 'KILL');
    if (kill9 === undefined) throw new Error('no KILL');
    expect(needsConfirm(kill9, { ...target, uid: 0 }, scoped)).toBe(true);
    expect(needsConfirm(kill9, target, { scoped: true, uid: 0 })).toBe(false);
  });

  it('shows a window of the list around the selection, with the number, the name and the words', () => {
    const lines = markedAll(signalMenuLines(menuOf(press(opened, ['9']).state)));
    expect(lines[0]).toBe('Send a signal to 42 (sleep)');
    expect(lines.find((l) => l.startsWith('<selected>'))).toContain('9  SIGKILL');
    expect(lines.join('\n')).toContain('typed: 9');
    expect(lines.at(-1)).toContain('Enter sends');
  });

  it('on a 40x10 screen (7 lines inside the frame) still says there is more above and below', () => {
    for (const keys of [[], ['home'], ['end']]) {
      const menu = menuOf(press(opened, keys).state);
      const lines = markedAll(signalMenuLines(menu, 7));
      expect(lines).toHaveLength(7);
      expect(lines.some((l) => l.startsWith('<selected>'))).toBe(true);
      const first = menu.index === 0;
      const last = menu.index === SIGNALS.length - 1;
      expect(lines.includes('   ↑ more')).toBe(!first);
      expect(lines.includes('   ↓ more')).toBe(!last);
      expect(lines.at(-1)).toContain('Enter sends');
    }
  });
});
