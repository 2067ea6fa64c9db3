import { describe, expect, it } from 'vitest';
import { unknownProc } from '../../src/inspect/snapshot.js';
import { buildTree, findSubtree, initTree, subtreePids } from '../../src/inspect/tree.js';
import type { ProcInfo, TreeNode } from '../../src/inspect/types.js';
import { proc, snapshot } from './diff-builders.js';

/** `pid(child child …)` in pid order, to compare shapes at a glance. */
function shape(nodes: readonly TreeNode[]): string {
  return nodes.map((node) => (node.children.length === 0 ? `${node.proc.pid}` : `${node.proc.pid}(${shape(node.children)})`)).join(' ');
}

function countNodes(nodes: readonly TreeNode[]): number {
  return nodes.reduce((sum, node) => sum + subtreePids(node).length, 0);
}

describe('buildTree', () => {
  it('builds a forest by ppid with roots and children sorted by pid', () => {
    const forest = buildTree(
      snapshot([
        proc({ pid: 30, ppid: 1 }),
        proc({ pid: 2, ppid: 0 }),
        proc({ pid: 1, ppid: 0 }),
        proc({ pid: 12, ppid: 1 }),
        proc({ pid: 40, ppid: 12 }),
        proc({ pid: 31, ppid: 12 }),
        proc({ pid: 3, ppid: 2 }),
      ]),
    );
    expect(shape(forest)).toBe('1(12(31 40) 30) 2(3)');
  });

  it('makes a process whose parent is not in the snapshot a root', () => {
    const forest = buildTree(snapshot([proc({ pid: 500, ppid: 400 }), proc({ pid: 501, ppid: 500 }), proc({ pid: 9, ppid: undefined })]));
    expect(shape(forest)).toBe('9 500(501)');
  });

  it('breaks a cycle at its smallest pid without looping or losing anyone', () => {
    const procs = [
      proc({ pid: 1, ppid: 0 }),
      proc({ pid: 20, ppid: 30 }),
      proc({ pid: 30, ppid: 40 }),
      proc({ pid: 40, ppid: 20 }),
      // hangs off the cycle, with a smaller pid than any on it
      proc({ pid: 5, ppid: 30 }),
      proc({ pid: 6, ppid: 6 }), // its own parent
    ];
    const forest = buildTree(snapshot(procs));
    expect(shape(forest)).toBe('1 6 20(40(30(5)))');
    expect(countNodes(forest)).toBe(procs.length);
  });

  it('keeps every process of two separate cycles', () => {
    const procs = [proc({ pid: 7, ppid: 8 }), proc({ pid: 8, ppid: 7 }), proc({ pid: 3, ppid: 4 }), proc({ pid: 4, ppid: 3 })];
    const forest = buildTree(snapshot(procs));
    expect(shape(forest)).toBe('3(4) 7(8)');
  });

  it('handles a chain deeper than the call stack', () => {
    const depth = 50_000;
    const procs = Array.from({ length: depth }, (_, i) => proc({ pid: i + 1, ppid: i }));
    const forest = buildTree(snapshot(procs));
    expect(forest).toHaveLength(1);
    expect(countNodes(forest)).toBe(depth);
    expect(findSubtree(forest, depth)?.proc.pid).toBe(depth);
  });

  it('takes the processes themselves and an order for roots and siblings', () => {
    const procs = [
      proc({ pid: 1, ppid: 0, comm: 'init' }),
      proc({ pid: 12, ppid: 1, comm: 'b' }),
      proc({ pid: 30, ppid: 1, comm: 'a' }),
      proc({ pid: 31, ppid: 12, comm: 'z' }),
      proc({ pid: 40, ppid: 12, comm: 'y' }),
      proc({ pid: 2, ppid: 0, comm: 'kthreadd' }),
    ];
    expect(shape(buildTree(procs))).toBe('1(12(31 40) 30) 2');
    const byName = (a: ProcInfo, b: ProcInfo): number => (a.comm ?? '').localeCompare(b.comm ?? '');
    expect(shape(buildTree(new Set(procs), byName))).toBe('1(30 12(40 31)) 2');
    // Roots too, and a cycle is still cut at its smallest pid whatever the order.
    const loop = [proc({ pid: 9, ppid: 8, comm: 'a' }), proc({ pid: 8, ppid: 9, comm: 'b' }), proc({ pid: 7, ppid: 8, comm: 'c' })];
    expect(shape(buildTree(loop, (a, b) => b.pid - a.pid))).toBe('8(9 7)');
  });

  it('returns an empty forest for an empty snapshot', () => {
    expect(buildTree(snapshot([]))).toEqual([]);
  });
});

describe('findSubtree and subtreePids', () => {
  const forest = buildTree(
    snapshot([proc({ pid: 1, ppid: 0 }), proc({ pid: 10, ppid: 1 }), proc({ pid: 11, ppid: 10 }), proc({ pid: 12, ppid: 10 }), proc({ pid: 20, ppid: 1 })]),
  );

  it('finds the node of a pid anywhere in the forest', () => {
    const node = findSubtree(forest, 10);
    expect(node === undefined ? undefined : shape([node])).toBe('10(11 12)');
    expect(findSubtree(forest, 999)).toBeUndefined();
  });

  it('lists the pids of a subtree root first', () => {
    const root = forest[0];
    expect(root === undefined ? [] : subtreePids(root)).toEqual([1, 10, 11, 12, 20]);
  });
});

describe('initTree (the tree pstree draws without a PID)', () => {
  const names = (node: TreeNode): string[] => [`${node.proc.pid}:${node.proc.comm ?? '?'}`, ...node.children.flatMap(names)];

  it('is the tree of PID 1: kthreadd and the kernel threads under it (PPID 0) are left out', () => {
    const forest = buildTree(
      snapshot([
        proc({ pid: 1, ppid: 0, comm: 'init' }),
        proc({ pid: 2, ppid: 0, comm: 'kthreadd' }),
        proc({ pid: 3, ppid: 2, comm: 'kworker/0:0' }),
        proc({ pid: 40, ppid: 1, comm: 'cron' }),
      ]),
    );
    expect(names(initTree(forest))).toEqual(['1:init', '40:cron']);
  });

  it('hangs a process whose parent cannot be seen under a ? stand-in for that parent, under PID 1, or under a ? for PID 1', () => {
    const hidden = [proc({ pid: 500, ppid: 400, comm: 'sh' }), proc({ pid: 501, ppid: 500, comm: 'sleep' }), proc({ pid: 502, ppid: 400, comm: 'cat' })];
    const withInit = initTree(buildTree(snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), ...hidden])));
    expect(names(withInit)).toEqual(['1:init', '400:?', '500:sh', '501:sleep', '502:cat']);
    expect(withInit.children[0]?.proc).toEqual(unknownProc(400));
    // hidepid=2 as an ordinary user: not even PID 1 shows (pstree: ?───?───sh).
    const alone = initTree(buildTree(snapshot(hidden)));
    expect(alone.proc).toEqual(unknownProc(1));
    expect(names(alone)).toEqual(['1:?', '400:?', '500:sh', '501:sleep', '502:cat']);
  });

  it("hangs PID 1's own children under its ? itself when PID 1 cannot be seen, not under a second ? for it", () => {
    // hidepid=invisible, an ordinary user with a setsid'd sleep adopted by 1 (pstree -Up): ?(1)─┬─?(11638)───sh(11639) / └─sleep(11630)
    const seen = [proc({ pid: 11630, ppid: 1, comm: 'sleep' }), proc({ pid: 11639, ppid: 11638, comm: 'sh' })];
    const tree = initTree(buildTree(snapshot(seen)));
    expect(names(tree)).toEqual(['1:?', '11630:sleep', '11638:?', '11639:sh']);
  });

  it('orders stand-ins as pstree does: the one whose first process has the highest pid first', () => {
    // hidepid=2, seen by nobody (pstree -pT, 23.6): ?(1)─┬─?(25453)───sh(25462) / ├─?(25456)───tail(25460) / └─?(25455)───sleep(25458)
    const seen = [
      proc({ pid: 25458, ppid: 25455, comm: 'sleep' }),
      proc({ pid: 25460, ppid: 25456, comm: 'tail' }),
      proc({ pid: 25462, ppid: 25453, comm: 'sh' }),
    ];
    expect(initTree(buildTree(snapshot(seen))).children.map((node) => node.proc.pid)).toEqual([25453, 25456, 25455]);
  });
});
