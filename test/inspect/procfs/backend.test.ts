// The real procfs backend over fixture trees (a copy of parse-hostile when a
// test must change files between snapshots).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FORKED_NO_EXEC } from '../../../src/inspect/fork-mark.js';
import { createInspector, readStartTime } from '../../../src/inspect/inspector.js';
import { ProcfsBackend } from '../../../src/inspect/procfs/backend.js';
import type { ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url));
const PASSWD = join(FIXTURE, 'passwd');
const BOOT_MS = 1_700_000_000_000;
const MEM_BYTES = 2_000_000 * 1024;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A writable copy of the fixture tree. */
function copyFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'procview-proc-'));
  temps.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

function proc(snapshot: Snapshot, pid: number): ProcInfo {
  const info = snapshot.procs.get(pid);
  if (info === undefined) throw new Error(`pid ${pid} missing from the snapshot`);
  return info;
}

/** Rewrites numbered stat fields (proc(5) numbering, counted after the comm's last `)`). */
function editStat(root: string, pid: number, changes: Record<number, string>, comm?: string): void {
  const path = join(root, String(pid), 'stat');
  const text = readFileSync(path, 'latin1');
  const close = text.lastIndexOf(')');
  const head = comm === undefined ? text.slice(0, close + 1) : `${pid} (${comm})`;
  const rest = text
    .slice(close + 2)
    .trimEnd()
    .split(' ');
  for (const [field, value] of Object.entries(changes)) rest[Number(field) - 3] = value;
  writeFileSync(path, `${head} ${rest.join(' ')}\n`, 'latin1');
}

describe('procfs backend on a fixture tree', () => {
  it('lists the numbered directories it can read, skipping malformed and vanished ones', async () => {
    const snapshot = await createInspector({ procRoot: FIXTURE }).snapshot();
    expect([...snapshot.procs.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 100, 101, 102, 103, 104, 105, 107, 108, 110, 111]);
  });

  it('builds every field of a foreground terminal process', async () => {
    const backend = new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD });
    expect(proc(await backend.snapshot(), 108)).toEqual({
      pid: 108,
      ppid: 1,
      pgid: 108,
      sid: 108,
      tty: 'pts/3',
      tpgid: 108,
      state: 'S',
      stat: 'S<Lsl+',
      nice: -5,
      priority: 15,
      threads: 4,
      policy: 'TS',
      uid: 1001,
      user: 'bob',
      startTime: BOOT_MS + 1_234_560,
      cpuPercent: undefined,
      memPercent: ((200 * 4096) / MEM_BYTES) * 100,
      rssBytes: 200 * 4096,
      vszBytes: 8_000_000,
      timeSeconds: 3,
      comm: 'vim',
      args: 'vim notes.txt',
      // Field 9 without PF_FORKNOEXEC: it exec'd since its fork.
      [FORKED_NO_EXEC]: false,
    });
  });

  it('keeps hostile names whole and raw', async () => {
    const snapshot = await createInspector({ procRoot: FIXTURE }).snapshot();
    expect(proc(snapshot, 100)).toMatchObject({ comm: 'a) Z 1 (b', args: '/tmp/x/a) Z 1 (b 30', ppid: 1, sid: 90, state: 'S' });
    expect(proc(snapshot, 101)).toMatchObject({ comm: 'Web Content', threads: 25, stat: 'Sl' });
    expect(proc(snapshot, 102)).toMatchObject({ comm: '(sd-pam)', args: '(sd-pam)', stat: 'Ss' });
    expect(proc(snapshot, 103)).toMatchObject({ comm: 'new\nline', args: './new line' });
    expect(proc(snapshot, 104)).toMatchObject({ comm: 'abcdefghijklmno', args: '/opt/abcdefghijklmnopqrstuvwxyz --flag' });
    expect(proc(snapshot, 107)).toMatchObject({ comm: 'bad\ufffd\ufffd', args: '/b\ufffd x' });
  });

  it('shows zombies and kernel threads with empty args', async () => {
    const backend = new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD });
    const snapshot = await backend.snapshot();
    expect(proc(snapshot, 105)).toMatchObject({ state: 'Z', stat: 'Z', args: '', ppid: 104, rssBytes: 0, vszBytes: 0 });
    expect(proc(snapshot, 2)).toMatchObject({ comm: 'kthreadd', ppid: 0, args: '', uid: 0, user: 'root', stat: 'S', tty: '?' });
    expect(proc(snapshot, 3)).toMatchObject({ comm: 'kworker/0:0H-events_highpri', ppid: 2, args: '', nice: -20, stat: 'S<' });
  });

  it('reads no command line when told not to (commandLines: false): args unknown, every other field as before', async () => {
    const full = await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD }).snapshot();
    const lean = await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD, commandLines: false }).snapshot();
    expect([...lean.procs.keys()]).toEqual([...full.procs.keys()]);
    // Kernel threads (2, 3) have no command line to read: '' either way; everyone else's is now unknown.
    const kernelThreads = new Set([2, 3]);
    for (const [pid, info] of full.procs) {
      expect(proc(lean, pid)).toEqual({ ...info, args: kernelThreads.has(pid) ? '' : undefined });
    }
    expect(proc(lean, 108).args).toBeUndefined();
  });

  it("reads stat alone with fields 'stat': owner and stat letters unknown, RSS from stat field 24, the rest as before", async () => {
    const root = copyFixture();
    // stat's rss (field 24) now differs from status VmRSS (800 kB = 200 pages), so the test sees which one was used.
    editStat(root, 108, { 24: '300' });
    const full = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD }).snapshot();
    const lean = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, fields: 'stat' }).snapshot();
    expect([...lean.procs.keys()]).toEqual([...full.procs.keys()]);
    // Kernel threads (2, 3) read no status either way: their owner is the kernel's (uid 0).
    const kernelThreads = new Set([2, 3]);
    for (const [pid, info] of full.procs) {
      if (kernelThreads.has(pid)) expect(proc(lean, pid)).toEqual(info);
      else
        expect(proc(lean, pid)).toMatchObject({
          ...info,
          uid: undefined,
          user: undefined,
          stat: undefined,
          rssBytes: expect.any(Number),
          memPercent: expect.any(Number),
        });
    }
    expect(proc(full, 108).rssBytes).toBe(800 * 1024);
    expect(proc(lean, 108)).toMatchObject({ rssBytes: 300 * 4096, memPercent: ((300 * 4096) / MEM_BYTES) * 100, args: 'vim notes.txt' });
  });

  it("never opens status with fields 'stat': a tree without status files reads the same", async () => {
    const root = copyFixture();
    const lean = (procRoot: string): Promise<Snapshot> => new ProcfsBackend({ procRoot, passwdPath: PASSWD, fields: 'stat', commandLines: false }).snapshot();
    const withStatus = await lean(root);
    for (const pid of withStatus.procs.keys()) rmSync(join(root, String(pid), 'status'), { force: true });
    const without = await lean(root);
    expect([...without.procs.values()]).toEqual([...withStatus.procs.values()]);
    expect(proc(without, 108)).toMatchObject({ comm: 'vim', args: undefined, uid: undefined, rssBytes: 200 * 4096 });
  });

  it("re-reads as its scans read with fields 'stat' and 'pstree': no status, the owner for 'pstree', records equal to the scan's", async () => {
    const root = copyFixture();
    const scanned = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, fields: 'stat' }).snapshot();
    const owned = await new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, fields: 'pstree' }).snapshot();
    // No status to read any more: a re-read that opened one would find the process gone.
    for (const pid of scanned.procs.keys()) rmSync(join(root, String(pid), 'status'), { force: true });
    for (const [fields, table] of [
      ['stat', scanned],
      ['pstree', owned],
    ] as const) {
      const backend = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, fields });
      for (const pid of [100, 101, 108]) {
        const scan = proc(table, pid);
        expect(backend.reread(pid, undefined), `${fields} ${pid} read whole`).toEqual(scan);
        expect(backend.reread(pid, scan), `${fields} ${pid} as the same program`).toEqual(scan);
      }
    }
    expect(proc(owned, 108).uid).toBeDefined();
  });

  it('names users from the passwd file, and unknown uids by number', async () => {
    const snapshot = await new ProcfsBackend({ procRoot: FIXTURE, passwdPath: PASSWD }).snapshot();
    expect(proc(snapshot, 100)).toMatchObject({ uid: 1000, user: 'alice' });
    expect(proc(snapshot, 110)).toMatchObject({ uid: 4242, user: '4242' });
    expect(proc(snapshot, 1)).toMatchObject({ uid: 0, user: 'root', args: '/sbin/init splash', stat: 'Ss', ppid: 0 });
    expect(proc(snapshot, 111)).toMatchObject({ state: 'T', stat: 'T', tty: 'tty1', tpgid: 108 });
  });

  it('gives the same start time to readStartTime, and undefined for a pid that is not there', async () => {
    const snapshot = await createInspector({ procRoot: FIXTURE }).snapshot();
    expect(await readStartTime(108, { procRoot: FIXTURE })).toBe(proc(snapshot, 108).startTime);
    expect(await readStartTime(99999, { procRoot: FIXTURE })).toBeUndefined();
    expect(await readStartTime(106, { procRoot: FIXTURE })).toBeUndefined();
  });

  it('rejects when the proc root itself cannot be listed', async () => {
    await expect(createInspector({ procRoot: '/nonexistent/proc' }).snapshot()).rejects.toThrow(/ENOENT/);
  });
});

describe('procfs backend between snapshots', () => {
  it('freezes records and snapshots; a later snapshot leaves an earlier one as it was', async () => {
    const root = copyFixture();
    const inspector = createInspector({ procRoot: root });
    const first = await inspector.snapshot();
    const vim = proc(first, 108);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(vim)).toBe(true);
    expect(() => (first.procs as Map<number, ProcInfo>).set(1, vim)).toThrow(TypeError);
    expect(() => (first.procs as Map<number, ProcInfo>).delete(1)).toThrow(TypeError);
    expect(() => (first.procs as Map<number, ProcInfo>).clear()).toThrow(TypeError);
    expect(() => {
      (vim as { nice: number | undefined }).nice = 3;
    }).toThrow(TypeError);

    editStat(root, 108, { 19: '2', 14: '300' });
    rmSync(join(root, '104'), { recursive: true });
    const second = await inspector.snapshot();
    expect(proc(second, 108).nice).toBe(2);
    expect(second.procs.has(104)).toBe(false);
    expect(proc(first, 108)).toBe(vim);
    expect(vim.nice).toBe(-5);
    expect(first.procs.has(104)).toBe(true);
    expect(new Map(second.procs).size).toBe(second.procs.size);
  });

  it('computes %CPU as top does: CPU ticks used over the wall time between scans', async () => {
    const root = copyFixture();
    const inspector = createInspector({ procRoot: root });
    const before = performance.now();
    await inspector.snapshot();
    const afterFirst = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // 100 more ticks of utime: one CPU-second.
    editStat(root, 108, { 14: '350' });
    const beforeSecond = performance.now();
    const second = await inspector.snapshot();
    const after = performance.now();
    const cpu = proc(second, 108).cpuPercent ?? Number.NaN;
    // The scans' own interval lies between these two bounds.
    expect(cpu).toBeGreaterThanOrEqual(100_000 / (after - before) - 1e-9);
    expect(cpu).toBeLessThanOrEqual(100_000 / (beforeSecond - afterFirst) + 1e-9);
    expect(proc(second, 108).timeSeconds).toBe(4);
    // Unchanged stat: 0%, and from then on the very same record.
    expect(proc(second, 1).cpuPercent).toBe(0);
    const third = await inspector.snapshot();
    expect(proc(third, 1)).toBe(proc(second, 1));
  });

  it('keeps the very same record when only fields after 24 changed (field 39: the CPU it last ran on)', async () => {
    const root = copyFixture();
    const inspector = createInspector({ procRoot: root });
    await inspector.snapshot();
    const steady = proc(await inspector.snapshot(), 108);
    expect(steady.cpuPercent).toBe(0);
    editStat(root, 108, { 39: '1', 26: '2' });
    const migrated = proc(await inspector.snapshot(), 108);
    expect(migrated).toBe(steady);
    expect(migrated.cpuPercent).toBe(0);
  });

  it('sees field 24 change when it only gains a digit (every byte up to it is alike)', async () => {
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    await inspector.snapshot();
    const before = proc(await inspector.snapshot(), 1);
    // rss 200 → 2000 pages: read again (status then gives the same VmRSS, so an equal record).
    editStat(root, 1, { 24: '2000' });
    const after = proc(await inspector.snapshot(), 1);
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it('re-reads status (RSS, VmLck, uid) when stat rss moved, never cmdline; CPU time alone reads nothing more', async () => {
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({ rssBytes: 800 * 1024, stat: 'S', uid: 1000 });
    writeFileSync(join(root, '100', 'cmdline'), 'changed\u0000');
    writeFileSync(join(root, '100', 'status'), 'Name:\tx\nUid:\t0\t1001\t0\t0\nVmLck:\t  4 kB\nVmRSS:\t   1200 kB\n');
    // Unchanged stat: the record is reused and nothing else is read.
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({ rssBytes: 800 * 1024, stat: 'S' });
    // Only CPU time moved: one read (stat); status is not consulted.
    editStat(root, 100, { 14: '13' });
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({ rssBytes: 800 * 1024, stat: 'S', uid: 1000 });
    // field 24 (rss) moved: status is read again for the exact VmRSS.
    editStat(root, 100, { 14: '14', 24: '300' });
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({
      args: '/tmp/x/a) Z 1 (b 30',
      rssBytes: 1200 * 1024,
      memPercent: (1200 * 100) / 2_000_000,
      stat: 'SL',
      uid: 1001,
      user: 'bob',
    });
  });

  it("with fields 'stat', follows stat's rss between scans and reads cmdline again only on exec", async () => {
    const root = copyFixture();
    const backend = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD, fields: 'stat' });
    expect(proc(await backend.snapshot(), 100)).toMatchObject({ rssBytes: 200 * 4096, args: '/tmp/x/a) Z 1 (b 30', uid: undefined });
    writeFileSync(join(root, '100', 'cmdline'), 'changed\u0000');
    // field 24 (rss) and utime (field 14; 14 + 3 ticks) moved: the record follows stat; the command line is carried over.
    editStat(root, 100, { 14: '14', 24: '300' });
    expect(proc(await backend.snapshot(), 100)).toMatchObject({
      rssBytes: 300 * 4096,
      timeSeconds: 0.17,
      args: '/tmp/x/a) Z 1 (b 30',
      uid: undefined,
      stat: undefined,
    });
    // An exec (comm changed): cmdline is read again.
    writeFileSync(join(root, '100', 'cmdline'), 'python3\u0000app.py\u0000');
    editStat(root, 100, {}, 'python3');
    expect(proc(await backend.snapshot(), 100)).toMatchObject({ comm: 'python3', args: 'python3 app.py', rssBytes: 300 * 4096, uid: undefined });
  });

  it('re-reads cmdline and status on exec (comm changed)', async () => {
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    await inspector.snapshot();
    writeFileSync(join(root, '100', 'cmdline'), 'python3\u0000app.py\u0000');
    writeFileSync(join(root, '100', 'status'), 'Name:\tpython3\nUid:\t1000\t1001\t1000\t1000\nVmLck:\t       0 kB\n');
    editStat(root, 100, {}, 'python3');
    const afterExec = proc(await inspector.snapshot(), 100);
    expect(afterExec).toMatchObject({ comm: 'python3', args: 'python3 app.py', uid: 1001, user: 'bob', rssBytes: 0 });
    expect(afterExec.cpuPercent).toBe(0);
  });

  it('reads again a command line that read empty mid-exec (new comm, no arguments yet), though stat did not change', async () => {
    // execve names the process (begin_new_exec) before the ELF loader sets up its arguments:
    // a read in between sees the new comm and an empty cmdline. Kept, '' would stand until the next exec.
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    await inspector.snapshot();
    writeFileSync(join(root, '100', 'cmdline'), '');
    editStat(root, 100, {}, 'python3');
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({ comm: 'python3', args: undefined });
    writeFileSync(join(root, '100', 'cmdline'), 'python3\u0000app.py\u0000');
    expect(proc(await inspector.snapshot(), 100)).toMatchObject({ comm: 'python3', args: 'python3 app.py' });
    // Known now: the next unchanged scan gives the very same record.
    const [again, last] = [proc(await inspector.snapshot(), 100), proc(await inspector.snapshot(), 100)];
    expect(last).toBe(again);
  });

  it('reads it again when re-reading one process between scans too', () => {
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    writeFileSync(join(root, '100', 'cmdline'), '');
    const midExec = inspector.reread(100, undefined);
    expect(midExec).toMatchObject({ pid: 100, args: undefined });
    writeFileSync(join(root, '100', 'cmdline'), 'python3\u0000app.py\u0000');
    expect(inspector.reread(100, midExec)).toMatchObject({ args: 'python3 app.py' });
  });

  it('re-reads one process into the record a scan gives, NI and the policy included (field 41: FIFO and IDLE show NI as -)', async () => {
    const root = copyFixture();
    for (const [pid, policy] of [
      [100, '1'],
      [101, '5'],
    ] as const)
      editStat(root, pid, { 19: '0', 41: policy });
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    const scanned = await inspector.snapshot();
    for (const [pid, policy] of [
      [100, 'FF'],
      [101, 'IDL'],
    ] as const) {
      const scan = proc(scanned, pid);
      expect(scan).toMatchObject({ nice: undefined, policy });
      // Read whole (nothing known of it), then as the same program the caller already holds.
      expect(inspector.reread(pid, undefined)).toEqual(scan);
      expect(inspector.reread(pid, scan)).toEqual(scan);
    }
  });

  it('sees a change of policy alone (field 41; chrt -p moves no field up to 24): NI shows or not by it', async () => {
    const root = copyFixture();
    editStat(root, 101, { 19: '0', 41: '0' });
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    expect(proc(await inspector.snapshot(), 101)).toMatchObject({ policy: 'TS', nice: 0 });
    editStat(root, 101, { 41: '5' });
    expect(proc(await inspector.snapshot(), 101)).toMatchObject({ policy: 'IDL', nice: undefined });
    editStat(root, 101, { 41: '3' });
    expect(proc(await inspector.snapshot(), 101)).toMatchObject({ policy: 'B', nice: 0 });
    // Nothing moved since: the very same record.
    const [again, last] = [proc(await inspector.snapshot(), 101), proc(await inspector.snapshot(), 101)];
    expect(last).toBe(again);
  });

  it('re-reads with the facts of its scans: a btime moved since (a stepped wall clock) makes no process a new one', async () => {
    const root = copyFixture();
    const inspector = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    const scanned = proc(await inspector.snapshot(), 101);
    const statPath = join(root, 'stat');
    writeFileSync(
      statPath,
      readFileSync(statPath, 'latin1').replace(/^btime (\d+)$/mu, (_, seconds: string) => `btime ${Number(seconds) + 1}`),
    );
    expect(inspector.reread(101, scanned)).toEqual(scanned);
  });

  it('treats a reused pid (new start time) as a new process', async () => {
    const root = copyFixture();
    const inspector = createInspector({ procRoot: root });
    await inspector.snapshot();
    await inspector.snapshot();
    writeFileSync(join(root, '101', 'cmdline'), 'other\u0000');
    editStat(root, 101, { 22: '999999' });
    const reused = proc(await inspector.snapshot(), 101);
    expect(reused).toMatchObject({ args: 'other', startTime: BOOT_MS + 9_999_990, cpuPercent: undefined });
  });

  it('re-reads a process that turned zombie: its command line is gone', async () => {
    const root = copyFixture();
    const inspector = createInspector({ procRoot: root });
    expect(proc(await inspector.snapshot(), 111).args).toBe('less README');
    writeFileSync(join(root, '111', 'cmdline'), '');
    editStat(root, 111, { 3: 'Z' });
    expect(proc(await inspector.snapshot(), 111)).toMatchObject({ state: 'Z', stat: 'Z', args: '' });
  });

  it('gives a partial record when a file exists but cannot be read (EACCES)', async () => {
    const root = copyFixture();
    for (const dir of [root, join(root, '108'), join(root, '110')]) chmodSync(dir, 0o755);
    chmodSync(join(root, '108', 'status'), 0o000);
    chmodSync(join(root, '108', 'cmdline'), 0o000);
    chmodSync(join(root, '110', 'stat'), 0o000);
    const snapshot = await asUnprivileged(() => createInspector({ procRoot: root }).snapshot());
    expect(proc(snapshot, 108)).toMatchObject({ comm: 'vim', state: 'S', nice: -5, tty: 'pts/3' });
    expect(proc(snapshot, 108)).toMatchObject({ uid: undefined, user: undefined, stat: undefined, args: undefined });
    expect(proc(snapshot, 110)).toEqual(expect.objectContaining({ pid: 110, ppid: undefined, comm: undefined, state: undefined }));
    expect(proc(snapshot, 1).args).toBe('/sbin/init splash');
  });
});

/**
 * Runs `task` where permission bits apply: as is for a normal user; as root,
 * with the effective uid switched to nobody for the duration (root reads
 * everything). The scan is synchronous inside snapshot(), so no other I/O of
 * this worker runs under the borrowed uid.
 */
async function asUnprivileged<T>(task: () => Promise<T>): Promise<T> {
  if (process.geteuid?.() !== 0) return task();
  const seteuid = process.seteuid;
  if (seteuid === undefined) throw new Error('seteuid is not available');
  seteuid(65534);
  try {
    return await task();
  } finally {
    seteuid(0);
  }
}

describe('procfs backend: who ignores SIGCHLD', () => {
  it('reads SigIgn of a fixture process, and knows nothing of one gone', () => {
    const root = copyFixture();
    const status = readFileSync(join(root, '108/status'), 'utf8');
    writeFileSync(join(root, '108/status'), `${status.replace(/\nSigIgn:[^\n]*/u, '')}SigIgn:\t0000000000010000\n`);
    const backend = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    expect(backend.ignoresChildSignal(108)).toBe(true);
    writeFileSync(join(root, '108/status'), `${status.replace(/\nSigIgn:[^\n]*/u, '')}SigIgn:\t0000000000000000\n`);
    expect(backend.ignoresChildSignal(108)).toBe(false);
    expect(backend.ignoresChildSignal(999_999)).toBeUndefined();
  });

  it.skipIf(spawnSync('perl', ['-e', '1']).status !== 0)('tells a real process that ignores SIGCHLD from one that does not', async () => {
    const backend = new ProcfsBackend();
    const perl = spawnGroup('perl', ['-e', '$SIG{CHLD} = "IGNORE"; sleep 300']);
    // False until perl has run its first statement; then true for good.
    expect(await waitFor(() => (backend.ignoresChildSignal(perl.pid) === true ? true : undefined), { timeoutMs: 20_000 })).toBe(true);
    // Node keeps SIGCHLD (libuv waits for its children with a handler).
    expect(backend.ignoresChildSignal(process.pid)).toBe(false);
  });
});

describe('procfs backend: a program that execs its own binary', () => {
  it("reads its command line again when told it exec'd, though its name and its stat are the same", async () => {
    const root = copyFixture();
    const backend = new ProcfsBackend({ procRoot: root, passwdPath: PASSWD });
    expect((await backend.snapshot()).procs.get(108)?.args).toBe('vim notes.txt');
    // `exec "$0" --second-stage`: same comm, and here not one stat field moved.
    writeFileSync(join(root, '108/cmdline'), 'vim\0--second-stage\0');
    // Not told: a scan takes an unchanged comm for an unchanged program (one read a process a refresh).
    expect((await backend.snapshot()).procs.get(108)?.args).toBe('vim notes.txt');
    backend.programChanged(108);
    expect((await backend.snapshot()).procs.get(108)?.args).toBe('vim --second-stage');
    // Read once: the mark is gone with that scan.
    writeFileSync(join(root, '108/cmdline'), 'vim\0third\0');
    expect((await backend.snapshot()).procs.get(108)?.args).toBe('vim --second-stage');
  });
});
