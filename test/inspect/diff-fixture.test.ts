// diffSnapshots between two fixture /proc trees read by the real procfs backend:
// every event kind in one step (see test/fixtures/proc/tree-*/README.md).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/inspect/diff.js';
import { createInspector } from '../../src/inspect/inspector.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/proc/${name}`, import.meta.url));

describe('diffSnapshots on test/fixtures/proc/tree-before → tree-after', () => {
  it('explains the step with every kind of event, in the documented order', async () => {
    const before = await createInspector({ backend: 'procfs', procRoot: fixture('tree-before') }).snapshot();
    const after = await createInspector({ backend: 'procfs', procRoot: fixture('tree-after') }).snapshot();
    const events = diffSnapshots(before, after);
    const at = after.takenAt;
    expect(events).toEqual([
      { kind: 'exit', at, pid: 110, comm: 'sh', ppid: 100 },
      { kind: 'reap', at, pid: 140, comm: 'done', by: 100 },
      { kind: 'exit', at, pid: 180, comm: 'old', ppid: 100 },
      { kind: 'reparent', at, pid: 111, comm: 'sleep', from: 110, to: 1, orphaned: true, adopter: 'init' },
      { kind: 'exec', at, pid: 120, comm: 'cc', fromComm: 'make', fromArgs: 'make all', args: 'cc -c main.c' },
      { kind: 'zombie', at, pid: 130, comm: 'worker', ppid: 100 },
      { kind: 'stop', at, pid: 150, comm: 'vim' },
      { kind: 'continue', at, pid: 160, comm: 'job' },
      { kind: 'renice', at, pid: 170, comm: 'nicey', from: 0, to: 10 },
      { kind: 'spawn', at, pid: 180, comm: 'new', ppid: 1 },
      { kind: 'spawn', at, pid: 190, comm: 'fresh', ppid: 100 },
    ]);
  });

  it('sees nothing between two reads of the same tree', async () => {
    const inspector = createInspector({ backend: 'procfs', procRoot: fixture('tree-after') });
    const first = await inspector.snapshot();
    expect(diffSnapshots(first, await inspector.snapshot())).toEqual([]);
  });
});
