// From the data (WatchState) and the user's choices (ViewState) to the ordered
// rows of the process view.
import type { ProcInfo } from '../../inspect/types.js';
import { columnById } from './columns.js';
import { matcher } from './filter.js';
import { tableRows, treeRows, type ProcRow, type RowMark, type RowSource } from './rows.js';
import { scopedProcs } from './scope.js';
import type { ViewState } from './view-state.js';
import type { WatchState } from './watch.js';

export function rowSource(watch: WatchState, mode: ViewState['mode']): RowSource {
  const snapshot = watch.frame?.snapshot;
  if (snapshot === undefined) return { procs: [] };
  const procs: { proc: ProcInfo; mark: RowMark }[] = [];
  const shown = new Set<number>();
  for (const proc of scopedProcs(watch.scope, snapshot)) {
    procs.push({ proc, mark: watch.life.born.has(proc.pid) ? 'new' : 'live' });
    shown.add(proc.pid);
  }
  for (const [pid, stone] of watch.life.dead) {
    if (shown.has(pid)) continue;
    procs.push({ proc: stone.proc, mark: 'dead' });
    shown.add(pid);
  }
  // A followed process whose parent is outside the scope (an orphan adopted by
  // PID 1, a demo under procview) hangs under that parent, drawn grey.
  if (mode === 'tree' && watch.scope.kind === 'follow') {
    for (const { proc } of [...procs]) {
      const ppid = proc.ppid;
      if (ppid === undefined || shown.has(ppid)) continue;
      const parent = snapshot.procs.get(ppid);
      if (parent === undefined) continue;
      procs.push({ proc: parent, mark: 'context' });
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
