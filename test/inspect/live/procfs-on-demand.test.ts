// Status and cmdline read on demand (InspectorOptions.details 'on-demand', the
// dashboard's scans): real processes, listed from stat alone until asked for.
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createInspector } from '../../../src/inspect/inspector.js';
import type { Inspector, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { isNotRead, withDetails } from '../../../src/inspect/unread.js';
import { killGroup, spawnGroup, waitFor } from '../../helpers/processes.js';

function proc(snapshot: Snapshot, pid: number): ProcInfo {
  const info = snapshot.procs.get(pid);
  if (info === undefined) throw new Error(`pid ${pid} missing from the snapshot`);
  return info;
}

function readDetailsOf(inspector: Inspector): (procs: Iterable<ProcInfo>) => void {
  const read = inspector.readDetails;
  if (read === undefined) throw new Error('the procfs inspector reads details on demand');
  return read;
}

/** A sleeper with its arguments set (seen sleeping by a whole read), and its whole record. */
async function settledSleeper(seconds: string): Promise<{ pid: number; whole: ProcInfo }> {
  const { pid } = spawnGroup('sleep', [seconds]);
  const inspector = createInspector();
  const whole = await waitFor(
    async () => {
      const info = (await inspector.snapshot()).procs.get(pid);
      return info?.state === 'S' && info.args === `sleep ${seconds}` ? info : undefined;
    },
    { what: `sleep ${seconds} settled` },
  );
  inspector.close();
  return { pid, whole };
}

describe.runIf(process.platform === 'linux')('procfs backend: details on demand', () => {
  it('lists a process from stat alone, not read yet (not unknown), and reads it whole when asked', async () => {
    const { pid, whole } = await settledSleeper('301');
    const inspector = createInspector({ details: 'on-demand', longLived: true });
    const first = proc(await inspector.snapshot(), pid);
    expect(isNotRead(first)).toBe(true);
    expect(first.args).toBeUndefined();
    expect(first.user).toBeUndefined();
    expect(first.comm).toBe('sleep');
    expect(first.state).toBe('S');

    // Later scans do not take "not read yet" for an unreadable command line: still not read, nothing asked.
    const second = proc(await inspector.snapshot(), pid);
    expect(isNotRead(second)).toBe(true);

    readDetailsOf(inspector)([second]);
    const read = withDetails(second);
    expect(isNotRead(second)).toBe(false);
    expect(isNotRead(read)).toBe(false);
    expect(read.args).toBe('sleep 301');
    expect(read.uid).toBe(process.geteuid?.());
    expect(read.user).toBe(whole.user);
    expect(read.user).toBe(userInfo().username);
    expect(read.stat).toBe(whole.stat);
    expect(read.rssBytes).toBeGreaterThan(0);
    // Read once, the backend keeps it read: the next scan gives the whole record without being asked.
    const third = proc(await inspector.snapshot(), pid);
    expect(isNotRead(third)).toBe(false);
    expect(third.args).toBe('sleep 301');
    expect(third.user).toBe(whole.user);
    inspector.close();
  });

  it('reads nothing for a process nobody asks about, and only the ones asked for', async () => {
    const a = await settledSleeper('302');
    const b = await settledSleeper('303');
    const inspector = createInspector({ details: 'on-demand' });
    const snapshot = await inspector.snapshot();
    readDetailsOf(inspector)([proc(snapshot, a.pid)]);
    expect(withDetails(proc(snapshot, a.pid)).args).toBe('sleep 302');
    expect(isNotRead(proc(snapshot, b.pid))).toBe(true);
    const next = await inspector.snapshot();
    expect(isNotRead(proc(next, a.pid))).toBe(false);
    expect(isNotRead(proc(next, b.pid))).toBe(true);
    inspector.close();
  });

  it('gives a process that ended before it was read unknown details, not "not read yet"', async () => {
    const { pid } = await settledSleeper('304');
    const inspector = createInspector({ details: 'on-demand' });
    const record = proc(await inspector.snapshot(), pid);
    expect(isNotRead(record)).toBe(true);
    killGroup(pid);
    await waitFor(async () => !(await inspector.snapshot()).procs.has(pid), { what: `pid ${pid} gone` });
    readDetailsOf(inspector)([record]);
    expect(isNotRead(record)).toBe(false);
    expect(withDetails(record).args).toBeUndefined();
    expect(withDetails(record).user).toBeUndefined();
    inspector.close();
  });

  it('reads an exec again on demand: the record after the exec is not read until asked', async () => {
    // sh waits for a line on stdin, then becomes sleep (same pid, comm and command line change).
    const child = spawnGroup('sh', ['-c', 'read line; exec sleep 305'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const inspector = createInspector({ details: 'on-demand' });
    const before = await waitFor(async () => {
      const info = (await inspector.snapshot()).procs.get(child.pid);
      return info?.state === 'S' ? info : undefined;
    });
    readDetailsOf(inspector)([before]);
    expect(withDetails(before).args).toBe('sh -c read line; exec sleep 305');
    child.stdin?.write('go\n');
    const after = await waitFor(async () => {
      const info = (await inspector.snapshot()).procs.get(child.pid);
      return info?.comm === 'sleep' ? info : undefined;
    });
    expect(isNotRead(after)).toBe(true);
    readDetailsOf(inspector)([after]);
    expect(withDetails(after).args).toBe('sleep 305');
    inspector.close();
  });

  it('a re-read between scans (an event about the process) keeps it not read; a process new to the caller is read whole', async () => {
    const { pid } = await settledSleeper('307');
    const inspector = createInspector({ details: 'on-demand' });
    const reread = inspector.reread;
    if (reread === undefined) throw new Error('procfs re-reads one process');
    const listed = proc(await inspector.snapshot(), pid);
    const again = reread(pid, listed);
    expect(again?.state).toBe('S');
    expect(again === undefined ? false : isNotRead(again)).toBe(true);
    expect(again?.args).toBeUndefined();
    const fresh = reread(pid, undefined);
    expect(fresh === undefined ? true : isNotRead(fresh)).toBe(false);
    expect(fresh?.args).toBe('sleep 307');
    inspector.close();
  });

  it('reads everything by default (the library, ps, tree): no record is left not read', async () => {
    const { pid } = await settledSleeper('306');
    const snapshot = await createInspector().snapshot();
    expect(isNotRead(proc(snapshot, pid))).toBe(false);
    expect(proc(snapshot, pid).args).toBe('sleep 306');
    for (const info of snapshot.procs.values()) expect(isNotRead(info)).toBe(false);
  });
});
