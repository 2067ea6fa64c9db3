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
// - a multi-threaded process's threads are its children, named `{comm}`
//   after the process (`{python3}`, or the thread's own name with
//   threadNames: pstree -t), drawn and folded like processes (`3*[{python3}]`);
// - a line is cut at the output width with a `+` (tree-line.ts), and the
//   children of a process whose label reaches the edge are left out.
// Ours, not pstree's: a zombie is marked ` <defunct>` as ps marks it (so it
// never folds with live namesakes) unless threads of it still run (an exited
// thread-group leader: the process lives on), names are sanitized
// procps-style (`?` for control characters, UTF-8 kept) where pstree writes
// octal escapes, and a whole forest can be drawn (`procview tree` draws the
// tree of PID 1, as pstree, see tree.ts initTree).
import { isDeadZombie } from '../thread-group.js';
import { sanitizeForCells } from '../../text/sanitize.js';
import { displayWidth } from '../../text/width.js';
import type { ProcInfo, ThreadInfo, TreeNode } from '../types.js';
import { TreeLine } from './tree-line.js';
import { UNKNOWN } from './values.js';

export interface TreeTextOptions {
  /** Show `name(pid)` and do not fold identical subtrees (pstree -p). */
  readonly pids?: boolean;
  /** Each process's threads (Snapshot.threads), drawn as its children; absent: no threads (pstree -T). */
  readonly threads?: ReadonlyMap<number, readonly ThreadInfo[]>;
  /** Name a thread by its own name rather than its process's (pstree -t). */
  readonly threadNames?: boolean;
  /** The output width in columns: longer lines are cut with a `+` (pstree's rule); undefined: whole (pstree -l). */
  readonly width?: number;
}

const ONLY_CHILD = '───';
const FIRST_CHILD = '─┬─';
const NEXT_CHILD = '├─';
const LAST_CHILD = '└─';
const ANCESTOR_GOES_ON = '│ ';
const ANCESTOR_DONE = '  ';

/** A process or a thread as drawn. */
interface DrawNode {
  /** Raw name, sorted by (a thread's in braces). */
  readonly name: string;
  readonly pid: number;
  readonly uid: number | undefined;
  readonly defunct: boolean;
  readonly children: readonly DrawNode[];
}

/** `{name}` of a thread: its process's name, as pstree without -t, or its own. */
function threadName(owner: ProcInfo, thread: ThreadInfo, own: boolean): string {
  return `{${(own ? thread.comm : undefined) ?? owner.comm ?? UNKNOWN}}`;
}

function threadNode(owner: ProcInfo, thread: ThreadInfo, own: boolean): DrawNode {
  return { name: threadName(owner, thread, own), pid: thread.tid, uid: owner.uid, defunct: false, children: [] };
}

/** The forest as draw nodes, threads after child processes (sorting puts them in place). Iterative. */
function drawForest(forest: readonly TreeNode[], options: TreeTextOptions): DrawNode[] {
  const own = options.threadNames ?? false;
  const made = new Map<TreeNode, { name: string; pid: number; uid: number | undefined; defunct: boolean; children: DrawNode[] }>();
  const order: TreeNode[] = [];
  const stack = [...forest];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const node = order[i];
    if (node === undefined) continue;
    const { proc } = node;
    const children: DrawNode[] = [];
    for (const child of node.children) {
      const drawn = made.get(child);
      if (drawn !== undefined) children.push(drawn);
    }
    for (const thread of options.threads?.get(proc.pid) ?? []) children.push(threadNode(proc, thread, own));
    made.set(node, { name: proc.comm ?? UNKNOWN, pid: proc.pid, uid: proc.uid, defunct: isDeadZombie(proc), children });
  }
  return forest.flatMap((node) => {
    const drawn = made.get(node);
    return drawn === undefined ? [] : [drawn];
  });
}

function label(node: DrawNode, pids: boolean): string {
  const name = sanitizeForCells(node.name);
  const withPid = pids ? `${name}(${node.pid})` : name;
  return node.defunct ? `${withPid} <defunct>` : withPid;
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
function siblingOrder(a: DrawNode, b: DrawNode): number {
  const byName = byCodePoint(a.name, b.name);
  if (byName !== 0) return byName;
  const ua = a.uid ?? Number.POSITIVE_INFINITY;
  const ub = b.uid ?? Number.POSITIVE_INFINITY;
  return ua === ub ? 0 : ua < ub ? -1 : 1;
}

interface Group {
  readonly node: DrawNode;
  /** How many alike siblings this one stands for (1 when not folded). */
  readonly count: number;
}

/**
 * Sorted children of every node and, when folding, a number per distinct
 * subtree shape: two subtrees are alike when their roots have the same name
 * and zombie mark and their sorted children are alike one by one (pstree's
 * tree_equal). Computed bottom-up without recursion.
 */
function prepare(forest: readonly DrawNode[], fold: boolean): { sorted: Map<DrawNode, DrawNode[]>; shape: Map<DrawNode, number> } {
  const sorted = new Map<DrawNode, DrawNode[]>();
  const shape = new Map<DrawNode, number>();
  const shapeIds = new Map<string, number>();
  const order: DrawNode[] = [];
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
    const key = `${JSON.stringify(node.name)}${node.defunct ? 'Z' : ''}:${children}`;
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
function groupsOf(children: readonly DrawNode[], shape: ReadonlyMap<DrawNode, number>, fold: boolean): Group[] {
  if (!fold) return children.map((node) => ({ node, count: 1 }));
  const groups: { node: DrawNode; count: number }[] = [];
  const groupOfShape = new Map<number, { node: DrawNode; count: number }>();
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
  return drawLines(drawForest(forest, options), options);
}

/** One thread drawn alone (`procview tree TID`): `{name}`, `{name}(tid)` with pids. */
export function formatThread(owner: ProcInfo, thread: ThreadInfo, options: TreeTextOptions = {}): string[] {
  return drawLines([threadNode(owner, thread, options.threadNames ?? false)], options);
}

function drawLines(forest: readonly DrawNode[], options: TreeTextOptions): string[] {
  const pids = options.pids ?? false;
  const fold = !pids;
  const { sorted, shape } = prepare(forest, fold);
  const lines: string[] = [];
  // Per level of the node being drawn: the cells its label took, and whether siblings follow it.
  const widths: number[] = [];
  const more: boolean[] = [];
  const line = new TreeLine(options.width);
  const stack: Pending[] = forest.map((node): Pending => ({ group: { node, count: 1 }, level: 0, first: true, last: true, closing: 0 })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { group, level, first, last, closing } = next;
    if (!first) {
      // Every line-drawing piece is one cell per character.
      for (let above = 0; above < level; above += 1) {
        const pad = (widths[above] ?? 0) + 1;
        line.write(' '.repeat(pad), pad);
        const piece = above === level - 1 ? (last ? LAST_CHILD : NEXT_CHILD) : more[above + 1] === true ? ANCESTOR_GOES_ON : ANCESTOR_DONE;
        line.write(piece, piece.length);
      }
    }
    const count = group.count > 1 ? `${group.count}*[` : '';
    const text = label(group.node, pids);
    const cells = count.length + displayWidth(text);
    line.write(count + text, cells);
    widths[level] = cells;
    more[level] = !last;

    const children = groupsOf(sorted.get(group.node) ?? [], shape, fold);
    if (children.length === 0) {
      line.write(']'.repeat(closing), closing);
      lines.push(line.end());
      continue;
    }
    // pstree's dump_tree: a label that reaches the edge ends its line with `+`, and its children are not drawn.
    if (line.full) {
      line.write(`${FIRST_CHILD}+`, FIRST_CHILD.length + 1);
      lines.push(line.end());
      continue;
    }
    line.write(children.length > 1 ? FIRST_CHILD : ONLY_CHILD, FIRST_CHILD.length);
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
