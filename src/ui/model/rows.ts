// The rows of the process view, in order: a sorted, filtered table, or a tree
// (pstree-style ├─/└─, children sorted by the same column, collapsible).
import { buildTree } from '../../inspect/tree.js';
import type { ProcInfo, TreeNode } from '../../inspect/types.js';
import { comparator, type SortOrder } from './sort.js';

/** live: in scope; new/dead: appeared or exited within the last refreshes;
 *  context: not in scope, shown only as the parent of a scoped root (tree). */
export type RowMark = 'live' | 'new' | 'dead' | 'context';

export interface ProcRow {
  readonly pid: number;
  readonly proc: ProcInfo;
  readonly mark: RowMark;
  /** Tree connector drawn before the command ('' in the table). */
  readonly prefix: string;
  readonly hasChildren: boolean;
  readonly collapsed: boolean;
}

export interface RowSource {
  /** Every process to show, each pid once, as its table row (see tableRow). */
  readonly procs: readonly ProcRow[];
}

// One table row per (record, mark), reused from refresh to refresh while the
// process does not change (its record stays the same frozen object), so a
// refresh of 2000 processes does not build 2000 new rows.
const tableRowOf = new WeakMap<ProcInfo, ProcRow>();

/** The table's row for a record (no tree prefix). */
export function tableRow(proc: ProcInfo, mark: RowMark): ProcRow {
  const known = tableRowOf.get(proc);
  if (known !== undefined && known.mark === mark) return known;
  const row: ProcRow = { pid: proc.pid, proc, mark, prefix: '', hasChildren: false, collapsed: false };
  tableRowOf.set(proc, row);
  return row;
}

export function tableRows(source: RowSource, order: SortOrder, keep: ((proc: ProcInfo) => boolean) | undefined): ProcRow[] {
  const compare = comparator(order);
  const rows: ProcRow[] = [];
  for (const row of source.procs) {
    if (row.mark !== 'context' && (keep === undefined || keep(row.proc))) rows.push(row);
  }
  return rows.sort((a, b) => compare(a.proc, b.proc));
}

export function treeRows(source: RowSource, order: SortOrder, keep: ((proc: ProcInfo) => boolean) | undefined, collapsed: ReadonlySet<number>): ProcRow[] {
  const marks = new Map<number, RowMark>();
  const procs: ProcInfo[] = [];
  for (const { proc, mark } of source.procs) {
    marks.set(proc.pid, mark);
    procs.push(proc);
  }
  // buildTree roots every process whose parent is not shown, breaks PPID
  // cycles, and sorts roots and siblings by the sort column.
  const forest = buildTree(procs, comparator(order));
  const keeps = keptNodes(forest, keep);

  const rows: ProcRow[] = [];
  // Iterative pre-order (a deep chain must not blow the stack), children pushed last first.
  const stack: Pending[] = [];
  for (let i = forest.length - 1; i >= 0; i -= 1) {
    const root = forest[i];
    if (root !== undefined && keeps(root)) stack.push({ node: root, lead: '', connector: '' });
  }
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, lead, connector } = next;
    const { proc } = node;
    const visible = keep === undefined ? node.children : node.children.filter(keeps);
    const isCollapsed = collapsed.has(proc.pid) && visible.length > 0;
    // A folded node shows `+` where its branch would start: `├─+ `, `+ ` for a root.
    const prefix = isCollapsed ? `${connector.slice(0, -1)}+ ` : connector;
    const mark = marks.get(proc.pid) ?? 'live';
    rows.push({ pid: proc.pid, proc, mark, prefix, hasChildren: visible.length > 0, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (let i = visible.length - 1; i >= 0; i -= 1) {
      const child = visible[i];
      if (child === undefined) continue;
      const last = i === visible.length - 1;
      stack.push({ node: child, lead: lead + (last ? '   ' : '│  '), connector: lead + (last ? '└─ ' : '├─ ') });
    }
  }
  return rows;
}

interface Pending {
  readonly node: TreeNode;
  /** What goes before the connectors of this node's children. */
  readonly lead: string;
  readonly connector: string;
}

/**
 * With a filter, a node stays when it matches or a descendant does, so the
 * tree keeps its shape. Worked out for the whole forest at once, children
 * before parents, without recursion.
 */
function keptNodes(forest: readonly TreeNode[], keep: ((proc: ProcInfo) => boolean) | undefined): (node: TreeNode) => boolean {
  if (keep === undefined) return () => true;
  const order: TreeNode[] = [];
  const stack = [...forest];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  const kept = new Set<TreeNode>();
  // Children come after their parent in `order`: walking it backwards meets them first.
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const node = order[i];
    if (node !== undefined && (keep(node.proc) || node.children.some((child) => kept.has(child)))) kept.add(node);
  }
  return (node) => kept.has(node);
}
