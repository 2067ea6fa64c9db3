import { describe, expect, it } from 'vitest';
import { formatTree } from '../../../src/inspect/format/tree-text.js';
import { buildTree } from '../../../src/inspect/tree.js';
import { proc, snapshot } from '../diff-builders.js';

const init = proc({ pid: 1, ppid: 0, comm: 'init' });
const shell = proc({ pid: 10, ppid: 1, comm: 'bash' });
const sleeps = [11, 12, 14].map((pid) => proc({ pid, ppid: 10, comm: 'sleep' }));
const sh = proc({ pid: 13, ppid: 10, comm: 'sh' });
const shChild = proc({ pid: 20, ppid: 13, comm: 'sleep' });
const cron = proc({ pid: 30, ppid: 1, comm: 'cron' });

describe('formatTree', () => {
  it('draws ├─ └─ │ branches and folds identical sibling leaves into N*[name] at the first one', () => {
    const lines = formatTree(buildTree(snapshot([init, shell, ...sleeps, sh, shChild, cron])));
    expect(lines).toEqual(['init', '├─bash', '│ ├─3*[sleep]', '│ └─sh', '│   └─sleep', '└─cron']);
  });

  it('shows name(pid) and folds nothing with pids', () => {
    const lines = formatTree(buildTree(snapshot([init, shell, ...sleeps, sh, shChild, cron])), { pids: true });
    expect(lines).toEqual([
      'init(1)',
      '├─bash(10)',
      '│ ├─sleep(11)',
      '│ ├─sleep(12)',
      '│ ├─sh(13)',
      '│ │ └─sleep(20)',
      '│ └─sleep(14)',
      '└─cron(30)',
    ]);
  });

  it('does not fold a process that has children with its leaf namesakes', () => {
    const parentSleep = proc({ pid: 15, ppid: 10, comm: 'sleep' });
    const grandchild = proc({ pid: 16, ppid: 15, comm: 'cat' });
    const lines = formatTree(buildTree(snapshot([shell, ...sleeps, parentSleep, grandchild])));
    expect(lines).toEqual(['bash', '├─3*[sleep]', '└─sleep', '  └─cat']);
  });

  it('marks zombies <defunct> and keeps them apart from live namesakes', () => {
    const zombies = [40, 41].map((pid) => proc({ pid, ppid: 10, comm: 'sleep', state: 'Z', stat: 'Z', args: '' }));
    expect(formatTree(buildTree(snapshot([shell, ...sleeps, ...zombies])))).toEqual(['bash', '├─3*[sleep]', '└─2*[sleep <defunct>]']);
    expect(formatTree(buildTree(snapshot([shell, ...zombies])), { pids: true })).toEqual([
      'bash(10)',
      '├─sleep(40) <defunct>',
      '└─sleep(41) <defunct>',
    ]);
  });

  it('sanitizes hostile names and shows ? for an unknown one', () => {
    const hostile = proc({ pid: 50, ppid: 10, comm: 'x\u001b[2J\ny\u009b' });
    const nameless = proc({ pid: 51, ppid: 10, comm: undefined });
    expect(formatTree(buildTree(snapshot([shell, hostile, nameless])))).toEqual(['bash', '├─x?[2J?y?', '└─?']);
  });

  it('prints every root of a forest, each from the left edge', () => {
    const kthreadd = proc({ pid: 2, ppid: 0, comm: 'kthreadd' });
    const worker = proc({ pid: 3, ppid: 2, comm: 'kworker/0:0' });
    expect(formatTree(buildTree(snapshot([init, cron, kthreadd, worker])))).toEqual(['init', '└─cron', 'kthreadd', '└─kworker/0:0']);
  });

  it('prints a very deep chain without recursion', () => {
    const depth = 20_000;
    const chain = Array.from({ length: depth }, (_, i) => proc({ pid: i + 1, ppid: i, comm: 'sh' }));
    const lines = formatTree(buildTree(snapshot(chain)));
    expect(lines).toHaveLength(depth);
    expect(lines[2]).toBe('  └─sh');
  });
});
