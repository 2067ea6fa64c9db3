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
  /** Every process to show, each pid once, with its mark. */
  readonly procs: readonly { readonly proc: ProcInfo; readonly mark: RowMark }[];
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

export function tableRows(
  source: RowSource,
  order: SortOrder,
  keep: ((proc: ProcInfo) => boolean) | undefined,
): ProcRow[] {
  const compare = comparator(order);
  const rows: ProcRow[] = [];
  for (const { proc, mark } of source.procs) {
    if (mark !== 'context' && (keep === undefined || keep(proc))) rows.push(tableRow(proc, mark));
  }
  return rows.sort((a, b) => compare(a.proc, b.proc));
}

export function treeRows(
  source: RowSource,
  order: SortOrder,
  keep: ((proc: ProcInfo) => boolean) | undefined,
  collapsed: ReadonlySet<number>,
): ProcRow[] {
  const marks = new Map(source.procs.map(({ proc, mark }) => [proc.pid, mark]));
  // buildTree roots every process whose parent is not shown and breaks PPID cycles.
  const forest = buildTree({ takenAt: 0, procs: new Map(source.procs.map(({ proc }) => [proc.pid, proc])) });
  const compare = comparator(order);
  const sorted = (nodes: readonly TreeNode[]): TreeNode[] => [...nodes].sort((a, b) => compare(a.proc, b.proc));

  // With a filter, a node stays when it matches or a descendant does, so the tree keeps its shape.
  const kept = new Map<number, boolean>();
  const keeps = (node: TreeNode): boolean => {
    const known = kept.get(node.proc.pid);
    if (known !== undefined) return known;
    let result = keep === undefined || keep(node.proc);
    for (const child of node.children) if (keeps(child)) result = true;
    kept.set(node.proc.pid, result);
    return result;
  };

  const rows: ProcRow[] = [];
  const walk = (node: TreeNode, lead: string, connector: string): void => {
    const { proc } = node;
    const visible = sorted(node.children).filter(keeps);
    const isCollapsed = collapsed.has(proc.pid) && visible.length > 0;
    // A folded node shows `+` where its branch would start: `├─+ `, `+ ` for a root.
    const prefix = isCollapsed ? `${connector.slice(0, -1)}+ ` : connector;
    const mark = marks.get(proc.pid) ?? 'live';
    rows.push({ pid: proc.pid, proc, mark, prefix, hasChildren: visible.length > 0, collapsed: isCollapsed });
    if (isCollapsed) return;
    visible.forEach((child, i) => {
      const last = i === visible.length - 1;
      walk(child, lead + (last ? '   ' : '│  '), lead + (last ? '└─ ' : '├─ '));
    });
  };
  for (const root of sorted(forest)) if (keeps(root)) walk(root, '', '');
  return rows;
}
