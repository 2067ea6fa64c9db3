// From the data (WatchState) and the user's choices (ViewState) to the ordered
// rows of the process view.
import { columnById } from './columns.js';
import { matcher } from './filter.js';
import { tableRow, tableRows, treeRows, type ProcRow, type RowSource } from './rows.js';
import { scopedProcs } from './scope.js';
import type { ViewState } from './view-state.js';
import type { WatchState } from './watch.js';

export function rowSource(watch: WatchState, mode: ViewState['mode']): RowSource {
  const snapshot = watch.frame?.snapshot;
  if (snapshot === undefined) return { procs: [] };
  const procs: ProcRow[] = [];
  const born = watch.life.born;
  for (const proc of scopedProcs(watch.scope, snapshot)) procs.push(tableRow(proc, born.has(proc.pid) ? 'new' : 'live'));
  const withContext = mode === 'tree' && watch.scope.kind === 'follow';
  // Which pids are already shown matters only for tombstones and context parents.
  if (watch.life.dead.size === 0 && !withContext) return { procs };
  const shown = new Set<number>();
  for (const row of procs) shown.add(row.pid);
  for (const [pid, stone] of watch.life.dead) {
    if (shown.has(pid)) continue;
    procs.push(tableRow(stone.proc, 'dead'));
    shown.add(pid);
  }
  // A followed process whose parent is outside the scope (an orphan adopted by
  // PID 1, a demo under procview) hangs under that parent, drawn grey.
  if (withContext) {
    for (const { proc } of [...procs]) {
      const ppid = proc.ppid;
      if (ppid === undefined || shown.has(ppid)) continue;
      const parent = snapshot.procs.get(ppid);
      if (parent === undefined) continue;
      procs.push(tableRow(parent, 'context'));
      shown.add(ppid);
    }
  }
  return { procs };
}

export function computeRows(watch: WatchState, view: ViewState): ProcRow[] {
  const source = rowSource(watch, view.mode);
  const order = { column: columnById(view.sort), descending: view.descending };
  const keep = matcher(view.filter);
  return view.mode === 'tree' ? treeRows(source, order, keep, view.collapsed) : tableRows(source, order, keep);
}
