// A first scan shared with a helper thread (read-ahead.ts) builds the records
// one thread builds, whoever read each file, and whatever the helper does:
// reads everything first (the loop run inline), stalls on a slot, fails its
// reads, or never starts. Then the real helper thread on the real /proc.
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProcfsBackend } from '../../../src/inspect/procfs/backend.js';
import type { LoopFs, ReadAheadJob } from '../../../src/inspect/procfs/read-ahead-loop.js';
import { firstScanAlone, inlineHelper, type ReadAheadPolicy, shareWithHelperThread, stopHelperThread } from '../../../src/inspect/procfs/read-ahead.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url));
const PASSWD = join(FIXTURE, 'passwd');

const NO_HELPER: ReadAheadPolicy = { minimum: Number.POSITIVE_INFINITY, start: () => undefined };

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
// The shared helper thread a test started ends with the file, not 10 s later.
afterAll(() => stopHelperThread());

/** A writable copy of the fixture tree. */
function copyFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'procview-read-ahead-'));
  temps.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

/** Rewrites stat fields (proc(5) numbering, counted after the comm's last `)`). */
function editStat(root: string, pid: number, changes: Record<number, string>): void {
  const path = join(root, String(pid), 'stat');
  const text = readFileSync(path, 'latin1');
  const close = text.lastIndexOf(')');
  const rest = text
    .slice(close + 2)
    .trimEnd()
    .split(' ');
  for (const [field, value] of Object.entries(changes)) rest[Number(field) - 3] = value;
  writeFileSync(path, `${text.slice(0, close + 1)} ${rest.join(' ')}\n`, 'latin1');
}

/** The helper's file functions, out of descriptors (EMFILE) for the paths `fails` picks. */
function outOfFilesFor(fails: (path: string) => boolean): LoopFs {
  return {
    openSync: (path, flags) => {
      if (fails(path)) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
      return openSync(path, flags);
    },
    readSync,
    closeSync,
  };
}

/** The inline helper, then `after` (what changes on disk once the helper has read). */
function helperThen(after: (job: ReadAheadJob) => void, fs?: LoopFs): ReadAheadPolicy {
  const helper = inlineHelper(fs);
  return {
    minimum: 0,
    start: (job) => {
      helper(job);
      after(job);
    },
  };
}

/** The records of a first scan of the fixture tree with that helper (none: one thread). */
async function firstScan(readAhead: ReadAheadPolicy | undefined): Promise<{ records: ProcInfo[]; taken: number }> {
  const backend = new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, readAhead: readAhead ?? NO_HELPER });
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

  it('leaves a process it could not read whole to the scan, which reads all of its files then', async () => {
    // The helper reads 111's status and cmdline but not its stat; then 111 exits and a new process takes
    // the pid. Its record must be the new process's alone, not the old one's status and cmdline under
    // the new stat (a process read a scan apart).
    const root = copyFixture();
    const failing = outOfFilesFor((path) => path.endsWith('/111/stat'));
    const replace = (): void => {
      editStat(root, 111, { 3: 'S', 22: '9000' });
      writeFileSync(join(root, '111', 'status'), 'Name:\tnewproc\nUid:\t1000\t1000\t1000\t1000\nVmLck:\t0 kB\nVmRSS:\t100 kB\n');
      writeFileSync(join(root, '111', 'cmdline'), 'newproc\0--flag\0');
    };
    const shared = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, readAhead: helperThen(replace, failing) });
    const snapshot = await shared.snapshot();
    expect(shared.filesReadAhead).toBeGreaterThan(0);
    const alone = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, readAhead: NO_HELPER }).snapshot();
    expect(snapshot.procs.get(111)).toEqual(alone.procs.get(111));
    expect(snapshot.procs.get(111)).toMatchObject({ uid: 1000, args: 'newproc --flag', state: 'S' });
    expect([...snapshot.procs.values()]).toEqual([...alone.procs.values()]);
  });

  it('reads again a child the helper read before its parent, which exited meanwhile: the child names its adopter', async () => {
    const root = copyFixture();
    // 105 (a zombie) is 104's child. Once the helper has read 105 (and left 104 to the scan), 104
    // exits and is reaped: 105 goes to PID 1.
    const notTheParent = outOfFilesFor((path) => path.includes('/104/'));
    const exitParent = (): void => {
      rmSync(join(root, '104'), { recursive: true });
      editStat(root, 105, { 4: '1' });
    };
    const snapshot = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, readAhead: helperThen(exitParent, notTheParent) }).snapshot();
    expect(snapshot.procs.has(104)).toBe(false);
    expect(snapshot.procs.get(105)?.ppid).toBe(1);
  });

  it("takes the time of a stat the helper read for the next scan's %CPU interval", async () => {
    const root = copyFixture();
    // As if the helper had read every stat 100 s before the scan took its bytes.
    const readLongAgo = (job: ReadAheadJob): void => {
      new Float64Array(job.times).fill(performance.timeOrigin + performance.now() - 100_000);
    };
    const backend = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, readAhead: helperThen(readLongAgo) });
    await backend.snapshot();
    // 50 more clock ticks (0.5 s) of CPU over the ~100 s since: ~0.5%.
    editStat(root, 108, { 14: '300' });
    const cpu = (await backend.snapshot()).procs.get(108)?.cpuPercent;
    expect(cpu).toBeGreaterThan(0.4);
    expect(cpu).toBeLessThanOrEqual(0.5);
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
  it('gives a process whose files the helper thread read the record it has read alone', async () => {
    const sleeper = spawnGroup('sleep', ['3600']);
    const dir = `/proc/${sleeper.pid}`;
    // Whether the helper reads the sleeper depends on when its thread runs: scan until it did, the
    // sleeper asleep by then (its state is compared below).
    const { backend, info } = await waitFor(
      async () => {
        let helperRead: () => boolean = () => false;
        const watching: ReadAheadPolicy = {
          minimum: 0,
          start: (job) => {
            const slot = job.dirs.indexOf(dir);
            const claims = new Int32Array(job.claims);
            helperRead = () => slot >= 0 && Atomics.load(claims, slot) === job.codes.done;
            shareWithHelperThread(job);
          },
        };
        const scanning = new ProcfsBackend({ readAhead: watching });
        const seen = (await scanning.snapshot()).procs.get(sleeper.pid);
        return helperRead() && seen?.args === 'sleep 3600' && seen.state === 'S' && { backend: scanning, info: seen };
      },
      { what: 'a scan whose helper thread read the sleeper', intervalMs: 10 },
    );
    const alone = backend.reread(sleeper.pid, info);
    const { cpuPercent: _a, memPercent: _b, rssBytes: _c, ...scanned } = info;
    expect(alone).toMatchObject(scanned);
    expect(info).toMatchObject({ comm: 'sleep', uid: process.getuid?.(), ppid: process.pid, stat: 'Ss' });
  });
});
