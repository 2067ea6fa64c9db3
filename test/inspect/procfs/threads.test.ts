// listThreads: the thread ids of /proc/PID/task for processes whose stat counts
// more than one thread, on a hand-made proc root and on a real python3 with
// named threads, through both procfs scans.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInspector, snapshotOnce } from '../../../src/inspect/inspector.js';
import { listThreads } from '../../../src/inspect/procfs/threads.js';
import { startNamedThreads } from '../../helpers/python-threads.js';
import { proc } from '../diff-builders.js';

const root = mkdtempSync(join(tmpdir(), 'procview-threads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** /proc/PID/task with one directory per tid, each with its comm. */
function task(pid: number, threads: Record<number, string>): void {
  for (const [tid, comm] of Object.entries(threads)) {
    mkdirSync(join(root, String(pid), 'task', tid), { recursive: true });
    writeFileSync(join(root, String(pid), 'task', tid, 'comm'), `${comm}\n`);
  }
}

describe('listThreads on a proc root', () => {
  task(10, { 10: 'python3', 12: 'worker1', 11: 'worker0' });
  // The stat of 20 says one thread: its task directory is not looked at (what pstree would find there is the leader alone).
  task(20, { 20: 'sleep', 21: 'stale' });

  it('lists the threads but the leader, by tid, only where stat field 20 counts more than one', () => {
    const procs = new Map([
      [10, proc({ pid: 10, comm: 'python3', threads: 3 })],
      [20, proc({ pid: 20, comm: 'sleep', threads: 1 })],
      [30, proc({ pid: 30, comm: 'gone', threads: 4 })],
    ]);
    expect(listThreads(root, procs, false)).toEqual(
      new Map([
        [
          10,
          [
            { tid: 11, comm: undefined },
            { tid: 12, comm: undefined },
          ],
        ],
      ]),
    );
    expect(listThreads(root, procs, true).get(10)).toEqual([
      { tid: 11, comm: 'worker0' },
      { tid: 12, comm: 'worker1' },
    ]);
  });
});

describe('Snapshot.threads on the live /proc', () => {
  it('lists a real process’s threads with their names, in the one-shot scan and the refreshing one', async () => {
    const pid = await startNamedThreads(['alpha', 'beta']);
    const once = await snapshotOnce({ fields: 'pstree', commandLines: false, threads: 'names' });
    expect(once.threads?.get(pid)?.map((thread) => thread.comm)).toEqual(['alpha', 'beta']);
    // Its other threads, as /proc/PID/task lists them (not ordered by pid: pids wrap at pid_max).
    const tasks = readdirSync(`/proc/${pid}/task`).map(Number);
    expect(once.threads?.get(pid)?.every((thread) => thread.tid !== pid && tasks.includes(thread.tid))).toBe(true);
    const inspector = createInspector({ threads: 'ids' });
    try {
      const first = await inspector.snapshot();
      expect(first.threads?.get(pid)).toEqual(once.threads?.get(pid)?.map((thread) => ({ tid: thread.tid, comm: undefined })));
    } finally {
      inspector.close();
    }
    expect((await snapshotOnce({ fields: 'pstree' })).threads).toBeUndefined();
  });
});
