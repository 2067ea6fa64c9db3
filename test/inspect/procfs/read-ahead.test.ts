// A first scan shared with a helper thread (read-ahead.ts) builds the records
// one thread builds, whoever read each file, and whatever the helper does:
// reads everything first (the loop run inline), stalls on a slot, fails its
// reads, or never starts. Then the real helper thread on the real /proc.
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProcfsBackend } from '../../../src/inspect/procfs/backend.js';
import type { LoopFs, ReadAheadJob } from '../../../src/inspect/procfs/read-ahead-loop.js';
import { firstScanAlone, inlineHelper, type ReadAheadPolicy, shareWithHelperThread } from '../../../src/inspect/procfs/read-ahead.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url));
const PASSWD = join(FIXTURE, 'passwd');

/** The records of a first scan of the fixture tree with that helper (none: one thread). */
async function firstScan(readAhead: ReadAheadPolicy | undefined): Promise<{ records: ProcInfo[]; taken: number }> {
  const backend = new ProcfsBackend({
    procRoot: FIXTURE,
    passwdPath: PASSWD,
    readAhead: readAhead ?? { minimum: Number.POSITIVE_INFINITY, start: () => undefined },
  });
  const snapshot = await backend.snapshot();
  return { records: [...snapshot.procs.values()], taken: backend.filesReadAhead };
}

const oneThread = (): Promise<{ records: ProcInfo[]; taken: number }> => firstScan(undefined);

describe('a first scan with a read-ahead helper, on a fixture tree', () => {
  it('takes what a helper read ahead and builds the records one thread builds, in the same order', async () => {
    const alone = await oneThread();
    expect(alone.taken).toBe(0);
    // Inline, the helper reads every slot before the scan starts: the scan reads no file itself.
    const shared = await firstScan({ minimum: 0, start: inlineHelper() });
    expect(shared.taken).toBeGreaterThan(alone.records.length);
    expect(shared.records).toEqual(alone.records);
  });

  it('reads itself every file the helper failed to read', async () => {
    const failing: LoopFs = {
      openSync: (path, flags) => {
        if (path.endsWith('/status')) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
        if (path.endsWith('/cmdline')) throw Object.assign(new Error('ESRCH: no such process'), { code: 'ESRCH' });
        return openSync(path, flags);
      },
      readSync,
      closeSync,
    };
    const alone = await oneThread();
    const shared = await firstScan({ minimum: 0, start: inlineHelper(failing) });
    // Only the stats came from the helper.
    expect(shared.taken).toBeGreaterThan(0);
    expect(shared.taken).toBeLessThanOrEqual(readdirSync(FIXTURE).filter((name) => /^\d+$/.test(name)).length);
    expect(shared.records).toEqual(alone.records);
  });

  it('waits a bounded time for a helper that stalls on a slot, then reads the rest itself', async () => {
    const alone = await oneThread();
    const stalled = (job: ReadAheadJob): void => {
      // Claims the last slot and never finishes it, as a helper descheduled (or dead) midway.
      Atomics.store(new Int32Array(job.claims), job.dirs.length - 1, job.codes.helper);
    };
    const started = performance.now();
    const shared = await firstScan({ minimum: 0, start: stalled });
    expect(shared.records).toEqual(alone.records);
    expect(shared.taken).toBe(0);
    // One wait of WAIT_MS (50 ms) at most, not one per slot, nor forever.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('reads everything itself when the helper never starts', async () => {
    const alone = await oneThread();
    const shared = await firstScan({ minimum: 0, start: () => undefined });
    expect(shared).toEqual(alone);
  });

  it('starts no helper below its minimum, nor for a scan that reads stat alone', async () => {
    let jobs = 0;
    const counting: ReadAheadPolicy = { minimum: 0, start: () => void jobs++ };
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: { ...counting, minimum: 1_000_000 } }).snapshot();
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: counting, details: 'on-demand' }).snapshot();
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: counting, fields: 'stat', commandLines: false }).snapshot();
    expect(jobs).toBe(0);
    // Only the first scan of a backend: a later one reads one stat per process.
    const backend = new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: counting });
    await backend.snapshot();
    await backend.snapshot();
    expect(jobs).toBe(1);
  });

  it("reads the process's first full scan alone by default, and shares the next ones", async () => {
    let jobs = 0;
    const policy: ReadAheadPolicy = { minimum: 0, alone: firstScanAlone(), start: () => void jobs++ };
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: policy }).snapshot();
    expect(jobs).toBe(0);
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: policy }).snapshot();
    await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: policy }).snapshot();
    expect(jobs).toBe(2);
  });
});

describe.runIf(existsSync('/proc/self/stat'))('the read-ahead helper thread on /proc', () => {
  it('gives a process the record it has read alone, when the helper thread read its files', async () => {
    const sleeper = spawnGroup('sleep', ['3600']);
    // How much the helper takes depends on when its thread runs: scan until it took a share.
    const { backend, info } = await waitFor(
      async () => {
        const scanning = new ProcfsBackend({ readAhead: { minimum: 0, start: shareWithHelperThread } });
        const snapshot = await scanning.snapshot();
        const seen = snapshot.procs.get(sleeper.pid);
        return scanning.filesReadAhead > 0 && seen?.args === 'sleep 3600' && { backend: scanning, info: seen };
      },
      { what: 'a scan the helper thread shared', intervalMs: 10 },
    );
    const alone = backend.reread(sleeper.pid, info);
    const { cpuPercent: _a, memPercent: _b, rssBytes: _c, ...scanned } = info;
    expect(alone).toMatchObject(scanned);
    expect(info).toMatchObject({ comm: 'sleep', uid: process.getuid?.(), ppid: process.pid, stat: 'Ss' });
  });
});
