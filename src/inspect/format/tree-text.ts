// pstree-like text, one process a line:
//   bash
//   ├─3*[sleep]
//   └─sh
//     └─sleep <defunct>
// Identical sibling leaves (same name, no children) are folded into `N*[name]`
// as pstree does, unless pids are shown (then each is distinct). A zombie is
// marked ` <defunct>` as ps does, so it never folds together with live ones.
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { TreeNode } from '../types.js';
import { UNKNOWN } from './values.js';

export interface TreeTextOptions {
  /** Show `name(pid)` and do not fold identical siblings (pstree -p). */
  readonly pids?: boolean;
}

function label(node: TreeNode, pids: boolean): string {
  const { proc } = node;
  const name = proc.comm === undefined ? UNKNOWN : sanitizeForDisplay(proc.comm);
  const withPid = pids ? `${name}(${proc.pid})` : name;
  return proc.state === 'Z' ? `${withPid} <defunct>` : withPid;
}

interface Item {
  readonly text: string;
  readonly children: readonly TreeNode[];
}

/** Siblings in pid order, identical leaves folded at the place of the first one. */
function itemsOf(children: readonly TreeNode[], pids: boolean): Item[] {
  const items: { text: string; children: readonly TreeNode[]; count: number }[] = [];
  const leafIndex = new Map<string, number>();
  for (const child of children) {
    const text = label(child, pids);
    const isLeaf = child.children.length === 0;
    const seen = isLeaf && !pids ? leafIndex.get(text) : undefined;
    const existing = seen === undefined ? undefined : items[seen];
    if (existing !== undefined) {
      existing.count += 1;
      continue;
    }
    if (isLeaf) leafIndex.set(text, items.length);
    items.push({ text, children: child.children, count: 1 });
  }
  return items.map(({ text, children: grand, count }) => ({
    text: count > 1 ? `${count}*[${text}]` : text,
    children: grand,
  }));
}

interface Pending {
  readonly item: Item;
  /** What goes before the branch glyph: one `│ ` or two spaces per ancestor level. */
  readonly indent: string;
  /** `├─`, `└─`, or '' for a root. */
  readonly branch: string;
}

/** The forest as lines; iterative, so any depth is fine. */
export function formatTree(forest: readonly TreeNode[], options: TreeTextOptions = {}): string[] {
  const pids = options.pids ?? false;
  const lines: string[] = [];
  const stack: Pending[] = forest
    .map((root): Pending => ({ item: { text: label(root, pids), children: root.children }, indent: '', branch: '' }))
    .reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { item, indent, branch } = next;
    lines.push(indent + branch + item.text);
    const childIndent = branch === '' ? indent : indent + (branch === '└─' ? '  ' : '│ ');
    const items = itemsOf(item.children, pids);
    for (let i = items.length - 1; i >= 0; i -= 1) {
      const child = items[i];
      if (child === undefined) continue;
      stack.push({ item: child, indent: childIndent, branch: i === items.length - 1 ? '└─' : '├─' });
    }
  }
  return lines;
}
