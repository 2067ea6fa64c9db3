// Signals and renice from the dashboard, against real processes: identity
// (pid + start time) is checked right before acting, PID 1 and procview itself
// are refused, and EPERM/ESRCH come back as sentences, never as exceptions.
import { spawn } from 'node:child_process';
import { getPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renice, sendSignal, type ControlOutcome, type ProcessIdentity } from '../../src/inspect/control.js';
import { createInspector, readStartTime } from '../../src/inspect/inspector.js';
import type { BackendName } from '../../src/inspect/types.js';
import { isAlive, spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf, procStat } from '../e2e/helpers/procs.js';
import { collectOutput } from '../helpers/output.js';

interface KnownIdentity extends ProcessIdentity {
  readonly startTime: number;
}

/** `pid` as a snapshot of `backend` shows it; a record without a start time fails the test. */
async function identityOf(pid: number, backend?: BackendName): Promise<KnownIdentity> {
  const inspector = createInspector(backend === undefined ? {} : { backend });
  const proc = await waitFor(async () => (await inspector.snapshot()).procs.get(pid), { what: `pid ${pid} in a snapshot` });
  if (proc.startTime === undefined) throw new Error(`pid ${pid}: the ${inspector.backend} backend gave no start time`);
  return { pid, startTime: proc.startTime, comm: proc.comm };
}

/**
 * What a row drawn for an earlier owner of the pid would carry: the real start
 * time moved 10 s back. It cannot be the current owner's (a start time is fixed
 * for life), yet unlike 0 it is a value a real row could hold, so a refusal
 * comes from the rule under test, not from a start time no process can have.
 */
const stale = (target: KnownIdentity): KnownIdentity => ({ ...target, startTime: target.startTime - 10_000 });

function sleeper(): number {
  return pidOf(spawnGroup('sleep', ['300']));
}

describe('control: signals', () => {
  it('stops, continues and terminates a process it can identify', async () => {
    const pid = sleeper();
    const target = await identityOf(pid);
    expect(await sendSignal(target, 'STOP')).toEqual({ ok: true, message: `sent SIGSTOP to ${pid} (sleep)` });
    await waitFor(() => procStat(pid)?.state === 'T', { what: 'T' });
    expect((await sendSignal(target, 'CONT')).ok).toBe(true);
    await waitFor(() => procStat(pid)?.state === 'S', { what: 'S again' });
    expect((await sendSignal(target, 'TERM')).ok).toBe(true);
    await waitFor(() => procStat(pid)?.state !== 'S', { what: 'the sleeper to die' });
  });

  it('refuses PID 1, procview itself and non-pids without sending anything', async () => {
    const self = await identityOf(process.pid);
    // PID 1 with a stale start time: were its refusal broken, the identity
    // check would still stop a KILL from reaching init (this test runs as root here).
    const init = stale(await identityOf(1));
    // Non-pids have no process to take a start time from: the test's own, made stale, stands in.
    const notPids = [0, -5].map((pid) => ({ ...stale(self), pid }));
    for (const target of [init, self, ...notPids]) {
      const outcome = await sendSignal(target, 'KILL');
      expect({ pid: target.pid, ok: outcome.ok, reason: outcome.reason }).toEqual({ pid: target.pid, ok: false, reason: 'refused' });
    }
    expect((await sendSignal(init, 'TERM')).message).toMatch(/PID 1/);
    expect((await renice(self, 1)).message).toMatch(/procview itself/);
  });

  it('refuses a stale identity: same pid, different start time', async () => {
    const pid = sleeper();
    const earlier = stale(await identityOf(pid));
    const outcome = await sendSignal(earlier, 'KILL');
    expect(outcome).toMatchObject({ ok: false, reason: 'changed' });
    expect(isAlive(pid)).toBe(true);
    expect(await renice(earlier, 1)).toMatchObject({ ok: false, reason: 'changed' });
    expect(getPriority(pid)).toBe(0);
    expect(await sendSignal({ pid, startTime: undefined }, 'KILL')).toMatchObject({ ok: false, reason: 'refused' });
    expect(isAlive(pid)).toBe(true);
  });

  it('says a process that exited is gone, or that its pid now belongs to another', async () => {
    const pid = sleeper();
    const target = await identityOf(pid);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => procStat(pid) === undefined, { what: 'the sleeper to be reaped' });
    // Another process may be given the freed pid at any moment (other tests run
    // on this machine): the right answer depends on who holds the pid during the
    // call, so it is read on both sides and the call is judged only when that
    // did not change meanwhile.
    const judged = async (act: () => Promise<ControlOutcome>): Promise<{ reason: string | undefined; expected: string }> =>
      waitFor(
        async () => {
          const before = await readStartTime(pid);
          const outcome = await act();
          const after = await readStartTime(pid);
          if (before !== after) return undefined;
          expect(outcome.ok).toBe(false);
          return { reason: outcome.reason, expected: before === undefined ? 'gone' : 'changed' };
        },
        { what: `pid ${pid} to keep one owner for the length of a call` },
      );
    for (const act of [() => sendSignal(target, 'TERM'), () => renice(target, 1)]) {
      const { reason, expected } = await judged(act);
      expect(reason).toBe(expected);
    }
  });
});

describe('control: identity through the backend the row came from', () => {
  it('checks a start time from the ps backend against ps, in its units (whole seconds)', async () => {
    const pid = sleeper();
    const target = await identityOf(pid, 'ps');
    expect(await sendSignal(target, 'STOP', { backend: 'ps' })).toMatchObject({ ok: true });
    await waitFor(() => procStat(pid)?.state === 'T', { what: 'T' });
    // One second off in ps's unit (whole seconds): another process.
    expect(await sendSignal({ ...target, startTime: target.startTime + 1000 }, 'CONT', { backend: 'ps' })).toMatchObject({ ok: false, reason: 'changed' });
    expect(await renice(target, 1, { backend: 'ps' })).toMatchObject({ ok: true });
    expect(await sendSignal(target, 'KILL', { backend: 'ps' })).toMatchObject({ ok: true });
    await waitFor(() => procStat(pid)?.state !== 'T', { what: 'the sleeper to die' });
  });
});

describe('control: renice', () => {
  it('raises and lowers nice by one, within -20..19', async () => {
    const pid = sleeper();
    const target = await identityOf(pid);
    expect(await renice(target, 1)).toEqual({ ok: true, message: `set the nice value of ${pid} (sleep) to 1 (was 0)` });
    expect(getPriority(pid)).toBe(1);
    expect((await renice(target, 30)).message).toMatch(/to 19 \(was 1\)/);
    expect(await renice(target, 1)).toMatchObject({ ok: false, message: expect.stringMatching(/already at nice 19/) });
  });
});

// EPERM needs two users: as root, a child loads control.ts and then becomes
// `nobody` (setgroups, setgid, setuid: for good, saved ids too) before acting
// on a root-owned sleeper. Loading first means nobody never has to reach
// dist/, which it cannot where the checkout sits under a 0700 directory (as
// `mktemp -d` makes); the code that meets the EPERM is still ours, run as nobody.
describe.runIf(process.getuid?.() === 0)('control: permission errors as messages', () => {
  it("reports EPERM for another user's process and EACCES for lowering nice, without throwing", async () => {
    const pid = sleeper();
    const target = await identityOf(pid);
    const dist = (file: string): string => JSON.stringify(fileURLToPath(new URL(`../../dist/inspect/${file}`, import.meta.url)));
    // As nobody: signal and renice root's sleeper (EPERM), then renice its own
    // sleeper up and back down (lowering nice needs privilege: EACCES).
    const script = `
      const { spawn } = await import('node:child_process');
      const { sendSignal, renice } = await import(${dist('control.js')});
      const { readStartTime } = await import(${dist('inspector.js')});
      process.setgroups([]);
      process.setgid(65534);
      process.setuid(65534);
      if (process.getuid() !== 65534 || process.geteuid() !== 65534) throw new Error('still privileged');
      const target = ${JSON.stringify(target)};
      const mine = spawn('sleep', ['30'], { stdio: 'ignore' });
      let startTime;
      for (let i = 0; i < 200 && startTime === undefined; i++) startTime = await readStartTime(mine.pid);
      const own = { pid: mine.pid, startTime };
      const out = [await sendSignal(target, 'TERM'), await renice(target, 1), await renice(own, 1), await renice(own, -1)];
      mine.kill('SIGKILL');
      process.stdout.write(JSON.stringify(out));`;
    // cwd: a directory every user may enter, wherever the checkout lives.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    const { code, stdout, stderr } = await collectOutput(child);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [signal, nice, up, down] = JSON.parse(stdout) as { ok: boolean; reason: string; message: string }[];
    expect(signal).toMatchObject({ ok: false, reason: 'EPERM' });
    expect(signal?.message).toMatch(/not permitted to signal .*another user/);
    expect(nice).toMatchObject({ ok: false, reason: 'EPERM' });
    expect(up).toMatchObject({ ok: true });
    expect(down).toMatchObject({ ok: false, reason: 'EACCES' });
    expect(down?.message).toMatch(/needs root/);
    expect(isAlive(pid)).toBe(true);
  });
});
