// The process forest by PPID. Pure and iterative (no recursion), so a deep
// chain or a hostile snapshot cannot blow the stack, and every process of the
// snapshot appears exactly once.
import type { ProcInfo, Snapshot, TreeNode } from './types.js';

interface MutableNode {
  readonly proc: ProcInfo;
  readonly children: TreeNode[];
}

function byPid(a: TreeNode, b: TreeNode): number {
  return a.proc.pid - b.proc.pid;
}

/**
 * Roots are processes whose parent is not in the snapshot (PID 1 and kernel
 * roots have PPID 0; a scoped snapshot cuts the tree anywhere). Children and
 * roots are sorted by pid. A PPID cycle, which a consistent kernel never
 * shows but a racy or hand-made snapshot can, is broken at its smallest pid,
 * which becomes a root.
 */
export function buildTree(snapshot: Snapshot): TreeNode[] {
  const nodes = new Map<number, MutableNode>();
  for (const [pid, proc] of snapshot.procs) nodes.set(pid, { proc, children: [] });

  const parentOf = (pid: number): number | undefined => {
    const ppid = nodes.get(pid)?.proc.ppid;
    return ppid !== undefined && ppid !== pid && nodes.has(ppid) ? ppid : undefined;
  };

  const roots: number[] = [];
  for (const pid of nodes.keys()) if (parentOf(pid) === undefined) roots.push(pid);

  const childPids = new Map<number, number[]>();
  for (const pid of nodes.keys()) {
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    const siblings = childPids.get(ppid);
    if (siblings === undefined) childPids.set(ppid, [pid]);
    else siblings.push(pid);
  }

  const attached = new Set<number>();
  const attachFrom = (root: number): void => {
    attached.add(root);
    const stack = [root];
    for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
      const node = nodes.get(pid);
      if (node === undefined) continue;
      for (const child of childPids.get(pid) ?? []) {
        if (attached.has(child)) continue; // the edge that would close a cycle
        attached.add(child);
        const childNode = nodes.get(child);
        if (childNode !== undefined) node.children.push(childNode);
        stack.push(child);
      }
    }
  };

  for (const root of roots) attachFrom(root);
  // Whatever is still unattached hangs off a cycle: break each at its smallest pid.
  for (const pid of [...nodes.keys()].sort((a, b) => a - b)) {
    if (attached.has(pid)) continue;
    const cut = smallestOnCycle(pid, parentOf);
    roots.push(cut);
    attachFrom(cut);
  }

  for (const node of nodes.values()) node.children.sort(byPid);
  const forest: TreeNode[] = [];
  for (const pid of roots) {
    const node = nodes.get(pid);
    if (node !== undefined) forest.push(node);
  }
  return forest.sort(byPid);
}

/** Follows parents from `start` until one repeats; returns the smallest pid on that loop. */
function smallestOnCycle(start: number, parentOf: (pid: number) => number | undefined): number {
  const seen = new Set<number>();
  let pid: number | undefined = start;
  while (pid !== undefined && !seen.has(pid)) {
    seen.add(pid);
    pid = parentOf(pid);
  }
  if (pid === undefined) return start; // unreachable for an unattached node, kept total
  let smallest = pid;
  for (let p = parentOf(pid); p !== undefined && p !== pid; p = parentOf(p)) smallest = Math.min(smallest, p);
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
