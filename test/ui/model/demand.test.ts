// Which records the list needs read before it is drawn (details on demand):
// the rows on screen and the selected one, or every record when the filter,
// the user choice or the sort looks at status or cmdline fields.
import { describe, expect, it } from 'vitest';
import { freezeProc, sealSnapshot, SealedMap } from '../../../src/inspect/snapshot.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { isNotRead, NOT_READ, noteRead, withDetails } from '../../../src/inspect/unread.js';
import { everyUnread, needsEveryRecord, shownUnread } from '../../../src/ui/model/demand.js';
import { initialViewState, type ViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch, type WatchState } from '../../../src/ui/model/watch.js';
import { ALL } from '../../../src/inspect/scope.js';
import { proc } from './fixtures.js';

/** A record as a scan on demand lists it: stat's fields only, marked not read yet. */
function notRead(pid: number): ProcInfo {
  const whole = proc(pid, 1);
  return freezeProc({ ...whole, uid: undefined, user: undefined, stat: undefined, args: undefined, [NOT_READ]: true });
}

function watchOf(procs: readonly ProcInfo[]): WatchState {
  const map = new SealedMap<number, ProcInfo>();
  for (const p of procs) map.set(p.pid, p);
  const snap = sealSnapshot(1000, map);
  return advanceWatch(
    initialWatch(ALL),
    { seq: 1, begunAt: 1, snapshot: snap, previous: undefined, events: [], host: { uptimeSeconds: 1, load: [0, 0, 0] }, intervalMs: 1000 },
    [],
  );
}

const byPid: ViewState = { ...initialViewState(false), sort: 'pid', descending: false };

describe('details on demand: what the list needs read', () => {
  it('a filter, a user or a sort on USER, STAT, RSS, %MEM or COMMAND needs every record; PID, %CPU, TIME do not', () => {
    expect(needsEveryRecord(byPid)).toBe(false);
    expect(needsEveryRecord({ ...byPid, sort: 'cpu' })).toBe(false);
    expect(needsEveryRecord({ ...byPid, sort: 'time' })).toBe(false);
    expect(needsEveryRecord({ ...byPid, filter: 'sleep' })).toBe(true);
    expect(needsEveryRecord({ ...byPid, filter: '   ' })).toBe(false);
    expect(needsEveryRecord({ ...byPid, user: 'ann' })).toBe(true);
    for (const sort of ['user', 'stat', 'rss', 'mem', 'command'] as const) expect(needsEveryRecord({ ...byPid, sort })).toBe(true);
  });

  it('the rows on screen and the selected one are the ones to read; not read yet is not unknown', () => {
    const procs = [10, 11, 12, 13, 14, 15].map(notRead);
    const rows = computeRows(watchOf(procs), byPid);
    expect(rows.map((row) => row.pid)).toEqual([10, 11, 12, 13, 14, 15]);
    // Two rows on screen from offset 1, the cursor below them.
    expect(shownUnread(rows, { offset: 1, cursor: 5 }, 2).map((p) => p.pid)).toEqual([11, 12, 15]);
    expect(everyUnread(rows)).toHaveLength(6);
    for (const p of procs) expect(isNotRead(p)).toBe(true);
  });

  it('a record read after the scan replaces it in the rows, so a filter on its command line finds it', () => {
    const procs = [20, 21].map(notRead);
    const watch = watchOf(procs);
    const filtered: ViewState = { ...byPid, filter: 'p21 --run' };
    expect(computeRows(watch, filtered)).toEqual([]);
    const [, second] = procs;
    if (second === undefined) throw new Error('two records');
    const read = proc(21, 1);
    noteRead(second, read);
    expect(isNotRead(second)).toBe(false);
    expect(withDetails(second)).toBe(read);
    const rows = computeRows(watch, filtered);
    expect(rows.map((row) => row.proc)).toEqual([read]);
    expect(shownUnread(rows, { offset: 0, cursor: 0 }, 10)).toEqual([]);
  });

  it('a copy of a record not read yet stays not read; a record read whole carries no mark', () => {
    const first = notRead(30);
    const settled = freezeProc({ ...first, cpuPercent: 0 });
    expect(isNotRead(settled)).toBe(true);
    expect(isNotRead(proc(31, 1))).toBe(false);
    expect(Object.getOwnPropertySymbols(proc(31, 1))).toEqual([]);
  });
});
