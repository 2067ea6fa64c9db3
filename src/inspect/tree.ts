// The process forest by PPID. Pure and iterative (no recursion), so a deep
// chain or a hostile snapshot cannot blow the stack, and every process of the
// snapshot appears exactly once.
import { unknownProc } from './snapshot.js';
import type { ProcInfo, Snapshot, TreeNode } from './types.js';

interface MutableNode {
  readonly proc: ProcInfo;
  readonly children: MutableNode[];
}

/** An order of processes; buildTree's default is by pid. */
export type ProcOrder = (a: ProcInfo, b: ProcInfo) => number;

function byPid(a: ProcInfo, b: ProcInfo): number {
  return a.pid - b.pid;
}

function isSnapshot(source: Snapshot | Iterable<ProcInfo>): source is Snapshot {
  return 'procs' in source;
}

/**
 * Roots are processes whose parent is not among `source` (PID 1 and kernel
 * roots have PPID 0; a scoped snapshot cuts the tree anywhere). Children and
 * roots are sorted by `order` (default: pid). A PPID cycle, which a
 * consistent kernel never shows but a racy or hand-made snapshot can, is
 * broken at its smallest pid, which becomes a root.
 *
 * `source` is a snapshot or the processes themselves (each pid once; a later
 * one with the same pid replaces an earlier one).
 */
export function buildTree(source: Snapshot | Iterable<ProcInfo>, order: ProcOrder = byPid): TreeNode[] {
  const nodes = new Map<number, MutableNode>();
  if (isSnapshot(source)) source.procs.forEach((proc, pid) => nodes.set(pid, { proc, children: [] }));
  else for (const proc of source) nodes.set(proc.pid, { proc, children: [] });

  const parentOf = (node: MutableNode): MutableNode | undefined => {
    const { pid, ppid } = node.proc;
    return ppid === undefined || ppid === pid ? undefined : nodes.get(ppid);
  };

  const roots: MutableNode[] = [];
  for (const node of nodes.values()) {
    const parent = parentOf(node);
    if (parent === undefined) roots.push(node);
    else parent.children.push(node);
  }

  const compare = (a: TreeNode, b: TreeNode): number => order(a.proc, b.proc);
  // What no root reaches hangs off a PPID cycle (rare: only then is this worked out).
  if (sortSubtrees(roots, compare) < nodes.size) {
    const reached = new Set<MutableNode>();
    addSubtrees(roots, reached);
    for (const node of nodes.values()) {
      if (reached.has(node)) continue;
      const cut = smallestOnCycle(node, parentOf);
      // Unhook it from the parent that closes the loop: it becomes a root.
      const siblings = parentOf(cut)?.children ?? [];
      const at = siblings.indexOf(cut);
      if (at >= 0) siblings.splice(at, 1);
      roots.push(cut);
      sortSubtrees([cut], compare);
      addSubtrees([cut], reached);
    }
  }
  return roots.sort(compare);
}

/** Sorts every child list in the subtrees of `tops`; returns how many nodes those subtrees hold. */
function sortSubtrees(tops: readonly MutableNode[], compare: (a: TreeNode, b: TreeNode) => number): number {
  const stack = [...tops];
  let count = 0;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    count += 1;
    if (node.children.length > 1) node.children.sort(compare);
    for (const child of node.children) stack.push(child);
  }
  return count;
}

/** Adds every node in the subtrees of `tops` to `into`. */
function addSubtrees(tops: readonly MutableNode[], into: Set<MutableNode>): void {
  const stack = [...tops];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    into.add(node);
    for (const child of node.children) stack.push(child);
  }
}

/** Follows parents from `start` until one repeats; returns the node of smallest pid on that loop. */
function smallestOnCycle(start: MutableNode, parentOf: (node: MutableNode) => MutableNode | undefined): MutableNode {
  const seen = new Set<MutableNode>();
  let node: MutableNode | undefined = start;
  while (node !== undefined && !seen.has(node)) {
    seen.add(node);
    node = parentOf(node);
  }
  if (node === undefined) return start; // unreachable for an unattached node, kept total
  let smallest = node;
  for (let p = parentOf(node); p !== undefined && p !== node; p = parentOf(p)) if (p.proc.pid < smallest.proc.pid) smallest = p;
  return smallest;
}

/** The node of `pid` in a forest (iterative search), or undefined when it is not there. */
export function findSubtree(forest: readonly TreeNode[], pid: number): TreeNode | undefined {
  const stack = [...forest];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.proc.pid === pid) return node;
    for (const child of node.children) stack.push(child);
  }
  return undefined;
}

/** Every pid in a subtree, root first (pre-order). */
export function subtreePids(node: TreeNode): number[] {
  const pids: number[] = [];
  const stack: TreeNode[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    pids.push(next.proc.pid);
    for (let i = next.children.length - 1; i >= 0; i -= 1) {
      const child = next.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return pids;
}

/** The PID of init in every PID namespace on Linux. */
const INIT_PID = 1;

/**
 * The tree pstree draws when given no PID: the one under PID 1, the init of
 * the PID namespace (psmisc pstree's ROOT_PID). Processes with PPID 0 besides
 * it are left out, as pstree leaves them: kthreadd and the kernel threads
 * under it, a process entered into a container from outside. A process whose
 * parent cannot be seen (hidepid, or gone between two reads) hangs under a
 * stand-in for that parent, shown as `?`, under PID 1, as pstree's
 * fix_orphans hangs it; when PID 1 itself cannot be seen it is a `?` too.
 * The stand-ins know their pid alone (unknownProc).
 */
export function initTree(forest: readonly TreeNode[]): TreeNode {
  const init = findSubtree(forest, INIT_PID);
  const present = new Set<number>();
  const stack = [...forest];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    present.add(node.proc.pid);
    for (const child of node.children) stack.push(child);
  }
  const unseenParents = new Map<number, TreeNode[]>();
  // PID 1 unseen: its own children hang under its `?` itself, not under a second `?` for it.
  const initsOwn: TreeNode[] = [];
  for (const root of forest) {
    const { pid, ppid } = root.proc;
    // An unreadable stat (no ppid), PPID 0 or itself, or a root cut out of a PPID cycle: pstree does not hang these under PID 1.
    if (pid === INIT_PID || ppid === undefined || ppid === 0 || ppid === pid || present.has(ppid)) continue;
    if (ppid === INIT_PID) {
      initsOwn.push(root);
      continue;
    }
    const children = unseenParents.get(ppid) ?? [];
    children.push(root);
    unseenParents.set(ppid, children);
  }
  if (init !== undefined && unseenParents.size === 0) return init;
  // (A root under 1 while 1 is seen cannot be: it would be 1's child in the forest.)
  // Stand-ins are alike to the sibling order (`?`, same uid), so they stand in pstree's order: it makes
  // one when it reads the first process of that parent (in pid order) and hangs the last made first.
  // The forest's roots come in pid order, so a stand-in's first child is its smallest.
  const firstChild = (children: readonly TreeNode[]): number => children[0]?.proc.pid ?? 0;
  const standIns = [...unseenParents]
    .sort(([, a], [, b]) => firstChild(b) - firstChild(a))
    .map(([ppid, children]): TreeNode => ({ proc: unknownProc(ppid), children }));
  return { proc: init?.proc ?? unknownProc(INIT_PID), children: [...(init?.children ?? []), ...initsOwn, ...standIns] };
}
