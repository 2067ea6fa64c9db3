// The one-shot scan (`procview ps`, `tree`) must give the very records the
// refreshing backend's first snapshot gives: compared on every fixture tree
// and option, and on the live /proc with a process of our own.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInspector, snapshotOnce } from '../../../src/inspect/inspector.js';
import { pidOf } from '../../../src/inspect/procfs/scan-once.js';
import type { InspectorOptions, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const FIXTURES = ['parse-hostile', 'tree-before', 'tree-after'].map((name) => fileURLToPath(new URL(`../../fixtures/proc/${name}`, import.meta.url)));

function byPid(snapshot: Snapshot): ProcInfo[] {
  return [...snapshot.procs.values()].sort((a, b) => a.pid - b.pid);
}

async function firstSnapshot(options: InspectorOptions): Promise<Snapshot> {
  const inspector = createInspector(options);
  try {
    return await inspector.snapshot();
  } finally {
    inspector.close();
  }
}

describe('snapshotOnce', () => {
  const variants: readonly InspectorOptions[] = [{}, { commandLines: false }, { fields: 'stat' }, { fields: 'stat', commandLines: false }];
  for (const procRoot of FIXTURES) {
    for (const variant of variants) {
      it(`gives the first snapshot's records on ${procRoot.split('/').pop() ?? procRoot} with ${JSON.stringify(variant)}`, async () => {
        const options = { ...variant, procRoot };
        const once = await snapshotOnce(options);
        expect(once.procs.size).toBeGreaterThan(0);
        expect(byPid(once)).toEqual(byPid(await firstSnapshot(options)));
        expect(Object.isFrozen(once)).toBe(true);
        // Sealed like every snapshot: the map refuses writes.
        expect(() => (once.procs as Map<number, ProcInfo>).delete(1)).toThrow(/read-only/);
      });
    }
  }

  it('rejects when the table cannot be listed', async () => {
    await expect(snapshotOnce({ procRoot: '/nonexistent/proc' })).rejects.toThrow(/ENOENT/);
  });

  it('reads a live process with its arguments and keeps no file open', async () => {
    const child = spawnGroup('sleep', ['300', '7']);
    // Settled: sleeping, with its arguments set (a read right after exec can see neither yet).
    const seen = await waitFor(
      async () => {
        const info = (await snapshotOnce()).procs.get(child.pid);
        return info?.state === 'S' && info.args === 'sleep 300 7' ? info : undefined;
      },
      { what: 'the sleeper to show up settled' },
    );
    expect(seen).toMatchObject({ pid: child.pid, ppid: process.pid, comm: 'sleep', uid: process.getuid?.() });
    expect(seen.user).toBeDefined();
    const before = readdirSync('/proc/self/fd').length;
    await snapshotOnce();
    expect(readdirSync('/proc/self/fd').length).toBe(before);
  });
});

describe('pidOf', () => {
  it('takes all-digit names only', () => {
    expect(pidOf('4242')).toBe(4242);
    expect(['self', 'sys', '12a', '1e3', ''].map(pidOf)).toEqual([-1, -1, -1, -1, -1]);
  });
});
