// `procview events`: streaming lines and NDJSON for a scope, with procview's
// own processes never matched by --watch NAME.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nativeAddonMissing } from '../helpers/optional-tools.js';
import { killGroup, spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { CLI, ensureBuilt, REPO_ROOT, runCli } from '../helpers/run-cli.js';

ensureBuilt();

/** Starts `procview events ...args` in its own group; collects stdout lines until stopped. */
function startEvents(args: readonly string[]) {
  const child = spawn(process.execPath, [CLI, 'events', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid ?? 0;
  // Ended after the test whatever happens (it leads its own group).
  trackGroup(pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    pid,
    lines: () => stdout.split('\n').filter((line) => line !== ''),
    stderr: () => stderr,
    stop: async (): Promise<number | null> => {
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000))]);
      if (code === 'late') killGroup(pid);
      return code === 'late' ? null : code;
    },
  };
}

describe('procview events', () => {
  it('--watch NAME --json: NDJSON of the orphan pattern, never about procview itself; Ctrl-C ends it with 130', async () => {
    // A name no other process has: procview's own command line holds it, and must not match.
    const tag = `pv${randomBytes(4).toString('hex')}`;
    const events = startEvents(['--watch', tag, '--json', '--events', 'polling', '-d', '0.3']);
    await waitFor(() => events.stderr().includes('watching; events: polling'), { what: 'procview events to start', timeoutMs: 20_000 });
    // The tag is the script's $0, so it is in the command line; the orphan (sleep 30) is found as its descendant.
    // The parent exits when told, once procview has reported the child under it: no race with the scan interval.
    const program = spawnGroup('sh', ['-c', 'sleep 30 & read line; exit 0', tag], { stdio: ['pipe', 'ignore', 'ignore'] });
    const objects = (): Record<string, unknown>[] => events.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    await waitFor(() => objects().some((o) => o.event === 'spawn' && o.ppid === program.pid), {
      what: 'the child reported under its parent',
      timeoutMs: 60_000,
    });
    program.stdin?.end('go\n');
    const parsed = await waitFor(
      () => {
        const seen = objects();
        return seen.some((o) => o.event === 'reparent' && o.orphaned === true) ? seen : undefined;
      },
      { what: 'an orphaned line', timeoutMs: 60_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${events.lines().join('\n')}\n${events.stderr()}`);
    });
    const code = await events.stop();
    killGroup(program.pid);
    expect(code).toBe(130);
    for (const o of parsed) {
      expect(o).toMatchObject({ version: 1, kind: 'event' });
      for (const field of ['event', 'at', 'time', 'pid', 'comm', 'source', 'inferred']) expect(o, field).toHaveProperty(field);
      expect(o.pid).not.toBe(events.pid);
    }
    const orphaned = parsed.find((o) => o.event === 'reparent');
    expect(orphaned).toMatchObject({ from: program.pid, to: 1, adopter: 'init', inferred: null });
    // Never procview's own pid or its children.
    expect(parsed.some((o) => typeof o.args === 'string' && o.args.includes('procview') === true)).toBe(false);
  }, 120_000);

  it.runIf(process.getuid?.() === 0 && nativeAddonMissing() === undefined)(
    'a stopped process continued and gone before the next read is said to have continued, before its exit',
    async () => {
      // It stops itself when told, once procview watches it; once procview has said so, SIGCONT lets it
      // exit with code 3 within microseconds, almost never with a read between: the continue is then
      // inferred from the exit code.
      const program = spawnGroup('sh', ['-c', 'read line; kill -STOP $$; exit 3'], { stdio: ['pipe', 'ignore', 'ignore'] });
      const events = startEvents(['--watch', String(program.pid), '--json', '--events', 'kernel']);
      await waitFor(() => events.stderr().includes('watching; events: kernel'), { what: 'procview events to start', timeoutMs: 20_000 });
      program.stdin?.end('go\n');
      const ofProgram = (): Record<string, unknown>[] =>
        events
          .lines()
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((o) => o.pid === program.pid);
      await waitFor(() => ofProgram().some((o) => o.event === 'stop'), { what: 'the stop reported', timeoutMs: 30_000 });
      process.kill(program.pid, 'SIGCONT');
      const seen = await waitFor(
        () => {
          const all = ofProgram();
          return all.some((o) => o.event === 'exit' || o.event === 'zombie') ? all : undefined;
        },
        { what: 'the exit reported', timeoutMs: 30_000 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${events.lines().join('\n')}\n${events.stderr()}`);
      });
      await events.stop();
      const kinds = seen.map((o) => o.event);
      const resumed = kinds.indexOf('continue');
      const ended = kinds.findIndex((kind) => kind === 'exit' || kind === 'zombie');
      expect(resumed, kinds.join(', ')).toBeGreaterThanOrEqual(0);
      expect(resumed).toBeLessThan(ended);
      expect(seen[ended]).toMatchObject({ status: { code: 3 } });
      // Seen running between the two (rare), or inferred from the exit code after the stop.
      const continued = seen[resumed];
      if (continued?.inferred !== null) expect(String(continued?.inferred)).toContain('last read stopped');
    },
    90_000,
  );

  it('rejects bad flags and a pid that does not exist', async () => {
    expect((await runCli(['events', '--bogus'])).code).toBe(2);
    expect((await runCli(['events', '--events', 'maybe'])).code).toBe(2);
    const gone = await runCli(['events', '--watch', '2147483646']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('no process with pid 2147483646');
    // --plain, as run and replay take it: the default, accepted (then the missing pid is the error).
    const plain = await runCli(['events', '--plain', '--watch', '2147483646']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('no process with pid 2147483646');
    // An empty --watch is a bad command line, as in record, serve and the dashboard.
    for (const empty of ['', ' ']) {
      const blank = await runCli(['events', '--watch', empty]);
      expect(blank.code).toBe(2);
      expect(blank.stderr).toContain('--watch needs a PID or a NAME');
    }
    const both = await runCli(['events', '--plain', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--plain or --json, not both');
  });
});
