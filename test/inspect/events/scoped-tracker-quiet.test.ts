// The scoped tracker's quiet ticks, on a fixture /proc (regular files: a kept descriptor reads a
// rewritten file from offset 0 as it does a proc file): with no pid handed out and no task
// released (/proc/loadavg's last two numbers unchanged), a tick reads loadavg only; once a task
// is released, the lists that held children are read again, a root's list too after the root was
// reopened (its thread count first unknown, then read).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScopedTracker } from '../../../src/inspect/events/scoped-tracker.js';

const ROOT = 4100;
const CHILD = 4101;

let dir = '';
let tracker: ScopedTracker | undefined;
afterEach(() => {
  tracker?.close();
  tracker = undefined;
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function loadavg(threads: number, lastPid: number): void {
  writeFileSync(join(dir, 'loadavg'), `0.10 0.20 0.30 1/${threads} ${lastPid}\n`);
}

function fakeProcess(pid: number, ppid: number, children: string): void {
  mkdirSync(join(dir, String(pid), 'task', String(pid)), { recursive: true });
  writeFileSync(join(dir, String(pid), 'stat'), `${pid} (sh) S ${ppid} ${ROOT} ${ROOT} 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n`);
  writeFileSync(join(dir, String(pid), 'task', String(pid), 'children'), children);
}

/** A fixture /proc: a shell ROOT with one child CHILD; the tracker that reads it. */
function fixtureTracker(): ScopedTracker {
  dir = mkdtempSync(join(tmpdir(), 'procview-tracker-'));
  loadavg(200, CHILD);
  fakeProcess(ROOT, 1, `${CHILD} `);
  fakeProcess(CHILD, ROOT, '');
  tracker = new ScopedTracker(dir);
  return tracker;
}

/** The subtree with both thread counts read. */
const bothKnown = (): Map<number, number | undefined> =>
  new Map([
    [ROOT, 1],
    [CHILD, 1],
  ]);

describe('ScopedTracker quiet ticks', () => {
  it('reads only loadavg while nothing is made or released, and the parent lists again once a task is released', () => {
    const t = fixtureTracker();
    const known = new Set([ROOT]);
    // First known by pid only (a program just started), then with its thread count: reopened.
    expect(t.tick(new Map([[ROOT, undefined]]), (pid) => known.has(pid), false).sightings).toEqual([[CHILD, ROOT]]);
    known.add(CHILD);
    const pids = bothKnown();
    t.tick(pids, (pid) => known.has(pid), false);
    t.tick(pids, (pid) => known.has(pid), false);
    const before = t.reads;
    // The child leaves the list with no task released: a quiet tick does not look (the stat pass will).
    writeFileSync(join(dir, String(ROOT), 'task', String(ROOT), 'children'), '');
    expect(t.tick(pids, (pid) => known.has(pid), false).changed).toEqual([]);
    expect(t.reads.kept - before.kept).toBe(1);
    // A task released (the thread count fell): the root's list is read again, though it was reopened.
    loadavg(199, CHILD);
    expect(t.tick(pids, (pid) => known.has(pid), false).changed).toEqual([ROOT]);
  });

  it('finds, in a stat pass, a list that changed while the machine stayed quiet', () => {
    const t = fixtureTracker();
    const pids = bothKnown();
    t.tick(pids, () => true, true);
    t.tick(pids, () => true, false);
    writeFileSync(join(dir, String(ROOT), 'task', String(ROOT), 'children'), '');
    expect(t.tick(pids, () => true, false).changed).toEqual([]);
    expect(t.tick(pids, () => true, true).changed).toEqual([ROOT]);
  });
});
