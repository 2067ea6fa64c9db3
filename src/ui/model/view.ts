// From the data (WatchState) and the user's choices (ViewState) to the ordered
// rows of the process view.
import type { ProcInfo } from '../../inspect/types.js';
import { columnById } from './columns.js';
import { rowMatcher } from './filter.js';
import { tableRow, tableRows, treeRows, type ProcRow, type RowSource } from './rows.js';
import { inScope, scopedProcs } from '../../inspect/scope.js';
import { withDetails } from '../../inspect/unread.js';
import type { ViewState } from './view-state.js';
import type { WatchState } from './watch.js';

export function rowSource(watch: WatchState, mode: ViewState['mode']): RowSource {
  const snapshot = watch.frame?.snapshot;
  if (snapshot === undefined) return { procs: [] };
  const { scope, life } = watch;
  const procs: ProcRow[] = [];
  // The whole system is read straight from the snapshot: no copy of every record first.
  const live: Iterable<ProcInfo> = scope.kind === 'all' ? snapshot.procs.values() : scopedProcs(scope, snapshot);
  // Each record as read when its details were read after the scan (Inspector.readDetails, unread.ts).
  for (const proc of live) procs.push(tableRow(withDetails(proc), life.born.has(proc.pid) ? 'new' : 'live'));
  // The scope was advanced on this snapshot, so it holds exactly the live rows above.
  const isLiveRow = (pid: number): boolean => inScope(scope, snapshot, pid);
  for (const [pid, stone] of life.dead) if (!isLiveRow(pid)) procs.push(tableRow(withDetails(stone.proc), 'dead'));
  // A followed process whose parent is outside the scope (an orphan adopted by
  // PID 1, a demo under procview) hangs under that parent, drawn grey.
  if (mode === 'tree' && scope.kind === 'follow') {
    const context = new Set<number>();
    for (const { proc } of [...procs]) {
      const ppid = proc.ppid;
      if (ppid === undefined || isLiveRow(ppid) || life.dead.has(ppid) || context.has(ppid)) continue;
      const parent = snapshot.procs.get(ppid);
      if (parent === undefined) continue;
      procs.push(tableRow(withDetails(parent), 'context'));
      context.add(ppid);
    }
  }
  return { procs };
}

export function computeRows(watch: WatchState, view: ViewState): ProcRow[] {
  const source = rowSource(watch, view.mode);
  const order = { column: columnById(view.sort), descending: view.descending };
  const keep = rowMatcher(view);
  return view.mode === 'tree' ? treeRows(source, order, keep, view.collapsed) : tableRows(source, order, keep);
}
