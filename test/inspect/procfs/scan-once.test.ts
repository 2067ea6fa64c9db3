// The one-shot scan (`procview ps`, `tree`) must give the very records the
// refreshing backend's first snapshot gives: compared on every fixture tree
// and option, and on the live /proc with a process of our own.
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInspector, snapshotOnce } from '../../../src/inspect/inspector.js';
import { pidOf } from '../../../src/inspect/procfs/pid-name.js';
import type { InspectorOptions, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const FIXTURES = ['parse-hostile', 'tree-before', 'tree-after'].map((name) => fileURLToPath(new URL(`../../fixtures/proc/${name}`, import.meta.url)));

/** The system's python3 (not a version manager's shim, whose process name would differ). */
const PYTHON = '/usr/bin/python3';
/** Makes itself not dumpable (prctl PR_SET_DUMPABLE = 4, value 0), then waits to be killed. */
const NOT_DUMPABLE = 'import ctypes, time\nctypes.CDLL(None).prctl(4, 0, 0, 0, 0)\ntime.sleep(300)';

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
  const variants: readonly InspectorOptions[] = [
    {},
    { commandLines: false },
    { fields: 'stat' },
    { fields: 'stat', commandLines: false },
    { fields: 'pstree' },
    { fields: 'pstree', commandLines: false },
  ];
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

describe("fields 'pstree': uid from the owner of /proc/PID, as pstree reads it", () => {
  const asRoot = process.geteuid?.() === 0;

  it('takes the owner of each directory and never reads status', async () => {
    const root = mkdtempSync(join(tmpdir(), 'procview-pstree-fields-'));
    try {
      cpSync(FIXTURES[1] ?? '', root, { recursive: true });
      // No status anywhere: what 'pstree' gives comes from stat and the directories.
      for (const pid of readdirSync(root).filter((name) => pidOf(name) > 0)) rmSync(join(root, pid, 'status'), { force: true });
      if (asRoot) chownSync(join(root, '100'), 4242, 4242);
      const once = await snapshotOnce({ procRoot: root, fields: 'pstree' });
      expect(once.procs.size).toBeGreaterThan(1);
      for (const info of once.procs.values()) {
        expect(info.uid).toBe(statSync(join(root, String(info.pid))).uid);
        // STAT's letters need VmLck, from status; a kernel thread (no command line, args '') has none to read.
        if (info.args !== '') expect(info.stat).toBeUndefined();
      }
      if (asRoot) expect(once.procs.get(100)?.uid).toBe(4242);
      // Had status been read, its absence would have counted as the process gone (ENOENT): none is missing.
      expect(once.procs.size).toBe((await snapshotOnce({ procRoot: FIXTURES[1] ?? '', fields: 'pstree' })).procs.size);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // The files in /proc/PID of a process that is not dumpable turn root's (the kernel's
  // task_dump_owner), its directory stays the effective uid's: the uid status gives.
  it.runIf(asRoot && existsSync(PYTHON))('gives the uid status gives, also for a process of another user that made itself not dumpable', async () => {
    const child = spawnGroup('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', PYTHON, '-c', NOT_DUMPABLE]);
    const dir = `/proc/${child.pid}`;
    await waitFor(() => (readFileSync(`${dir}/comm`, 'utf8') === 'python3\n' && statSync(`${dir}/status`).uid === 0) || undefined, {
      what: 'the python3 child to run as 65534 and make itself not dumpable',
    });
    expect(statSync(dir).uid).toBe(65534);
    expect((await snapshotOnce({ fields: 'pstree' })).procs.get(child.pid)).toMatchObject({ comm: 'python3', uid: 65534 });
    expect((await snapshotOnce()).procs.get(child.pid)).toMatchObject({ comm: 'python3', uid: 65534 });
  });
});

describe('pidOf', () => {
  it('takes all-digit names only', () => {
    expect(pidOf('4242')).toBe(4242);
    expect(['self', 'sys', '12a', '1e3', ''].map(pidOf)).toEqual([-1, -1, -1, -1, -1]);
  });
});
