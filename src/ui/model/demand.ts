// Which records the list needs whole before it is drawn. The dashboard's scans
// leave status and cmdline of a user process for later (InspectorOptions.details
// 'on-demand', inspect/unread.ts): the rows on screen and the one under the
// cursor (the detail pane) are read before they are drawn, and every record
// when the order or the choice of rows depends on those fields.
import { isNotRead } from '../../inspect/unread.js';
import type { ProcInfo } from '../../inspect/types.js';
import type { ColumnId } from './columns.js';
import type { ProcRow } from './rows.js';
import type { ViewState } from './view-state.js';

/** Columns whose value comes from status (USER, STAT's L, RSS, %MEM: VmRSS) or cmdline (COMMAND). */
const FROM_DETAILS: ReadonlySet<ColumnId> = new Set<ColumnId>(['stat', 'mem', 'rss', 'user', 'command']);

/** Whether the rows kept, or their order, depend on status or cmdline: `/` (user and command line), `u`, or such a sort. */
export function needsEveryRecord(view: Pick<ViewState, 'filter' | 'user' | 'sort'>): boolean {
  return view.filter.trim() !== '' || view.user.trim() !== '' || FROM_DETAILS.has(view.sort);
}

/** The records of the rows on screen (`page` rows from view.offset) and under the cursor that are not read yet. */
export function shownUnread(rows: readonly ProcRow[], view: Pick<ViewState, 'offset' | 'cursor'>, page: number): ProcInfo[] {
  const out: ProcInfo[] = [];
  const end = Math.min(rows.length, view.offset + page);
  for (let i = Math.max(0, view.offset); i < end; i += 1) {
    const proc = rows[i]?.proc;
    if (proc !== undefined && isNotRead(proc)) out.push(proc);
  }
  const selected = rows[view.cursor]?.proc;
  if (selected !== undefined && isNotRead(selected) && !out.includes(selected)) out.push(selected);
  return out;
}

/** Every record of `rows` not read yet. */
export function everyUnread(rows: readonly ProcRow[]): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const { proc } of rows) if (isNotRead(proc)) out.push(proc);
  return out;
}
