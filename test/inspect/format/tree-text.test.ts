// formatTree on hand-made trees. The expected text of the first tests is what
// psmisc pstree 23.6 printed (`pstree -U PID`, `pstree -pU PID`, Debian 12) for
// real process trees of the same shape and the same pids, made with
// `sh -c 'sleep 300 & … & wait'`; copied here so the test runs without pstree
// (test/cli/tree.test.ts compares with pstree live).
import { describe, expect, it } from 'vitest';
import { formatThread, formatTree } from '../../../src/inspect/format/tree-text.js';
import { buildTree } from '../../../src/inspect/tree.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { proc, snapshot } from '../diff-builders.js';

/** `[pid, ppid, comm]` rows to a forest. */
function forestOf(rows: readonly (readonly [number, number, string])[], extra: readonly ProcInfo[] = []): ReturnType<typeof buildTree> {
  return buildTree(snapshot([...rows.map(([pid, ppid, comm]) => proc({ pid, ppid, comm })), ...extra]));
}

// sh -c 'sleep 300 & sleep 300 & sh -c "sleep 300; true" & sh -c "sleep 300; true" &
//        sh -c "sleep 300 & sleep 300 & wait" & sh -c "sh -c \"sleep 300; true\"; true" & cat … & wait'
const MIXED = [
  [18602, 1, 'sh'],
  [18606, 18602, 'sleep'],
  [18607, 18602, 'sleep'],
  [18608, 18602, 'sh'],
  [18609, 18602, 'sh'],
  [18610, 18602, 'sh'],
  [18611, 18602, 'sh'],
  [18612, 18602, 'cat'],
  [18613, 18608, 'sleep'],
  [18614, 18609, 'sleep'],
  [18615, 18610, 'sleep'],
  [18616, 18610, 'sleep'],
  [18617, 18611, 'sh'],
  [18618, 18617, 'sleep'],
] as const;

// Two sh with a cat and a sleep each, two sh with two sleeps each, a sh with one sleep, a sleep.
const FOLDED_BRANCHES = [
  [23177, 1, 'sh'],
  [23179, 23177, 'sh'],
  [23180, 23177, 'sh'],
  [23181, 23177, 'sh'],
  [23182, 23177, 'sh'],
  [23183, 23177, 'sleep'],
  [23184, 23177, 'sh'],
  [23185, 23180, 'sleep'],
  [23186, 23180, 'cat'],
  [23187, 23179, 'sleep'],
  [23188, 23179, 'cat'],
  [23189, 23181, 'sleep'],
  [23190, 23181, 'sleep'],
  [23191, 23184, 'sleep'],
  [23192, 23182, 'sleep'],
  [23193, 23182, 'sleep'],
] as const;

describe('formatTree, as pstree draws', () => {
  it('folds identical leaves after ─── when they are the only kind of child', () => {
    const forest = forestOf([
      [18593, 1, 'sh'],
      [18597, 18593, 'sleep'],
      [18598, 18593, 'sleep'],
      [18599, 18593, 'sleep'],
    ]);
    expect(formatTree(forest)).toEqual(['sh───3*[sleep]']);
    expect(formatTree(forest, { pids: true })).toEqual(['sh(18593)─┬─sleep(18597)', '          ├─sleep(18598)', '          └─sleep(18599)']);
  });

  it('joins single-child chains on one line and folds identical chains', () => {
    const forest = forestOf([
      [18595, 1, 'sh'],
      [18600, 18595, 'sh'],
      [18601, 18595, 'sh'],
      [18603, 18600, 'sleep'],
      [18605, 18601, 'sleep'],
    ]);
    expect(formatTree(forest)).toEqual(['sh───2*[sh───sleep]']);
    expect(formatTree(forest, { pids: true })).toEqual(['sh(18595)─┬─sh(18600)───sleep(18603)', '          └─sh(18601)───sleep(18605)']);
  });

  it('sorts siblings by name and folds alike subtrees wherever they stand', () => {
    expect(formatTree(forestOf(MIXED))).toEqual(['sh─┬─cat', '   ├─2*[sh───sleep]', '   ├─sh───2*[sleep]', '   ├─sh───sh───sleep', '   └─2*[sleep]']);
  });

  it('with pids, folds nothing and still sorts by name', () => {
    expect(formatTree(forestOf(MIXED), { pids: true })).toEqual([
      'sh(18602)─┬─cat(18612)',
      '          ├─sh(18608)───sleep(18613)',
      '          ├─sh(18609)───sleep(18614)',
      '          ├─sh(18610)─┬─sleep(18615)',
      '          │           └─sleep(18616)',
      '          ├─sh(18611)───sh(18617)───sleep(18618)',
      '          ├─sleep(18606)',
      '          └─sleep(18607)',
    ]);
  });

  it('closes a folded subtree with branches on every line that ends inside it, and nests folds', () => {
    expect(formatTree(forestOf(FOLDED_BRANCHES))).toEqual([
      'sh─┬─2*[sh─┬─cat]',
      '   │       └─sleep]',
      '   ├─2*[sh───2*[sleep]]',
      '   ├─sh───sleep',
      '   └─sleep',
    ]);
  });

  it('folds alike subtrees that are not next to each other, at the place of the first', () => {
    const forest = forestOf([
      [10, 1, 'sh'],
      [11, 10, 'sh'],
      [12, 10, 'sh'],
      [13, 10, 'sh'],
      [21, 11, 'sleep'],
      [22, 12, 'sleep'],
      [23, 12, 'sleep'],
      [24, 13, 'sleep'],
    ]);
    expect(formatTree(forest)).toEqual(['sh─┬─2*[sh───sleep]', '   └─sh───2*[sleep]']);
  });

  it('does not fold namesakes whose subtrees differ', () => {
    const forest = forestOf([
      [10, 1, 'bash'],
      [11, 10, 'sleep'],
      [12, 10, 'sleep'],
      [15, 10, 'sleep'],
      [16, 15, 'cat'],
    ]);
    expect(formatTree(forest)).toEqual(['bash─┬─2*[sleep]', '     └─sleep───cat']);
  });
});

describe('formatTree, sibling order', () => {
  it('orders by name, then uid, then pid', () => {
    const parent = proc({ pid: 10, ppid: 1, comm: 'bash' });
    const children = [
      proc({ pid: 11, ppid: 10, comm: 'b', uid: 1000 }),
      proc({ pid: 12, ppid: 10, comm: 'a', uid: 1000 }),
      proc({ pid: 13, ppid: 10, comm: 'b', uid: 0 }),
      proc({ pid: 14, ppid: 10, comm: 'B', uid: 0 }),
      proc({ pid: 15, ppid: 10, comm: 'b', uid: 0 }),
    ];
    expect(formatTree(buildTree(snapshot([parent, ...children])), { pids: true })).toEqual([
      'bash(10)─┬─B(14)',
      '         ├─a(12)',
      '         ├─b(13)',
      '         ├─b(15)',
      '         └─b(11)',
    ]);
  });

  it('compares names by code point (UTF-8 byte order, as strcmp), not by UTF-16 unit', () => {
    const parent = proc({ pid: 10, ppid: 1, comm: 'sh' });
    const emoji = proc({ pid: 11, ppid: 10, comm: 'x\u{1f600}' });
    const privateUse = proc({ pid: 12, ppid: 10, comm: 'x\ue000' });
    expect(formatTree(buildTree(snapshot([parent, emoji, privateUse])))).toEqual(['sh─┬─x\ue000', '   └─x\u{1f600}']);
  });
});

describe('formatTree, procview additions', () => {
  it('marks zombies <defunct>, keeping them apart from live namesakes', () => {
    const shell = proc({ pid: 10, ppid: 1, comm: 'bash' });
    const live = [11, 12].map((pid) => proc({ pid, ppid: 10, comm: 'sleep' }));
    const zombies = [40, 41].map((pid) => proc({ pid, ppid: 10, comm: 'sleep', state: 'Z', stat: 'Z', args: '' }));
    expect(formatTree(buildTree(snapshot([shell, ...live, ...zombies])))).toEqual(['bash─┬─2*[sleep]', '     └─2*[sleep <defunct>]']);
    expect(formatTree(buildTree(snapshot([shell, ...zombies])), { pids: true })).toEqual(['bash(10)─┬─sleep(40) <defunct>', '         └─sleep(41) <defunct>']);
  });

  it('sanitizes hostile names, shows ? for an unknown one (sorted as ?), and aligns by display width', () => {
    const shell = proc({ pid: 10, ppid: 1, comm: 'bash' });
    const hostile = proc({ pid: 50, ppid: 10, comm: 'x\u001b[2J\ny\u009b' });
    const nameless = proc({ pid: 51, ppid: 10, comm: undefined });
    expect(formatTree(buildTree(snapshot([shell, hostile, nameless])))).toEqual(['bash─┬─?', '     └─x?[2J?y?']);
    const wide = proc({ pid: 60, ppid: 1, comm: '日本' });
    const kids = [61, 62].map((pid) => proc({ pid, ppid: 60, comm: pid === 61 ? 'a' : 'b' }));
    expect(formatTree(buildTree(snapshot([wide, ...kids])))).toEqual(['日本─┬─a', '     └─b']);
  });

  it('draws every root of a forest from the left edge, in pid order', () => {
    const forest = forestOf([
      [1, 0, 'init'],
      [30, 1, 'cron'],
      [2, 0, 'kthreadd'],
      [3, 2, 'kworker/0:0'],
      [4, 2, 'kworker/0:1'],
    ]);
    expect(formatTree(forest)).toEqual(['init───cron', 'kthreadd─┬─kworker/0:0', '         └─kworker/0:1']);
  });

  it('draws a very deep chain, and a branch at its bottom, without recursion', () => {
    const depth = 20_000;
    const chain = Array.from({ length: depth }, (_, i) => proc({ pid: i + 1, ppid: i, comm: 'sh' }));
    const bottom = [proc({ pid: depth + 1, ppid: depth, comm: 'a' }), proc({ pid: depth + 2, ppid: depth, comm: 'b' })];
    const lines = formatTree(buildTree(snapshot([...chain, ...bottom])));
    const top = 'sh───'.repeat(depth - 1);
    expect(lines).toEqual([`${top}sh─┬─a`, `${' '.repeat(top.length + 3)}└─b`]);
  });
});

describe('formatTree, threads (as pstree draws them)', () => {
  // What psmisc pstree 23.6 printed for python3 with three threads (`pstree -U PID`, `pstree -pU PID`, `pstree -tU PID`).
  const python = proc({ pid: 31759, ppid: 1, comm: 'python3', threads: 4 });
  const threads = new Map([[31759, [32029, 32030, 32031].map((tid, i) => ({ tid, comm: `worker${i}` }))]]);

  it('draws the threads of a process as its children {name}, folded without pids', () => {
    const forest = buildTree(snapshot([python]));
    expect(formatTree(forest, { threads })).toEqual(['python3───3*[{python3}]']);
    expect(formatTree(forest, { threads, pids: true })).toEqual([
      'python3(31759)─┬─{python3}(32029)',
      '               ├─{python3}(32030)',
      '               └─{python3}(32031)',
    ]);
    expect(formatTree(forest, { threads, threadNames: true })).toEqual(['python3─┬─{worker0}', '        ├─{worker1}', '        └─{worker2}']);
    expect(formatTree(forest)).toEqual(['python3']);
  });

  it('sorts threads among child processes by name ({ after the letters)', () => {
    const child = proc({ pid: 31800, ppid: 31759, comm: 'sleep' });
    const upper = proc({ pid: 31801, ppid: 31759, comm: '~tilde' });
    expect(formatTree(buildTree(snapshot([python, child, upper])), { threads })).toEqual(['python3─┬─sleep', '        ├─3*[{python3}]', '        └─~tilde']);
  });

  it('draws a thread alone by its id', () => {
    const [thread] = threads.get(31759) ?? [];
    expect(thread === undefined ? [] : formatThread(python, thread, { pids: true })).toEqual(['{python3}(32029)']);
    expect(thread === undefined ? [] : formatThread(python, thread, {})).toEqual(['{python3}']);
  });

  it('does not call a process defunct whose exited leader still has threads running (pstree: zleader───{zleader})', () => {
    const leader = proc({ pid: 11312, ppid: 1, comm: 'zleader', state: 'Z', stat: 'Zl', threads: 2 });
    const its = new Map([[11312, [{ tid: 11313, comm: undefined }]]]);
    expect(formatTree(buildTree(snapshot([leader])), { threads: its })).toEqual(['zleader───{zleader}']);
    expect(formatTree(buildTree(snapshot([leader])), { threads: its, pids: true })).toEqual(['zleader(11312)───{zleader}(11313)']);
  });
});

describe('formatTree, cut at the output width as pstree cuts', () => {
  // `sh -c 'sleep 30 & sleep 30 & exec sleep 31'` under COLUMNS=N pstree -pU (23.6): the first N - 1
  // columns, then `+`; a label that reaches the edge gets `+` and its children are not drawn.
  const forest = forestOf([
    [1247, 1, 'sleep'],
    [1248, 1247, 'sleep'],
    [1249, 1247, 'sleep'],
  ]);
  const at = (width: number): string[] => formatTree(forest, { pids: true, width });

  it('writes W - 1 columns and a +, so a line of exactly W columns is cut too', () => {
    expect(at(26)).toEqual(['sleep(1247)─┬─sleep(1248)', '            └─sleep(1249)']);
    expect(at(25)).toEqual(['sleep(1247)─┬─sleep(1248+', '            └─sleep(1249+']);
    expect(at(20)).toEqual(['sleep(1247)─┬─sleep+', '            └─sleep+']);
    expect(at(13)).toEqual(['sleep(1247)─+', '            +']);
    expect(at(1)).toEqual(['+']);
  });

  it('leaves out the children of a label that reaches the edge, so no line is left without text', () => {
    expect(at(12)).toEqual(['sleep(1247)+']);
    expect(at(11)).toEqual(['sleep(1247+']);
    const deep = forestOf([
      [10, 1, 'tmux: server'],
      [11, 10, 'bash'],
      [12, 11, 'bash'],
      [13, 12, 'vim'],
      [14, 12, 'less'],
      [15, 10, 'bash'],
    ]);
    const lines = formatTree(deep, { pids: true, width: 30 });
    expect(lines).toEqual(['tmux: server(10)─┬─bash(11)──+', '                 └─bash(15)']);
    for (const line of formatTree(deep, { pids: true, width: 24 })) expect(line).toMatch(/[^│ ]/u);
  });

  it('counts terminal cells: a wide character that would cross the edge becomes the +', () => {
    const wide = forestOf([[60, 1, '日本語']]);
    expect(formatTree(wide, { width: 6 })).toEqual(['日本+']);
    expect(formatTree(wide, { width: 7 })).toEqual(['日本語']);
  });

  it('draws whole lines without a width (pstree -l)', () => {
    expect(formatTree(forest, { pids: true })).toEqual(['sleep(1247)─┬─sleep(1248)', '            └─sleep(1249)']);
  });
});
