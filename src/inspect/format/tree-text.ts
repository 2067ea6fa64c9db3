// pstree's text, in its UTF-8 drawing (what `pstree -U` prints, and `pstree`
// on a UTF-8 terminal):
//   sh─┬─cat
//      ├─2*[sh───sleep]
//      ├─sh───sh───sleep
//      └─2*[sleep]
// The rules are psmisc pstree's (23.x):
// - the first child goes on its parent's line, after `───` when it is the only
//   one and `─┬─` when more follow; the others start a line of their own,
//   under the `┬`, with `├─` (`└─` for the last) and a `│` for every ancestor
//   that still has siblings to come;
// - siblings are sorted by name (byte order, as strcmp), then uid, then pid;
// - siblings whose whole subtrees are alike (same names, same shape) are drawn
//   once as `N*[…]` at the place of the first, and every line that ends inside
//   the folded subtree closes its `]`;
// - with pids shown (`name(pid)`, pstree -p) nothing folds.
// Ours, not pstree's: a zombie is marked ` <defunct>` as ps marks it (so it
// never folds with live namesakes), threads are not drawn (as `pstree -T`),
// names are sanitized procps-style, and the whole forest is drawn.
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { displayWidth } from '../../text/width.js';
import type { TreeNode } from '../types.js';
import { UNKNOWN } from './values.js';

export interface TreeTextOptions {
  /** Show `name(pid)` and do not fold identical subtrees (pstree -p). */
  readonly pids?: boolean;
}

const ONLY_CHILD = '───';
const FIRST_CHILD = '─┬─';
const NEXT_CHILD = '├─';
const LAST_CHILD = '└─';
const ANCESTOR_GOES_ON = '│ ';
const ANCESTOR_DONE = '  ';

function label(node: TreeNode, pids: boolean): string {
  const { proc } = node;
  const name = proc.comm === undefined ? UNKNOWN : sanitizeForDisplay(proc.comm);
  const withPid = pids ? `${name}(${proc.pid})` : name;
  return proc.state === 'Z' ? `${withPid} <defunct>` : withPid;
}

/**
 * String order by code point, which is the byte order of the UTF-8 text
 * pstree compares with strcmp. Plain `<` compares UTF-16 units, which puts
 * characters from U+10000 up (surrogate pairs) before U+E000–U+FFFF.
 */
function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xHigh = x >= 0xd800 && x <= 0xdfff;
    const yHigh = y >= 0xd800 && y <= 0xdfff;
    if (xHigh && y >= 0xe000) return 1;
    if (yHigh && x >= 0xe000) return -1;
    return x - y;
  }
  return a.length - b.length;
}

/** pstree's sibling order: name, then uid (unknown last); equal ones keep their pid order (Array.sort is stable). */
function siblingOrder(a: TreeNode, b: TreeNode): number {
  const byName = byCodePoint(a.proc.comm ?? UNKNOWN, b.proc.comm ?? UNKNOWN);
  if (byName !== 0) return byName;
  const ua = a.proc.uid ?? Number.POSITIVE_INFINITY;
  const ub = b.proc.uid ?? Number.POSITIVE_INFINITY;
  return ua === ub ? 0 : ua < ub ? -1 : 1;
}

interface Group {
  readonly node: TreeNode;
  /** How many alike siblings this one stands for (1 when not folded). */
  readonly count: number;
}

/**
 * Sorted children of every node and, when folding, a number per distinct
 * subtree shape: two subtrees are alike when their roots have the same name
 * and zombie mark and their sorted children are alike one by one (pstree's
 * tree_equal). Computed bottom-up without recursion.
 */
function prepare(forest: readonly TreeNode[], fold: boolean): { sorted: Map<TreeNode, TreeNode[]>; shape: Map<TreeNode, number> } {
  const sorted = new Map<TreeNode, TreeNode[]>();
  const shape = new Map<TreeNode, number>();
  const shapeIds = new Map<string, number>();
  const order: TreeNode[] = [];
  const stack = [...forest];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    sorted.set(node, [...node.children].sort(siblingOrder));
    for (const child of node.children) stack.push(child);
  }
  if (!fold) return { sorted, shape };
  // Children come after their parent in `order`, so walking it backwards meets them first.
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const node = order[i];
    if (node === undefined) continue;
    const children = (sorted.get(node) ?? []).map((child) => shape.get(child) ?? -1).join(',');
    const key = `${JSON.stringify(node.proc.comm ?? null)}${node.proc.state === 'Z' ? 'Z' : ''}:${children}`;
    let id = shapeIds.get(key);
    if (id === undefined) {
      id = shapeIds.size;
      shapeIds.set(key, id);
    }
    shape.set(node, id);
  }
  return { sorted, shape };
}

/** The children as drawn: sorted and, when folding, every alike sibling counted into the first one. */
function groupsOf(children: readonly TreeNode[], shape: ReadonlyMap<TreeNode, number>, fold: boolean): Group[] {
  if (!fold) return children.map((node) => ({ node, count: 1 }));
  const groups: { node: TreeNode; count: number }[] = [];
  const groupOfShape = new Map<number, { node: TreeNode; count: number }>();
  for (const node of children) {
    const id = shape.get(node) ?? -1;
    const group = groupOfShape.get(id);
    if (group !== undefined) {
      group.count += 1;
      continue;
    }
    const fresh = { node, count: 1 };
    groupOfShape.set(id, fresh);
    groups.push(fresh);
  }
  return groups;
}

interface Pending {
  readonly group: Group;
  readonly level: number;
  /** Drawn on its parent's line (the first child) rather than on a line of its own. */
  readonly first: boolean;
  readonly last: boolean;
  /** `]` owed by folded ancestors, written where a line ends inside them. */
  readonly closing: number;
}

/** The forest as lines, each root from the left edge. Iterative, so any depth is fine. */
export function formatTree(forest: readonly TreeNode[], options: TreeTextOptions = {}): string[] {
  const pids = options.pids ?? false;
  const fold = !pids;
  const { sorted, shape } = prepare(forest, fold);
  const lines: string[] = [];
  // Per level of the node being drawn: the cells its label took, and whether siblings follow it.
  const widths: number[] = [];
  const more: boolean[] = [];
  let line = '';
  const stack: Pending[] = forest.map((node): Pending => ({ group: { node, count: 1 }, level: 0, first: true, last: true, closing: 0 })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { group, level, first, last, closing } = next;
    if (!first) {
      for (let above = 0; above < level; above += 1) {
        line += ' '.repeat((widths[above] ?? 0) + 1);
        if (above === level - 1) line += last ? LAST_CHILD : NEXT_CHILD;
        else line += more[above + 1] === true ? ANCESTOR_GOES_ON : ANCESTOR_DONE;
      }
    }
    const count = group.count > 1 ? `${group.count}*[` : '';
    const text = label(group.node, pids);
    line += count + text;
    widths[level] = displayWidth(count) + displayWidth(text);
    more[level] = !last;

    const children = groupsOf(sorted.get(group.node) ?? [], shape, fold);
    if (children.length === 0) {
      lines.push(line + ']'.repeat(closing));
      line = '';
      continue;
    }
    line += children.length > 1 ? FIRST_CHILD : ONLY_CHILD;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child === undefined) continue;
      stack.push({
        group: child,
        level: level + 1,
        first: i === 0,
        last: i === children.length - 1,
        closing: closing + (child.count > 1 ? 1 : 0),
      });
    }
  }
  return lines;
}
