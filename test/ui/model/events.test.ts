import { describe, expect, it } from 'vitest';
import type { ProcEvent } from '../../../src/inspect/types.js';
import { actionLine, eventLine, eventSentence } from '../../../src/ui/model/events.js';
import { eventLines, FILTER_MEMORY_LIMIT, filterEventLines, holdEventsScroll, NO_FILTER_MEMORY, rememberMatches } from '../../../src/ui/model/screen.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { markedAll } from './fixtures.js';
import { appendTimeline, EMPTY_TIMELINE, TIMELINE_LIMIT, type Timeline } from '../../../src/ui/model/timeline.js';

const at = new Date(2024, 0, 1, 9, 5, 7).getTime();
const names: Record<number, string> = { 1: 'systemd', 4311: 'bash', 877: 'tmux', 4400: 'sshd' };
const nameOf = (pid: number): string | undefined => names[pid];

describe('event sentences', () => {
  it('words every kind, with the names of the processes involved', () => {
    const cases: [ProcEvent, string][] = [
      [{ kind: 'spawn', at, pid: 4312, comm: 'sleep', ppid: 4311 }, '4312 (sleep) started, child of 4311 (bash)'],
      // Read under PID 1, its fork not seen: init is not named as the one that started it.
      [{ kind: 'spawn', at, pid: 4312, comm: 'sleep', ppid: 1 }, '4312 (sleep) first seen, under 1 (systemd); who started it was not seen'],
      [{ kind: 'spawn', at, pid: 4312, comm: 'sleep', ppid: 1, source: 'kernel' }, '4312 (sleep) started, child of 1 (systemd)'],
      [{ kind: 'exit', at, pid: 4312, comm: 'sleep', ppid: 4311 }, '4312 (sleep) exited (parent 4311 (bash))'],
      [{ kind: 'zombie', at, pid: 4312, comm: 'sleep', ppid: 4311 }, '4312 (sleep) became a zombie: parent 4311 (bash) has not reaped it'],
      [{ kind: 'reap', at, pid: 4312, comm: 'sleep', by: 4311 }, '4312 (sleep) reaped by 4311 (bash)'],
      [{ kind: 'reap', at, pid: 4312, comm: 'sleep', by: undefined }, '4312 (sleep) is gone: its zombie was reaped'],
      [
        { kind: 'reap', at, pid: 4312, comm: 'sleep', by: 4311, status: { code: 2, signal: undefined, coreDumped: false } },
        '4312 (sleep) reaped by 4311 (bash) (exited 2)',
      ],
      [
        { kind: 'reap', at, pid: 4312, comm: 'sleep', by: undefined, kernelReapedFor: 4311, inferred: 'its exit report named no parent' },
        '4312 (sleep) reaped by the kernel at its exit, never a zombie: its parent 4311 (bash) ignores SIGCHLD (inferred: SIGCHLD is in the SigIgn mask of /proc/4311/status)',
      ],
      [
        { kind: 'reap', at, pid: 4312, comm: 'sleep', by: undefined, releasedFor: 4311, inferred: 'its exit report named no parent' },
        "4312 (sleep) reaped as it exited, never read as a zombie (inferred: its exit report named no parent, so it was already released; its parent 4311 (bash) does not ignore SIGCHLD, so that parent's wait() took the child at that moment, or that parent set SA_NOCLDWAIT and the kernel did)",
      ],
      [
        {
          kind: 'reap',
          at,
          pid: 4312,
          comm: 'sleep',
          by: 4311,
          inferred: 'gone by the first read after its exit, never read as a zombie, while its parent lived',
        },
        '4312 (sleep) reaped by its parent 4311 (bash) (inferred: gone by the first read after its exit, never read as a zombie, while that parent lived)',
      ],
      [
        { kind: 'reap', at, pid: 4312, comm: 'sleep', by: undefined, lastParent: 4311, inferred: 'found gone as its parent 4311 exited' },
        '4312 (sleep) reaped by its parent 4311 (bash) (or by its adopter, if that parent exited first; inferred: found gone once its parent had exited)',
      ],
      [
        { kind: 'reparent', at, pid: 4313, comm: 'sleep', from: 4312, to: 1, orphaned: true, adopter: 'init' },
        '4313 (sleep) orphaned: parent 4312 exited, adopted by 1 (systemd)',
      ],
      [
        { kind: 'reparent', at, pid: 4313, comm: 'sleep', from: 4312, to: 877, orphaned: true, adopter: 'subreaper' },
        '4313 (sleep) orphaned: parent 4312 exited, adopted by 877 (tmux, a subreaper)',
      ],
      [
        { kind: 'reparent', at, pid: 4313, comm: 'sleep', from: 4311, to: 4400, orphaned: false, adopter: undefined },
        '4313 (sleep) reparented: parent 4311 (bash) → 4400 (sshd)',
      ],
      [{ kind: 'exec', at, pid: 4312, comm: 'sleep', fromComm: 'bash', fromArgs: 'bash -c sleep 9', args: 'sleep 9' }, '4312 exec: bash -c sleep 9 → sleep 9'],
      [
        { kind: 'exec', at, pid: 4312, comm: 'orphdemo', nameFrom: 4313, fromComm: 'bash', fromArgs: 'bash', args: undefined },
        "4312 exec: bash → orphdemo (the name its child 4313 was forked with: a fork copies its parent's name)",
      ],
      [{ kind: 'stop', at, pid: 4312, comm: 'sleep' }, '4312 (sleep) stopped (T): SIGCONT resumes it'],
      [
        { kind: 'stop', at, pid: 4312, comm: 'sleep', traced: true },
        '4312 (sleep) stopped by its tracer (t): the tracer resumes it (ptrace), SIGCONT does not',
      ],
      [{ kind: 'continue', at, pid: 4312, comm: 'sleep' }, '4312 (sleep) continued'],
      [{ kind: 'renice', at, pid: 4312, comm: 'sleep', from: 0, to: 5 }, '4312 (sleep) reniced: nice 0 → 5'],
      [{ kind: 'rename', at, pid: 4312, comm: 'worker', from: 'renamec' }, '4312 renamed: renamec → worker (its name only, no exec: prctl or /proc/PID/comm)'],
      [
        { kind: 'rename', at, pid: 4312, comm: 'hfwatch', from: undefined },
        '4312 named itself hfwatch (its name only, no exec: prctl or /proc/PID/comm; the name before was not read)',
      ],
    ];
    for (const [event, sentence] of cases) expect(eventSentence(event, nameOf)).toBe(sentence);
  });

  it('starts every line with the time the change was seen', () => {
    expect(eventLine({ kind: 'continue', at, pid: 9, comm: 'x' }, nameOf).text).toBe('09:05:07 9 (x) continued');
  });

  it('sanitizes a line when it is made, and draws it cut to the pane, marked with its kind', () => {
    const line = eventLine({ kind: 'exec', at, pid: 9, comm: 'x', fromComm: 'sh', fromArgs: 'sh', args: '\u001b]0;pwned\u0007{red-fg}x' }, nameOf);
    expect(line.text).toBe('09:05:07 9 exec: sh → ?]0;pwned?{red-fg}x');
    const [drawn] = markedAll(eventLines([line], 60, 5));
    expect(drawn).toMatch(/^<event-exec>09:05:07 9 exec: sh → \?\]0;pwned\?\{red-fg\}x {19}<\/event-exec>$/);
    // Too narrow for the whole: what it became, not what it was.
    expect(markedAll(eventLines([line], 20, 5))[0]).toBe('<event-exec>09:05:07 9 exec: ?]…</event-exec>');
  });

  it('says what an exec became where the pane is too narrow for what it was as well', () => {
    const line = eventLine(
      {
        kind: 'exec',
        at,
        pid: 21875,
        comm: 'node',
        fromComm: 'procview lesson',
        fromArgs: 'procview lesson zombie: parent --procview-demo=zombie:21844',
        args: '/usr/bin/node ~/procview/dist/demos/children/sleeper.js role=child',
      },
      nameOf,
    );
    expect(markedAll(eventLines([line], 64, 5))[0]).toBe('<event-exec>09:05:07 21875 exec: /usr/bin/node ~/procview/dist/demos/childr…</event-exec>');
    // Wide enough: both.
    expect(markedAll(eventLines([line], 160, 5))[0]).toMatch(/exec: procview lesson zombie: parent --procview-demo=zombie:21844 → \/usr\/bin\/node/u);
  });

  it('quotes the first 1000 characters of a long command line and counts the rest', () => {
    const args = `./longargv ${'b'.repeat(3000)}`;
    const sentence = eventSentence({ kind: 'exec', at, pid: 9, comm: 'longargv', fromComm: 'sh', fromArgs: args, args }, nameOf);
    expect(sentence).toBe(
      `9 exec: ${args.slice(0, 1000)}… (2011 more characters: --json has them all) → ${args.slice(0, 1000)}… (2011 more characters: --json has them all)`,
    );
    expect(eventSentence({ kind: 'exec', at, pid: 9, comm: 'ls', fromComm: 'sh', fromArgs: undefined, args: 'ls -l' }, nameOf)).toBe('9 exec: sh → ls -l');
    // Its name read, not its command line: said to be only that (`wc`, where it ran `wc -l`).
    expect(eventSentence({ kind: 'exec', at, pid: 9, comm: 'wc', fromComm: 'sh', fromArgs: undefined, args: undefined }, nameOf)).toBe(
      '9 exec: sh → wc (its name; its command line was not read)',
    );
  });
});

describe('timeline', () => {
  const spawn = (pid: number): ProcEvent => ({ kind: 'spawn', at, pid, comm: 'c', ppid: 1 });

  it('keeps only events about the scope', () => {
    const timeline = appendTimeline(EMPTY_TIMELINE, [spawn(5), spawn(6), spawn(7)], (pid) => pid !== 6, nameOf);
    expect(timeline.lines.map((l) => l.pid)).toEqual([5, 7]);
    expect(timeline.total).toBe(2);
  });

  it("names a parent as it was at the event, not by a program it exec'd later in the same frame", () => {
    const events: ProcEvent[] = [
      { kind: 'exit', at, pid: 9475, comm: 'sleep', ppid: 9474, status: undefined },
      { kind: 'exec', at: at + 1, pid: 9474, comm: 'sleep', fromComm: 'sh', fromArgs: 'sh -c x', args: 'sleep 2' },
    ];
    const timeline = appendTimeline(
      EMPTY_TIMELINE,
      events,
      () => true,
      (pid) => (pid === 9474 ? 'sleep' : undefined),
    );
    expect(timeline.lines[0]?.text).toMatch(/9475 \(sleep\) exited \(parent 9474 \(sh\)\)$/u);
  });

  it("names a spawn nobody read by its parent's name", () => {
    const timeline = appendTimeline(EMPTY_TIMELINE, [{ kind: 'spawn', at, pid: 4312, comm: undefined, ppid: 4311, source: 'kernel' }], () => true, nameOf);
    expect(timeline.lines[0]?.text).toMatch(/4312 \(bash\) started, child of 4311 \(bash\)$/u);
  });

  it('returns the same object when nothing was added, and keeps at most the limit', () => {
    expect(appendTimeline(EMPTY_TIMELINE, [], () => true, nameOf)).toBe(EMPTY_TIMELINE);
    const many = Array.from({ length: TIMELINE_LIMIT + 10 }, (_, i) => spawn(i + 2));
    const timeline = appendTimeline(EMPTY_TIMELINE, many, () => true, nameOf);
    expect(timeline.lines).toHaveLength(TIMELINE_LIMIT);
    expect(timeline.lines[0]?.pid).toBe(12);
    expect(timeline.total).toBe(TIMELINE_LIMIT + 10);
  });
});

describe('the / filter on the events pane', () => {
  const lines = (events: ProcEvent[]) => events.map((event) => eventLine(event, nameOf));
  const sleeper: ProcEvent[] = [
    { kind: 'spawn', at, pid: 4312, comm: 'bash', ppid: 4311 },
    { kind: 'exec', at, pid: 4312, comm: 'sleep', args: 'sleep 300', fromComm: 'bash', fromArgs: undefined },
    { kind: 'spawn', at, pid: 4320, comm: 'cat', ppid: 4311 },
    { kind: 'zombie', at, pid: 4312, comm: 'sleep', ppid: 4311 },
    { kind: 'reap', at, pid: 4312, comm: 'sleep', by: 4311 },
    // The pid again, for another program: another process.
    { kind: 'spawn', at, pid: 4312, comm: 'vim', ppid: 4311 },
  ];
  const texts = (kept: readonly { text: string }[]) => kept.map((line) => line.text.slice(9));

  it('keeps every line of a process one of its lines matched, though the zombie and reap lines lack its command line', () => {
    expect(texts(filterEventLines(lines(sleeper), 'SLEEP 300'))).toEqual([
      '4312 (bash) started, child of 4311 (bash)',
      '4312 exec: bash → sleep 300',
      '4312 (sleep) became a zombie: parent 4311 (bash) has not reaped it',
      '4312 (sleep) reaped by 4311 (bash)',
    ]);
  });

  it('keeps the lines of a process the list shows (its latest start), and everything when the filter is empty', () => {
    const shown = rememberMatches(NO_FILTER_MEMORY, 'editor', [4312], lines(sleeper));
    expect(texts(filterEventLines(lines(sleeper), 'editor', shown.lives))).toEqual(['4312 (vim) started, child of 4311 (bash)']);
    expect(filterEventLines(lines(sleeper), ' ', new Set())).toHaveLength(sleeper.length);
  });

  // A sleeper running before procview started: no start or exec line says its command line.
  const before: ProcEvent[] = [
    { kind: 'stop', at, pid: 772, comm: 'sleep' },
    { kind: 'continue', at, pid: 772, comm: 'sleep' },
    { kind: 'spawn', at, pid: 900, comm: 'cat', ppid: 4311 },
  ];

  it("keeps the lines of a process the filter matched as a row after it exits, the user's own signal line too", () => {
    let memory = rememberMatches(NO_FILTER_MEMORY, 'sleep 77', [772], lines(before));
    const after = [
      ...lines(before),
      actionLine(at, 772, true, 'sent SIGTERM to 772 (sleep)'),
      eventLine({ kind: 'exit', at, pid: 772, comm: 'sleep', ppid: 4311 }, nameOf),
      eventLine({ kind: 'reap', at, pid: 772, comm: 'sleep', by: 4311 }, nameOf),
    ];
    // The next draw: 772 is no row any more, and none of its lines says "sleep 77".
    memory = rememberMatches(memory, 'sleep 77', [], after);
    expect(texts(filterEventLines(after, 'sleep 77', memory.lives))).toEqual([
      '772 (sleep) stopped (T): SIGCONT resumes it',
      '772 (sleep) continued',
      'sent SIGTERM to 772 (sleep)',
      '772 (sleep) exited (parent 4311 (bash))',
      '772 (sleep) reaped by 4311 (bash)',
    ]);
  });

  it('does not take in a later process that reuses a remembered pid, and forgets when the filter changes', () => {
    const memory = rememberMatches(NO_FILTER_MEMORY, 'sleep 77', [772], lines(before));
    const reused = [
      ...lines(before),
      eventLine({ kind: 'exit', at, pid: 772, comm: 'sleep', ppid: undefined }, nameOf),
      eventLine({ kind: 'spawn', at: at + 5, pid: 772, comm: 'vim', ppid: 4311 }, nameOf),
    ];
    expect(texts(filterEventLines(reused, 'sleep 77', memory.lives))).toEqual([
      '772 (sleep) stopped (T): SIGCONT resumes it',
      '772 (sleep) continued',
      '772 (sleep) exited (parent an unknown process)',
    ]);
    expect(rememberMatches(memory, 'sleep', [], reused).lives.size).toBe(0);
    expect(rememberMatches(memory, 'Sleep 77 ', [], reused)).toBe(memory);
  });

  it('remembers a bounded number of processes, the oldest forgotten first', () => {
    let memory = NO_FILTER_MEMORY;
    for (let pid = 1; pid <= FILTER_MEMORY_LIMIT + 10; pid += 1) memory = rememberMatches(memory, 'x', [pid], []);
    expect(memory.lives.size).toBe(FILTER_MEMORY_LIMIT);
    expect(memory.lives.has('1@-Infinity')).toBe(false);
    expect(memory.lives.has(`${FILTER_MEMORY_LIMIT + 10}@-Infinity`)).toBe(true);
  });
});

describe('the events pane scrolled back', () => {
  const sleeps = (from: number, count: number): ProcEvent[] =>
    Array.from({ length: count }, (_, i) => ({ kind: 'spawn' as const, at, pid: from + i, comm: from + i >= 600 ? 'cat' : 'sleep', ppid: 4311 }));
  const shown = (timeline: Timeline, view: ViewState): string[] => {
    const kept = filterEventLines(timeline.lines, view.filter);
    return eventLines(kept, 80, 4, view.eventsScroll).map((line) =>
      line.spans
        .map((span) => span.text)
        .join('')
        .trim()
        .slice(9, 12),
    );
  };

  it('holds the lines it shows while new ones come in, as less does', () => {
    let timeline = appendTimeline(EMPTY_TIMELINE, sleeps(500, 20), () => true, nameOf);
    // Scrolled back 6 lines, and drawn once.
    let view = holdEventsScroll({ ...initialViewState(true), eventsScroll: 6 }, timeline);
    const before = shown(timeline, view);
    expect(before).toEqual(['510', '511', '512', '513']);
    timeline = appendTimeline(timeline, sleeps(520, 7), () => true, nameOf);
    view = holdEventsScroll(view, timeline);
    expect(view.eventsScroll).toBe(13);
    expect(shown(timeline, view)).toEqual(before);
    // Back at the newest, it follows them again.
    view = holdEventsScroll({ ...view, eventsScroll: 0 }, timeline);
    expect(view.eventsHeld).toBeUndefined();
  });

  it('never holds further back than the oldest line the timeline still keeps', () => {
    let timeline = appendTimeline(EMPTY_TIMELINE, sleeps(1000, TIMELINE_LIMIT), () => true, nameOf);
    let view = holdEventsScroll({ ...initialViewState(true), eventsScroll: TIMELINE_LIMIT - 4 }, timeline, new Set(), 4);
    // A thousand more lines push the held ones out: the hold stops at the oldest kept, a pane of 4 from the top.
    timeline = appendTimeline(timeline, sleeps(5000, 1000), () => true, nameOf);
    view = holdEventsScroll(view, timeline, new Set(), 4);
    expect(view.eventsScroll).toBe(TIMELINE_LIMIT - 4);
  });

  it('counts only the new lines the filter keeps', () => {
    let timeline = appendTimeline(EMPTY_TIMELINE, sleeps(500, 20), () => true, nameOf);
    let view = holdEventsScroll({ ...initialViewState(true), filter: 'sleep', eventsScroll: 6 }, timeline);
    const before = shown(timeline, view);
    // Three more sleeps, and four cats the filter hides.
    timeline = appendTimeline(timeline, [...sleeps(520, 3), ...sleeps(600, 4)], () => true, nameOf);
    view = holdEventsScroll(view, timeline);
    expect(view.eventsScroll).toBe(9);
    expect(shown(timeline, view)).toEqual(before);
  });
});
