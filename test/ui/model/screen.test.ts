// The strings the widgets draw: header counts, rows with their colours, the
// detail pane, the layout at 60x15; and no untrusted byte reaches them raw.
import { describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnId, placeColumns } from '../../../src/ui/model/columns.js';
import { ancestry, childrenOf, detailLines } from '../../../src/ui/model/detail.js';
import { countTasks, tasksLine, uptimeWords } from '../../../src/ui/model/header.js';
import { computeLayout, type Rect } from '../../../src/ui/model/layout.js';
import { rowLine, titleLine } from '../../../src/ui/model/list-lines.js';
import type { ProcRow } from '../../../src/ui/model/rows.js';
import { computeScreen } from '../../../src/ui/model/screen.js';
import { ALL, EMPTY_FOLLOW, nameSeeds } from '../../../src/inspect/scope.js';
import { parseServerTitle } from '../../../src/chat/room-titles.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { EMPTY_TIMELINE, noteTimeline, TIMELINE_LIMIT } from '../../../src/ui/model/timeline.js';
import { advanceWatch, initialWatch } from '../../../src/ui/model/watch.js';
import { marked, markedAll, proc, snapshot } from './fixtures.js';

const asRow = (p: ReturnType<typeof proc>, mark: ProcRow['mark'] = 'live'): ProcRow => ({
  pid: p.pid,
  proc: p,
  mark,
  prefix: '',
  hasChildren: false,
  collapsed: false,
});

describe('header', () => {
  it('counts tasks the way top does', () => {
    const procs = ['R', 'S', 'D', 'I', 'T', 't', 'Z', 'Z', undefined].map((state, i) => proc(i + 2, 1, { state }));
    expect(tasksLine(countTasks(procs))).toBe('Tasks: 9 total, 1 running, 3 sleeping, 2 stopped, 2 zombie');
    // Too narrow for top's words: the same counts by state letter.
    expect(tasksLine(countTasks(procs), 50)).toBe('Tasks: 9  R 1  S 3  T 2  Z 2');
  });

  it('a scope says what it counts: held now and all it has seen (pid + start time), then by state', () => {
    const counts = { total: 0, running: 0, sleeping: 0, stopped: 0, zombie: 0, kernel: 0, seen: 5 };
    expect(tasksLine(counts)).toBe('Tasks: 0 now, 5 seen · 0 running, 0 sleeping, 0 stopped, 0 zombie');
    expect(tasksLine(counts, 50)).toBe('Tasks: 0 now, 5 seen  R 0  S 0  T 0  Z 0');
    // Three processes pass through a scope one after another: 1 now, 3 seen.
    const frame = (n: number, procs: ReturnType<typeof proc>[]) => ({
      seq: n,
      begunAt: n,
      snapshot: snapshot(procs),
      previous: undefined,
      events: [],
      host: { uptimeSeconds: 1, load: [0, 0, 0] as const },
      intervalMs: 1000,
    });
    let watch = initialWatch(EMPTY_FOLLOW);
    for (const [n, pid] of [
      [1, 10],
      [2, 11],
      [3, 12],
    ] as const)
      watch = advanceWatch(watch, frame(n, [proc(1, 0), proc(pid, 1, { startTime: pid * 1000 })]), [pid]);
    expect(watch.counts).toMatchObject({ total: 1, seen: 3 });
  });

  it('words the uptime like top', () => {
    expect(uptimeWords(12 * 60)).toBe('up 12 min');
    expect(uptimeWords(4 * 3600 + 7 * 60)).toBe('up 4:07');
    expect(uptimeWords(3 * 86_400 + 3600)).toBe('up 3 days, 1:00');
  });
});

describe('rows', () => {
  const placed = placeColumns(140);

  it('writes every column and marks the sort column', () => {
    expect(marked(titleLine(placed, 'cpu', true))).toMatch(/PID\s+PPID\s+PGID\s+SID TTY\s+STAT\s+NI\s+PRI\s+THR\s+%CPU▼\s+%MEM\s+RSS\s+TIME USER\s+COMMAND/);
    const line = marked(rowLine(asRow(proc(42, 1, { stat: 'Ss', args: 'sleep 9' })), placed, false));
    expect(line).toMatch(/^\s+42\s+1\s+42\s+42 \?\s+Ss\s+0\s+20\s+1\s+0\.0\s+0\.1\s+4096\s+0:01 ann\s+sleep 9/);
  });

  it('colours zombies, stopped, new, exited and context rows', () => {
    const z = marked(rowLine(asRow(proc(5, 1, { state: 'Z', stat: 'Z', args: '' })), placed, false));
    expect(z).toMatch(/^<zombie>/);
    expect(z).toContain('[p5] <defunct>');
    expect(marked(rowLine(asRow(proc(6, 1, { state: 'T', stat: 'T' })), placed, false))).toMatch(/^<stopped>/);
    expect(marked(rowLine(asRow(proc(7, 1), 'new'), placed, false))).toMatch(/^<new>/);
    expect(marked(rowLine(asRow(proc(8, 1), 'dead'), placed, false))).toMatch(/^<dead>/);
    expect(marked(rowLine(asRow(proc(9, 1), 'context'), placed, false))).toMatch(/^<context>/);
    expect(marked(rowLine(asRow(proc(9, 1)), placed, true))).toMatch(/^<selected>/);
  });

  it('formats a record again when its mark, selection, tree prefix or the width change, never a stale line', () => {
    const p = Object.freeze(proc(12, 1, { args: 'sleep 12' }));
    const live = marked(rowLine(asRow(p), placed, false));
    expect(marked(rowLine(asRow(p), placed, false))).toBe(live);
    expect(marked(rowLine(asRow(p), placed, true))).toMatch(/^<selected>/);
    expect(marked(rowLine(asRow(p, 'new'), placed, false))).toMatch(/^<new>/);
    expect(marked(rowLine({ ...asRow(p), prefix: '└─ ' }, placed, false))).toContain('└─ sleep 12');
    const narrow = marked(rowLine(asRow(p), placeColumns(60), false));
    expect(narrow).not.toBe(live);
    expect(narrow).toMatch(/^\s+12\s+1 S\s+0\.0 sleep 12/);
    expect(marked(rowLine(asRow(p), placed, false))).toBe(live);
  });

  it('makes hostile names inert in every cell', () => {
    const hostile = proc(66, 1, { comm: '{red-fg}x', args: '/tmp/{red-fg}x \u001b]0;pwned\u0007', user: '{bold}' });
    const line = marked(rowLine(asRow(hostile), placed, false));
    expect(line).toContain('{red-fg}x ?]0;pwned?');
    expect(line).toContain('{bold}');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('makes hostile TTY and STAT text inert too, and a backend with only the state letter still shows it', () => {
    const hostile = proc(67, 1, { tty: '{u}\u001b', stat: 'S\u0007{' });
    const line = marked(rowLine(asRow(hostile), placed, false));
    expect(line).toContain('{u}?');
    expect(line).toContain('S?{');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(marked(rowLine(asRow(proc(68, 1, { stat: undefined, state: 'D' })), placed, false))).toMatch(/^\s+68\s+1\s+68\s+68 \?\s+D\s/);
  });
});

describe('detail pane', () => {
  const snap = snapshot([
    proc(1, 0, { comm: 'init' }),
    proc(10, 1, { comm: 'bash' }),
    proc(20, 10, { stat: 'S<s', args: 'vim \u001b[2J' }),
    proc(21, 20),
    proc(22, 20),
  ]);

  it('shows the ancestors up to PID 1, the children, STAT in words and the sanitized command line', () => {
    const target = snap.procs.get(20);
    if (target === undefined) throw new Error('fixture');
    expect(ancestry(snap, target)).toEqual([1, 10, 20]);
    const text = markedAll(detailLines(asRow(target), snap, 60, snap.takenAt)).join('\n');
    expect(text).toContain('1 (init) → 10 (bash) → 20');
    expect(text).toContain('21 (p21), 22 (p22)');
    expect(text).toMatch(/S {2}sleeping/);
    expect(text).toMatch(/< {2}high priority/);
    expect(text).toMatch(/s {2}session leader/);
    expect(text).toContain('vim ?[2J');
    expect(text).not.toContain('\u001b');
  });

  it('shows what is not known as the list does: STAT by its state letter, the rest as ?', () => {
    // Status not read yet (on demand): no STAT letters, no uid or user; no terminal name known either.
    const unread = proc(23, 1, { state: 'S', stat: undefined, uid: undefined, user: undefined, tty: undefined, policy: undefined });
    const text = markedAll(detailLines(asRow(unread), snapshot([proc(1, 0), unread]), 60, undefined)).join('\n');
    expect(text).toMatch(/<label>STAT<\/label> S\n/u);
    expect(text).toMatch(/S {2}sleeping/u);
    expect(text).toContain('<label>TTY</label> ?');
    expect(text).toContain('<label>USER</label> ? (uid ?)');
    expect(text).toContain('<label>POLICY</label> ?');
  });

  it('shows the scheduling policy with what it means, which says why NI is -', () => {
    const idle = proc(24, 1, { policy: 'IDL', nice: undefined });
    const text = markedAll(detailLines(asRow(idle), snapshot([proc(1, 0), idle]), 200, undefined)).join('\n');
    expect(text).toContain('<label>NI</label> -');
    expect(text).toContain('<label>POLICY</label> IDL');
    expect(text).toMatch(/idle \(SCHED_IDLE\): runs only when nothing else wants the CPU; nice has no say \(NI -\)/u);
  });

  it('lists the children of the snapshot drawn, by pid, however the snapshot was ordered', () => {
    const later = snapshot([proc(1, 0), proc(20, 1), proc(23, 20), proc(4, 20), proc(21, 20)]);
    expect(childrenOf(snap, 20)).toEqual([21, 22]);
    expect(childrenOf(later, 20)).toEqual([4, 21, 23]);
    expect(childrenOf(snap, 20)).toEqual([21, 22]);
    expect(childrenOf(later, 4)).toEqual([]);
  });
});

describe('layout', () => {
  const inside = (r: Rect | undefined, w: number, h: number): boolean =>
    r === undefined || (r.left >= 0 && r.top >= 0 && r.left + r.width <= w && r.top + r.height <= h && r.width > 0 && r.height > 0);

  it('60x15 keeps the counts, a usable list, three events and the footer', () => {
    const layout = computeLayout(60, 15, false, 'events');
    expect(layout.header.height).toBe(2);
    expect(layout.list.height - 1).toBeGreaterThanOrEqual(6);
    expect((layout.events?.height ?? 0) - 1).toBeGreaterThanOrEqual(3);
    expect(layout.detail).toBeUndefined();
    for (const rect of Object.values(layout)) expect(inside(rect, 60, 15)).toBe(true);
    expect(placeColumns(60).map((p) => p.column.id)).toEqual(['pid', 'ppid', 'stat', 'cpu', 'command']);
    expect(placeColumns(98).map((p) => p.column.id)).toEqual(['pid', 'ppid', 'pgid', 'sid', 'tty', 'stat', 'ni', 'cpu', 'user', 'command']);
  });

  it('the sort column stays however narrow, and every title has room for its sort mark', () => {
    for (const column of COLUMNS) {
      if (column.id === 'command') continue;
      expect(
        placeColumns(60, undefined, column.id).map((p) => p.column.id),
        column.id,
      ).toContain(column.id);
      const placed = placeColumns(1000).find((p) => p.column.id === column.id);
      expect(marked(titleLine(placed === undefined ? [] : [placed], column.id, true)), column.id).toContain(`${column.header}▼`);
    }
  });

  it('wide terminals get the side column: narration above the detail pane', () => {
    const layout = computeLayout(170, 45, true, 'events');
    expect(layout.side?.left).toBe(layout.detail?.left);
    expect(layout.chart).toBeDefined();
    for (const rect of Object.values(layout)) expect(inside(rect, 170, 45)).toBe(true);
  });

  it('widening never costs the list a column, and the side column comes only where the list keeps them all', () => {
    const all = placeColumns(1000).map((p) => p.column.id);
    for (const hidden of [new Set<ColumnId>(), new Set<ColumnId>(['pgid', 'sid', 'tty'])]) {
      for (const hasSide of [true, false]) {
        let before: ColumnId[] = [];
        for (let width = 60; width <= 260; width += 1) {
          const layout = computeLayout(width, 40, hasSide, 'events', { meterRows: 2, hiddenColumns: hidden });
          const kept = placeColumns(layout.list.width, hidden).map((p) => p.column.id);
          const where = `width ${width}, ${hasSide ? 'lesson' : 'detail only'}, hidden ${[...hidden].join(',')}`;
          expect(
            before.filter((id) => !kept.includes(id)),
            where,
          ).toEqual([]);
          if (layout.detail !== undefined) expect(kept, where).toEqual(all.filter((id) => !hidden.has(id)));
          before = kept;
        }
      }
    }
    // With a lesson, the side column from 168 columns (127 for the list, the rule, 40 for the column).
    expect(computeLayout(167, 40, true, 'events').detail).toBeUndefined();
    expect(computeLayout(168, 40, true, 'events').detail).toBeDefined();
    // Columns hidden in F2 leave the list room to spare sooner.
    expect(computeLayout(150, 40, true, 'events', { hiddenColumns: new Set(['pgid', 'sid', 'tty']) }).detail).toBeDefined();
  });

  it('the side column yields to the list: narrower below 180 columns, gone below its width or when hidden', () => {
    const narrowish = computeLayout(170, 45, true, 'events');
    const wide = computeLayout(200, 45, true, 'events');
    expect(narrowish.side?.width).toBeLessThanOrEqual(50);
    expect(wide.side?.width).toBeGreaterThan(narrowish.side?.width ?? 0);
    // The detail pane alone takes a column only from 180 columns: at 150 the list has the width.
    expect(computeLayout(150, 45, false, 'events').detail).toBeUndefined();
    expect(computeLayout(150, 45, false, 'events').list.width).toBe(150);
    expect(computeLayout(200, 45, false, 'events').detail).toBeDefined();
    // Below 168 columns a narration goes under the list; `v` hides the column at any width.
    expect(computeLayout(130, 45, true, 'events').side?.top).toBeGreaterThan(computeLayout(130, 45, true, 'events').list.top);
    const hidden = computeLayout(200, 45, true, 'events', { sideHidden: true });
    expect(hidden.side).toBeUndefined();
    expect(hidden.detail).toBeUndefined();
    expect(hidden.list.width).toBe(200);
    // Beside the side column the list keeps every column and 30 cells of COMMAND.
    expect(placeColumns(narrowish.list.width)).toHaveLength(COLUMNS.length);
    expect(placeColumns(narrowish.list.width).find((p) => p.column.id === 'command')?.width).toBeGreaterThanOrEqual(30);
  });

  it('meters take the rows meterShape gives, under the header', () => {
    const layout = computeLayout(120, 40, false, 'events', { meterRows: 2 });
    expect(layout.meters).toEqual({ left: 0, top: 3, width: 120, height: 2 });
    expect(layout.list.top).toBe(5);
    for (const rect of Object.values(layout)) expect(inside(rect, 120, 40)).toBe(true);
  });

  it('narrow terminals stack list, events and narration; short ones swap the last two with Tab', () => {
    const stacked = computeLayout(80, 24, true, 'events');
    expect(stacked.side?.top).toBe((stacked.events?.top ?? 0) + (stacked.events?.height ?? 0));
    expect(stacked.side?.height).toBeGreaterThanOrEqual(7);
    for (const rect of Object.values(stacked)) expect(inside(rect, 80, 24)).toBe(true);
    expect(computeLayout(60, 15, true, 'events').side).toBeUndefined();
    expect(computeLayout(60, 15, true, 'side').events).toBeUndefined();
  });
});

describe('seeds', () => {
  const snap = snapshot([
    proc(5, 1, { comm: 'node', args: 'procview chat-server 127.0.0.1:9999' }),
    proc(6, 5, { comm: 'node', args: 'procview chat-admin 127.0.0.1:9999' }),
    proc(7, 1, { comm: 'node', args: 'procview chat-client ann' }),
    proc(8, 7, { comm: 'node', args: 'procview chat-input ann' }),
    proc(9, 1, { comm: 'node', args: 'procview chat-server [::1]:4000' }),
    proc(99, 1, { comm: 'node', args: 'procview --watch chat-server' }),
  ]);

  it('finds the chat server by title and its port', () => {
    expect(parseServerTitle(snap.procs.get(5) ?? proc(0, 0))).toEqual({ pid: 5, host: '127.0.0.1', port: 9999 });
    expect(parseServerTitle(snap.procs.get(9) ?? proc(0, 0))).toEqual({ pid: 9, host: '[::1]', port: 4000 });
  });

  it('matches names and command lines, never procview itself', () => {
    expect(nameSeeds(snap, [], 'chat-server', 99)).toEqual([5, 9]);
  });
});

describe('whole screen', () => {
  it('computes every pane from one frame, all strings inert', () => {
    const snap = snapshot([proc(1, 0), proc(2, 1, { comm: '\u001b[31m', args: '{blink}\u0007' })]);
    const watch = advanceWatch(
      initialWatch(ALL),
      {
        seq: 1,
        begunAt: 0,
        snapshot: snap,
        previous: undefined,
        events: [],
        host: { uptimeSeconds: 100, load: [1, 2, 3] },
        intervalMs: 1000,
      },
      [],
    );
    const view = { ...initialViewState(false), cursor: 1 };
    const rows = computeRows(watch, view);
    const model = computeScreen({
      watch,
      view,
      rows,
      layout: computeLayout(130, 40, false, 'events'),
      header: { version: '0.1.0', scope: 'all processes', systemTotal: undefined },
      side: undefined,
      canSay: false,
      now: snap.takenAt,
    });
    expect(marked(model.header[1] ?? { spans: [] })).toContain('Tasks: 2 total');
    expect(marked(model.header[0] ?? { spans: [] })).toContain('load average: 1.00, 2.00, 3.00');
    expect(marked(model.header[0] ?? { spans: [] })).toContain('every 1 s');
    const everything = JSON.stringify(model);
    expect(everything).not.toMatch(/\\u00(0|1)[0-9a-f]|\\u007f/i);
    expect(everything).toContain('{blink}?');
  });

  it("the events pane's title says when its oldest lines are no longer kept", () => {
    const snap = snapshot([proc(1, 0)]);
    const frame = {
      seq: 1,
      begunAt: 0,
      snapshot: snap,
      previous: undefined,
      events: [],
      host: { uptimeSeconds: 100, load: [1, 2, 3] as const },
      intervalMs: 1000,
    };
    const watch = advanceWatch(initialWatch(ALL), frame, []);
    const title = (total: number): string => {
      let timeline = EMPTY_TIMELINE;
      for (let i = 0; i < total; i += 1) timeline = noteTimeline(timeline, { at: i, kind: 'action', pid: 1, text: `line ${i}` });
      const view = initialViewState(false);
      return (
        computeScreen({
          watch: { ...watch, timeline },
          view,
          rows: computeRows(watch, view),
          layout: computeLayout(130, 40, false, 'events'),
          header: { version: '0.1.0', scope: 'all processes', systemTotal: undefined },
          side: undefined,
          canSay: false,
          now: snap.takenAt,
        }).events?.title ?? ''
      );
    };
    expect(title(TIMELINE_LIMIT)).toBe(`Events (${TIMELINE_LIMIT})`);
    expect(title(TIMELINE_LIMIT + 416)).toBe(`Events (last ${TIMELINE_LIMIT} of ${TIMELINE_LIMIT + 416})`);
  });
});

describe('header line', () => {
  const snap = snapshot([proc(1, 0)]);
  const frame = (sourceWords: string, uptimeSeconds: number) =>
    advanceWatch(
      initialWatch(ALL),
      { seq: 1, begunAt: 0, snapshot: snap, previous: undefined, events: [], host: { uptimeSeconds, load: [10.5, 2, 3] }, intervalMs: 1000, sourceWords },
      [],
    );
  const first = (width: number, sourceWords: string, uptimeSeconds = 3 * 86_400 + 7200): string => {
    const watch = frame(sourceWords, uptimeSeconds);
    const view = initialViewState(false);
    const model = computeScreen({
      watch,
      view,
      rows: computeRows(watch, view),
      layout: computeLayout(width, 40, false, 'events'),
      header: { version: '0.1.0', scope: 'all processes', systemTotal: undefined },
      side: undefined,
      canSay: false,
      now: snap.takenAt,
    });
    return marked(model.header[0] ?? { spans: [] });
  };

  it('keeps the event source readable where the chart leaves 80 columns: the load loses its label first, then the version', () => {
    expect(first(160, 'events: kernel')).toBe('procview 0.1.0 · up 3 days, 2:00 · load average: 10.50, 2.00, 3.00 · every 1 s · events: kernel');
    expect(first(120, 'events: kernel', 7200)).toBe('procview 0.1.0 · up 2:00 · load 10.50 2.00 3.00 · every 1 s · events: kernel');
    expect(first(120, 'events: kernel')).toBe('procview · up 3 days, 2:00 · load 10.50 2.00 3.00 · every 1 s · events: kernel');
    // Longer still: cut at the edge, as before.
    const cut = first(120, 'events: polling 1 s (kernel events need root)', 7200);
    expect(cut.startsWith('procview · up 2:00 · load 10.50 2.00 3.00 · every 1 s · events: polling 1 s'), cut).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('unknown is shown as unknown, never as 0', () => {
  // Wide enough for the detail column beside the list.
  const layout = computeLayout(200, 40, false, 'events');
  const header = { version: '0.1.0', scope: 'all processes', systemTotal: undefined };

  it('before the first frame: no refresh interval, no host figures, nothing selected', () => {
    const watch = initialWatch(ALL);
    const view = initialViewState(false);
    const model = computeScreen({ watch, view, rows: computeRows(watch, view), layout, header, side: undefined, canSay: false, now: undefined });
    expect(marked(model.header[0] ?? { spans: [] })).toContain('reading…');
    expect(marked(model.header[0] ?? { spans: [] })).not.toMatch(/every|\b0 s\b/);
    expect(markedAll(model.detail?.lines)).toEqual(['No process selected.']);
  });

  it('uptime and load the system could not give are ?, and with no clock a start time has no age', () => {
    const snap = snapshot([proc(1, 0)]);
    const watch = advanceWatch(
      initialWatch(ALL),
      {
        seq: 1,
        begunAt: 0,
        snapshot: snap,
        previous: undefined,
        events: [],
        host: { uptimeSeconds: undefined, load: undefined },
        intervalMs: 500,
      },
      [],
    );
    const view = initialViewState(false);
    const rows = computeRows(watch, view);
    const known = computeScreen({ watch, view, rows, layout, header, side: undefined, canSay: false, now: snap.takenAt + 5000 });
    expect(marked(known.header[0] ?? { spans: [] })).toContain('up ? · load average: ? · every 0.5 s');
    // 104.999 s (the builder starts pid 1 a millisecond after the second): whole seconds, rounded down.
    expect(markedAll(known.detail?.lines).join('\n')).toMatch(/Started<\/label> \d\d:\d\d:\d\d \(1m44s ago\)/);
    const unknown = computeScreen({ watch, view, rows, layout, header, side: undefined, canSay: false, now: undefined });
    expect(markedAll(unknown.detail?.lines).join('\n')).toMatch(/Started<\/label> \d\d:\d\d:\d\d\n/);
  });
});

describe('tall panels', () => {
  it('show a window with markers for what is above and below', async () => {
    const { scrolled } = await import('../../../src/ui/model/screen.js');
    const { textLine } = await import('../../../src/ui/model/styled.js');
    const lines = Array.from({ length: 10 }, (_, i) => textLine(`line ${i}`));
    expect(scrolled(lines, 0, 20)).toEqual(lines);
    const first = markedAll(scrolled(lines, 0, 4));
    expect(first.slice(0, 3)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(first[3]).toContain('more below');
    const last = markedAll(scrolled(lines, 99, 4));
    expect(last[0]).toContain('more above');
    expect(last.slice(1)).toEqual(['line 7', 'line 8', 'line 9']);
  });
});
