// Stat files kept open between scans (procfs backend): from the second scan
// on (from the first for a long-lived caller), a process's stat is re-read
// through the descriptor kept for it. These tests watch our own descriptors
// (/proc/self/fd) for the pids we started.
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInspector } from '../../../src/inspect/inspector.js';
import { ProcfsBackend } from '../../../src/inspect/procfs/backend.js';
import { spawnGroup, trackGroup, waitFor } from '../../helpers/processes.js';
import { collectOutput } from '../../helpers/output.js';

/** How many of this process's descriptors are open on /proc/PID/stat. */
function statFilesOpen(pid: number): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === `/proc/${pid}/stat`) count++;
    } catch {
      // The descriptor readdir itself used, closed by now.
    }
  }
  return count;
}

function sleeper(): number {
  const pid = spawnGroup('sleep', ['300']).pid;
  if (pid === undefined) throw new Error('no sleeper');
  return pid;
}

describe.runIf(process.platform === 'linux')('procfs backend: stat files kept open', () => {
  it('keeps nothing for one scan, keeps from the second, and still sees every change through the kept file', async () => {
    const pid = sleeper();
    const backend = new ProcfsBackend();
    // Forked before spawn() returned its pid: the first scan sees it.
    expect((await backend.snapshot()).procs.has(pid)).toBe(true);
    expect(statFilesOpen(pid)).toBe(0);
    await backend.snapshot();
    expect(statFilesOpen(pid)).toBe(1);
    expect(backend.keptFiles).toBeGreaterThan(0);

    process.kill(pid, 'SIGSTOP');
    await waitFor(async () => (await backend.snapshot()).procs.get(pid)?.state === 'T', { what: 'T through the kept file' });
    process.kill(pid, 'SIGCONT');
    await waitFor(async () => (await backend.snapshot()).procs.get(pid)?.state === 'S', { what: 'S again' });
    expect(statFilesOpen(pid)).toBe(1);

    process.kill(pid, 'SIGKILL');
    await waitFor(async () => !(await backend.snapshot()).procs.has(pid), { what: `pid ${pid} gone from the snapshot` });
    expect(statFilesOpen(pid)).toBe(0);
    backend.close();
  });

  it('keeps from the first scan for a long-lived caller (the dashboard), and sees changes through the file kept then', async () => {
    const pid = sleeper();
    const backend = new ProcfsBackend({ longLived: true });
    expect((await backend.snapshot()).procs.has(pid)).toBe(true);
    expect(statFilesOpen(pid)).toBe(1);
    process.kill(pid, 'SIGSTOP');
    await waitFor(async () => (await backend.snapshot()).procs.get(pid)?.state === 'T', { what: 'T through the file kept by the first scan' });
    expect(statFilesOpen(pid)).toBe(1);
    process.kill(pid, 'SIGCONT');
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => !(await backend.snapshot()).procs.has(pid), { what: `pid ${pid} gone from the snapshot` });
    expect(statFilesOpen(pid)).toBe(0);
    backend.close();
  });

  it('sees a process turn zombie through its kept file', async () => {
    // The shell (exec'd into sleep) never waits for its child; the child ends when told.
    const parent = spawnGroup('sh', ['-c', 'sleep 300 & exec sleep 300']);
    const backend = new ProcfsBackend();
    const child = await waitFor(async () => [...(await backend.snapshot()).procs.values()].find((p) => p.ppid === parent.pid && p.comm === 'sleep')?.pid, {
      what: 'the child of the shell',
    });
    await backend.snapshot();
    expect(statFilesOpen(child)).toBe(1);
    process.kill(child, 'SIGTERM');
    await waitFor(async () => (await backend.snapshot()).procs.get(child)?.state === 'Z', { what: 'the zombie' });
    expect(statFilesOpen(child)).toBe(1);
    backend.close();
  });

  it('gives every kept file back on close(), and opens again by name afterwards', async () => {
    const pid = sleeper();
    const backend = new ProcfsBackend();
    await backend.snapshot();
    await backend.snapshot();
    expect(statFilesOpen(pid)).toBe(1);
    backend.close();
    expect(backend.keptFiles).toBe(0);
    expect(statFilesOpen(pid)).toBe(0);
    expect((await backend.snapshot()).procs.has(pid)).toBe(true);
    expect(statFilesOpen(pid)).toBe(1);
    backend.close();
  });

  it('keeps nothing for a one-shot inspector or on a tree that is not procfs', async () => {
    const pid = sleeper();
    expect((await createInspector().snapshot()).procs.has(pid)).toBe(true);
    expect(statFilesOpen(pid)).toBe(0);
    const fixture = new ProcfsBackend({ procRoot: fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url)) });
    for (let i = 0; i < 3; i++) await fixture.snapshot();
    expect(fixture.keptFiles).toBe(0);
  });

  it('keeps at most half the open-files limit, and reads on by name when descriptors run out (EMFILE)', async () => {
    // 60 sleepers outnumber what a child limited to 48 descriptors may keep.
    const group = spawnGroup('sh', ['-c', 'i=0; while [ $i -lt 60 ]; do sleep 300 & i=$((i+1)); done; wait']);
    const sleepers = await waitFor(
      async () => {
        const procs = [...(await createInspector().snapshot()).procs.values()].filter((p) => p.ppid === group.pid);
        // Forked and exec'd: all 60 are sleep, asleep.
        const asleep = procs.filter((p) => p.comm === 'sleep' && p.state === 'S');
        return asleep.length === 60 ? asleep.map((p) => p.pid) : undefined;
      },
      { what: '60 sleepers asleep' },
    );
    // Every check is scoped to our sleepers: read in full (state S, not unknown) on every scan.
    const limited = async (hog: number): Promise<{ sizes: number[]; kept: number }> => {
      // The built backend (npm test builds first), as the control tests do for a child process.
      const backendUrl = new URL('../../../dist/inspect/procfs/backend.js', import.meta.url).href;
      const script = `
        const { openSync } = await import('node:fs');
        const { ProcfsBackend } = await import(${JSON.stringify(backendUrl)});
        // Other files of the program, taking descriptors the backend does not know about.
        for (let i = 0; i < ${hog}; i++) openSync('/dev/null', 'r');
        const backend = new ProcfsBackend();
        const sizes = [];
        for (let i = 0; i < 3; i++) {
          const snapshot = await backend.snapshot();
          sizes.push(${JSON.stringify(sleepers)}.filter((pid) => snapshot.procs.get(pid)?.state === 'S').length);
        }
        process.stdout.write(JSON.stringify({ sizes, kept: backend.keptFiles }));`;
      // ulimit -n in sh sets both the soft and the hard limit: node cannot raise it again.
      const child = spawn('sh', ['-c', 'ulimit -n 48 && exec "$0" --input-type=module -e "$1"', process.execPath, script], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      if (child.pid !== undefined) trackGroup(child.pid);
      const { code, stdout, stderr } = await collectOutput(child);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout) as { sizes: number[]; kept: number };
    };
    const complete = [60, 60, 60];
    const roomy = await limited(0);
    expect(roomy.sizes).toEqual(complete);
    expect(roomy.kept).toBeGreaterThan(0);
    expect(roomy.kept).toBeLessThanOrEqual(24);
    // With the program's own files near the limit, keeping runs into EMFILE: everything kept is given back.
    const crowded = await limited(30);
    expect(crowded.sizes).toEqual(complete);
    expect(crowded.kept).toBe(0);
  });
});
