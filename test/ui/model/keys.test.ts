import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/text/i18n/lang.js';
import { footerLine } from '../../../src/ui/model/chrome.js';
import { handleKey, type KeyContext } from '../../../src/ui/model/keys.js';
import type { ProcRow } from '../../../src/ui/model/rows.js';
import { reconcile } from '../../../src/ui/model/selection.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { proc } from './fixtures.js';

const row = (pid: number, mark: ProcRow['mark'] = 'live', ppid = 1): ProcRow => ({
  pid,
  proc: proc(pid, ppid),
  mark,
  prefix: '',
  hasChildren: false,
  collapsed: false,
});
const rows = [row(10), row(20), row(30, 'dead')];
const ctx: KeyContext = { rows, page: 2, columns: ['pid', 'ppid', 'stat', 'cpu', 'command'], canSay: false, hasSide: false };
const press = (state: ViewState, ...keys: string[]): ViewState => keys.reduce((s, key) => handleKey(s, key, ctx).state, state);
const start = initialViewState(false);

describe('keys', () => {
  it('q, F10 and Ctrl-C quit; Ctrl-C even while typing', () => {
    for (const key of ['q', 'f10', 'C-c']) expect(handleKey(start, key, ctx).effect).toEqual({ kind: 'quit' });
    const typing = press(start, '/');
    expect(handleKey(typing, 'q', ctx).effect).toBeUndefined();
    expect(handleKey(typing, 'C-c', ctx).effect).toEqual({ kind: 'quit' });
  });

  it('k refuses PID 1 and procview itself at once, in the words renice uses, with no menu, for the events pane too', () => {
    for (const [pid, words] of [
      [1, /^refused to .*PID 1 \(init\)/],
      [4242, /^refused to .* procview itself/],
    ] as const) {
      const result = handleKey(start, 'k', { ...ctx, rows: [row(pid, 'live', 0)], selfPid: 4242 });
      expect(result.state.overlay.kind).toBe('none');
      // The app says it and adds it to the events pane, as it does a refused renice.
      expect(result.effect).toEqual({ kind: 'refused', pid, message: expect.stringMatching(words) });
    }
    expect(handleKey(start, 'k', { ...ctx, selfPid: 4242 }).state.overlay.kind).toBe('signal');
  });

  it('Ctrl-L repaints the screen, in any panel, and changes nothing else', () => {
    for (const state of [start, press(start, '/'), press(start, '?')]) expect(handleKey(state, 'C-l', ctx)).toEqual({ state, effect: { kind: 'repaint' } });
  });

  it('the footer names what q does where it is pressed: quit in the list, close in a panel, nothing in the signal menu', () => {
    const footer = (state: ViewState): string =>
      footerLine(state, 200, false)
        .spans.map((s) => s.text)
        .join('');
    expect(footer(start)).toMatch(/^q quit/);
    for (const opened of [press(start, 'enter'), press(start, '?')]) {
      expect(footer(opened)).toMatch(/^q\/Esc close/);
      const closed = handleKey(opened, 'q', ctx);
      expect(closed.effect).toBeUndefined();
      expect(closed.state.overlay.kind).toBe('none');
    }
    const menu = press(start, 'k');
    expect(menu.overlay.kind).toBe('signal');
    expect(footer(menu)).not.toMatch(/\bq\b/);
    expect(handleKey(menu, 'q', ctx).effect).toBeUndefined();
  });

  it('moves the selection with arrows, pages, Home and End', () => {
    expect(press(start, 'down').cursor).toBe(1);
    expect(press(start, 'pagedown').cursor).toBe(2);
    expect(press(start, 'end').cursor).toBe(2);
    expect(press(start, 'end', 'home').cursor).toBe(0);
  });

  it('toggles table/tree with t and F5, sorts with < > F6 and I', () => {
    expect(press(start, 't').mode).toBe('tree');
    expect(press(start, 'f5', 'f5').mode).toBe('table');
    expect(start.sort).toBe('cpu');
    expect(press(start, '<').sort).toBe('stat');
    expect(press(start, '>').sort).toBe('command');
    expect(press(start, 'f6').sort).toBe('command');
    expect(press(start, 'I').descending).toBe(!start.descending);
  });

  it('opens the signal menu for the selected row; only Enter sends, with pid + start time', () => {
    const menu = press(start, 'down', 'k');
    expect(menu.overlay.kind).toBe('signal');
    // A digit or a name is typed into the search: it selects, never sends.
    const typed = handleKey(menu, '9', ctx);
    expect(typed.effect).toBeUndefined();
    expect(typed.state.overlay).toMatchObject({ kind: 'signal', typed: '9' });
    const sent = handleKey(typed.state, 'enter', { ...ctx, scoped: true });
    expect(sent.effect).toEqual({ kind: 'signal', signal: 'KILL', target: { pid: 20, startTime: proc(20, 1).startTime, comm: 'p20', uid: proc(20, 1).uid } });
    expect(sent.state.overlay.kind).toBe('none');
    expect(handleKey(press(menu, 'H', 'U'), 'enter', ctx).effect).toMatchObject({ kind: 'signal', signal: 'HUP' });
    expect(press(menu, 'escape').overlay.kind).toBe('none');
    // A zombie's signal carries its parent, so the app can say no signal changes it.
    const zombieRows = [{ ...row(40, 'live', 7), proc: proc(40, 7, { state: 'Z' }) }];
    const zombieMenu = handleKey(start, 'k', { ...ctx, rows: zombieRows }).state;
    expect(handleKey(zombieMenu, 'enter', { ...ctx, rows: zombieRows }).effect).toMatchObject({ kind: 'signal', target: { pid: 40, zombieOf: 7 } });
    // A leader read Z whose threads run on (ps Zl) is no zombie: its signal ends them.
    const leaderRows = [{ ...row(40, 'live', 7), proc: proc(40, 7, { state: 'Z', threads: 3 }) }];
    const leaderSent = handleKey(handleKey(start, 'k', { ...ctx, rows: leaderRows }).state, 'enter', { ...ctx, rows: leaderRows }).effect;
    expect(leaderSent).toMatchObject({ kind: 'signal', target: { pid: 40 } });
    expect(leaderSent?.kind === 'signal' ? leaderSent.target.zombieOf : 'none').toBeUndefined();
  });

  it('refuses to act on a row that has already exited', () => {
    const onDead = press(start, 'end');
    expect(handleKey(onDead, 'k', ctx).state.message?.text).toMatch(/already exited/);
    expect(handleKey(onDead, 'n', ctx).effect).toBeUndefined();
  });

  it('renices: n/F8 +1, N/F7 -1', () => {
    for (const [key, delta] of [
      ['n', 1],
      ['f8', 1],
      ['N', -1],
      ['f7', -1],
    ] as const) {
      expect(handleKey(start, key, ctx).effect).toMatchObject({ kind: 'renice', delta, target: { pid: 10 } });
    }
  });

  it('filters live while typing; Enter keeps the filter, Esc clears it (a kept one too), as the prompt says', () => {
    const typed = press(start, '/', 'a', 'b', 'backspace', 'c');
    expect(typed.filter).toBe('ac');
    const kept = press(typed, 'enter');
    expect(kept).toMatchObject({ filter: 'ac', overlay: { kind: 'none' } });
    expect(press(kept, 'f3', 'escape')).toMatchObject({ filter: '', overlay: { kind: 'none' } });
    expect(press(kept, 'f3', 'x', 'escape').filter).toBe('');
    // u: the same prompt for the user; empty is everyone.
    const user = press(start, 'u', 'a', 'n', 'n', 'enter');
    expect(user.user).toBe('ann');
    expect(press(user, 'u', 'escape').user).toBe('');
    // A user nobody listed is, said so on Enter.
    const nobody = handleKey(press(start, 'u', 'x'), 'enter', { ...ctx, rows: [] }).state;
    expect(nobody).toMatchObject({ user: 'x', overlay: { kind: 'none' }, message: { text: expect.stringMatching(/^no process of user x in view/) } });
  });

  it('says something in the chat only where there is a chat', () => {
    expect(press(start, 'i').overlay.kind).toBe('none');
    const chat = { ...ctx, canSay: true };
    const typing = ['h', 'i'].reduce((s, k) => handleKey(s, k, chat).state, handleKey(start, 'i', chat).state);
    expect(handleKey(typing, 'enter', chat).effect).toEqual({ kind: 'say', text: 'hi' });
  });

  it('space pauses, f follows (f again stops), ? and F1 open help', () => {
    expect(press(start, ' ').paused).toBe(true);
    expect(press(start, ' ', ' ').paused).toBe(false);
    expect(press(start, 'f').follow).toBe(10);
    expect(press(start, 'f', 'f')).toMatchObject({ follow: undefined, message: { text: 'follow off' } });
    expect(press(start, '?').overlay.kind).toBe('help');
    expect(press(start, 'f1', 'escape').overlay.kind).toBe('none');
  });

  it('folds and unfolds in the tree; ← on a leaf goes to its parent', () => {
    const tree: ProcRow[] = [{ ...row(1, 'live', 0), hasChildren: true }, row(2, 'live', 1)];
    const treeCtx = { ...ctx, rows: tree };
    const state = { ...start, mode: 'tree' as const };
    const folded = handleKey(state, 'left', treeCtx).state;
    expect([...folded.collapsed]).toEqual([1]);
    expect(handleKey(folded, 'right', treeCtx).state.collapsed.size).toBe(0);
    expect(handleKey({ ...state, cursor: 1 }, '-', treeCtx).state.cursor).toBe(0);
  });
});

describe('selection', () => {
  it('clamps the cursor and scrolls to keep it in view', () => {
    const state = reconcile({ ...start, cursor: 9 }, rows, 2);
    expect(state.cursor).toBe(2);
    expect(state.offset).toBe(1);
    expect(reconcile({ ...state, cursor: 0 }, rows, 2).offset).toBe(0);
  });

  it('never rests on a grey context row', () => {
    const withContext = [row(1, 'context'), row(10), row(11)];
    expect(reconcile(start, withContext, 5).cursor).toBe(1);
    expect(reconcile({ ...start, cursor: 2 }, [row(10), row(11), row(1, 'context')], 5).cursor).toBe(1);
  });

  it('typing a filter keeps the selected process selected while the filter keeps it, else takes the first row it keeps', () => {
    // A tree: 10 is the parent (kept for its shape, matching nothing), 20 and 30 the sleepers; 30 selected.
    const tree = [row(10), row(20, 'live', 10), row(30, 'live', 10)].map((r) => (r.pid === 10 ? r : { ...r, proc: { ...r.proc, comm: 'sleeper' } }));
    const at30: ViewState = { ...start, mode: 'tree', cursor: 2 };
    let state = at30;
    for (const key of ['/', 's', 'l', 'e']) state = reconcile(handleKey(state, key, { ...ctx, rows: tree }).state, tree, 5);
    expect(state.filter).toBe('sle');
    expect(tree[state.cursor]?.pid).toBe(30);
    // Esc clears the filter: still 30, whatever row it is on now.
    const all = [row(5), ...tree];
    state = reconcile(handleKey(state, 'escape', { ...ctx, rows: tree }).state, all, 5);
    expect(all[state.cursor]?.pid).toBe(30);
    // The selected process (the parent) no longer matches, though the tree shows it for its shape: the first row kept.
    const parentOnly = { ...at30, cursor: 0 };
    state = reconcile(handleKey({ ...parentOnly, overlay: { kind: 'input', purpose: 'filter', text: 'sleepe' } }, 'r', { ...ctx, rows: tree }).state, tree, 5);
    expect(tree[state.cursor]?.pid).toBe(20);
    // u in a tree: the first row of that user, not an ancestor of someone else's.
    const owned = [
      { ...row(10), proc: { ...row(10).proc, user: 'root' } },
      { ...row(20, 'live', 10), proc: { ...row(20).proc, user: 'ann' } },
    ];
    const byUser = reconcile(
      handleKey({ ...at30, cursor: 0, overlay: { kind: 'input', purpose: 'user', text: 'an' } }, 'n', { ...ctx, rows: owned }).state,
      owned,
      5,
    );
    expect(owned[byUser.cursor]?.pid).toBe(20);
    // Nothing was listed as the key came (a filter that matched nothing, then Backspace): the first kept row.
    const empty = handleKey({ ...at30, cursor: 0, filter: 'sleeperx', overlay: { kind: 'input', purpose: 'filter', text: 'sleeperx' } }, 'backspace', {
      ...ctx,
      rows: [],
    });
    expect(tree[reconcile(empty.state, tree, 5).cursor]?.pid).toBe(20);
  });

  it('follows a pid wherever it moves, and ends follow when it is gone', () => {
    const following = { ...start, follow: 20 };
    expect(reconcile(following, [row(20), row(10)], 5).cursor).toBe(0);
    const lost = reconcile(following, [row(10)], 5);
    expect(lost.follow).toBeUndefined();
    expect(lost.message?.text).toMatch(/follow ended/);
  });
});

describe('status-line answers in Chinese', () => {
  afterEach(() => setLanguage(undefined));

  it("says what a key did in the reader's language, column names as ps prints them", () => {
    setLanguage('zh');
    const ctx: KeyContext = { rows: [], page: 10, columns: ['pid', 'cpu'], canSay: false, hasSide: false };
    const state = initialViewState(false);
    expect(handleKey(state, 'P', ctx).state.message?.text).toBe('按 %CPU 排序');
    expect(handleKey(state, 'K', ctx).state.message?.text).toBe('显示内核线程');
    expect(handleKey(state, 'k', ctx).state.message?.text).toBe('没有选中进程');
    expect(handleKey(state, ' ', ctx).state.message?.text).toBe('已暂停（按 space 继续）');
    expect(reconcile({ ...state, follow: 42 }, [], 10).message?.text).toBe('42 已经不在了；停止跟随');
  });
});
