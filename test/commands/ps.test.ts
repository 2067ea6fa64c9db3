// `procview ps` against procps `ps` on processes this test started.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROC_FIELDS } from '../../src/inspect/format/json.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { procps } from '../helpers/procps.js';
import { CLI, ensureBuilt, lines, REPO_ROOT, runCli, spawnPid } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

/** The line whose PID column (index `pidColumn` of the whitespace-split line) is `pid`. */
function lineOf(output: string, pid: number, pidColumn: number): string | undefined {
  return lines(output).find((line) => line.trim().split(/\s+/u)[pidColumn] === String(pid));
}

/** utime + stime of `pid` in clock ticks (stat fields 14 and 15). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /su, '')
    .split(' ');
  // After "pid (comm) ", field 3 (state) is index 0: fields 14 and 15 are 11 and 12.
  return Number(fields[11]) + Number(fields[12]);
}

/** How many minutes apart two START cells are: 0 when equal, else both `HH:MM` (same day); Infinity otherwise. */
function minutesApart(a: string, b: string): number {
  if (a === b) return 0;
  const minutes = (cell: string): number | undefined => {
    const match = /^(\d\d):(\d\d)$/u.exec(cell);
    return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
  };
  const [x, y] = [minutes(a), minutes(b)];
  if (x === undefined || y === undefined) return Number.POSITIVE_INFINITY;
  const apart = Math.abs(x - y);
  return Math.min(apart, 24 * 60 - apart); // 23:59 and 00:00 are a minute apart
}

/** A `sleep 30` child of this test process, and a zombie under an exec'd `sleep 30`. */
async function startSleeperAndZombie(): Promise<{ sleeper: number; zombieParent: number; zombie: number }> {
  const sleeper = spawnPid('sleep', ['30']);
  // The background sleep exits at once; its parent has become `sleep 30` by exec and never waits.
  const zombieParent = spawnPid('sh', ['-c', 'sleep 0 & exec sleep 30']);
  const zombie = await waitFor(
    () => {
      const found = procps(['-o', 'pid=,stat=', '--ppid', String(zombieParent)])
        .trim()
        .split(/\s+/u);
      return found[1]?.startsWith('Z') === true ? Number(found[0]) : undefined;
    },
    { what: 'a zombie child of the exec’d sleep' },
  );
  await waitFor(() => procps(['-o', 'args=', '-p', String(zombieParent)]).trim() === 'sleep 30', { what: 'the exec' });
  return { sleeper, zombieParent, zombie };
}

describe('procview ps', () => {
  it('prints the ps -ajx columns, and our processes exactly as procps prints them', async () => {
    const { sleeper, zombieParent, zombie } = await startSleeperAndZombie();
    const { code, stdout, stderr } = await runCli(['ps']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const reference = procps(['-ajx']);
    expect(lines(stdout)[0]).toBe(lines(reference)[0]);
    for (const pid of [sleeper, zombieParent, zombie]) expect(lineOf(stdout, pid, 1)).toBe(lineOf(reference, pid, 1));

    const sleeperFields = lineOf(stdout, sleeper, 1)?.trim().split(/\s+/u);
    expect(sleeperFields?.[0]).toBe(String(process.pid)); // PPID: this test process
    expect(sleeperFields?.[6]).toMatch(/^S/u);
    expect(lineOf(stdout, zombie, 1)).toMatch(new RegExp(`^ *${zombieParent} +${zombie} .* Z +\\d+ +0:00 \\[sleep\\] <defunct>$`, 'u'));
  });

  it('cuts its lines at COLUMNS when that is a width, into a pipe too, as procps does, never into the fixed columns; -w keeps them whole', async () => {
    // A shell with more to do after sleep stays (one with a last command alone may exec it and lose its argv).
    const long = spawnGroup('sh', ['-c', 'sleep 1000; :', 'x'.repeat(150)]);
    await waitFor(() => readFileSync(`/proc/${long.pid}/cmdline`, 'utf8').includes('xxx') || undefined, { what: 'the long command line' });
    const env = { ...process.env, COLUMNS: '100' };
    const run = (command: string, args: readonly string[]): string => spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const ours = run(process.execPath, [CLI, 'ps']);
    const theirs = run('ps', ['-ajx']);
    expect(lines(ours)[0]).toBe(lines(theirs)[0]);
    expect(lineOf(ours, long.pid, 1)).toBe(lineOf(theirs, long.pid, 1));
    expect(lineOf(ours, long.pid, 1)?.length).toBe(100);
    expect(lineOf(run(process.execPath, [CLI, 'ps', '-w']), long.pid, 1)).toContain('x'.repeat(150));
    // Narrower than the fixed columns and 3 cells of COMMAND: procps takes the width twice (or more)
    // and never cuts the header.
    for (const columns of ['30', '59']) {
      const narrow = { ...process.env, COLUMNS: columns };
      const ask = (command: string, args: readonly string[]): string =>
        spawnSync(command, args, { env: narrow, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      const [ourHeader, theirHeader] = [lines(ask(process.execPath, [CLI, 'ps']))[0], lines(ask('ps', ['-ajx']))[0]];
      expect(ourHeader, columns).toBe(theirHeader);
      expect(lineOf(ask(process.execPath, [CLI, 'ps']), long.pid, 1), columns).toBe(lineOf(ask('ps', ['-ajx']), long.pid, 1));
    }
  });

  it('prints ? for a command line of empty arguments, as procps does, and [comm] only for none at all', async () => {
    // argv [""]: /proc/PID/cmdline holds one NUL. sh waits on its stdin pipe, a process group of its own (cleaned up after the test).
    const blank = spawnGroup('sh', [], { argv0: '', stdio: ['pipe', 'ignore', 'ignore'] }).pid;
    await waitFor(() => readFileSync(`/proc/${blank}/cmdline`, 'latin1') === '\u0000', { what: 'the blank argv' });
    const { stdout } = await runCli(['ps']);
    const reference = procps(['-ajx']);
    expect(lineOf(reference, blank, 1)).toMatch(/ \?$/u);
    expect(lineOf(stdout, blank, 1)).toBe(lineOf(reference, blank, 1));
  });

  it('--format aux prints the ps aux columns plus NI', async () => {
    const sleeper = spawnPid('sleep', ['30']);
    await waitFor(() => procps(['-o', 's=,args=', '-p', String(sleeper)]).trim() === 'S sleep 30', { what: 'the sleeper to exec and sleep' });
    const { code, stdout } = await runCli(['ps', '--format', 'aux']);
    expect(code).toBe(0);
    const reference = procps(['aux']);
    expect(lines(stdout)[0]).toBe(lines(reference)[0]?.replace(' RSS ', ' RSS  NI '));
    const ours = (lineOf(stdout, sleeper, 1) ?? '').split(/\s+/u);
    const theirs = (lineOf(reference, sleeper, 1) ?? '').split(/\s+/u);
    // USER PID %CPU %MEM VSZ RSS [NI] TTY STAT START TIME COMMAND: USER, PID, VSZ,
    // TTY, STAT, TIME and COMMAND must be procps's own. RSS is a separate fact
    // (procps reads VmRSS from status, stat field 24 can lag it by a few pages).
    const pick = (fields: string[], ni: number): string[] => [...fields.slice(0, 2), fields[4] ?? '', ...fields.slice(6 + ni, 8 + ni), ...fields.slice(9 + ni)];
    expect(pick(ours, 1)).toEqual(pick(theirs, 0));
    // %CPU is CPU time over the time alive, each read at its own instant:
    // a sleeper charged no CPU tick reads 0.0 in both; one charged a tick (a
    // slow exec on a busy machine) reads less the later it is read.
    const ticks = cpuTicks(sleeper);
    if (ticks === 0) expect(ours[2]).toBe(theirs[2]);
    else expect(ours[2]).toMatch(/^\d+\.\d$/u);
    // START: both date a start from btime (ps -o lstart agrees with it to the
    // second); allowed a minute apart, as a run across midnight changes its form.
    expect(minutesApart(ours[9] ?? '', theirs[8] ?? '')).toBeLessThanOrEqual(1);
    expect(ours[6]).toBe('0'); // NI
    expect(Number(ours[5])).toBeGreaterThan(0);
  });

  it("--format aux: %CPU of a process whose CPU time no longer moves lies between ps's before and after", async () => {
    // Busy for 0.3 s, then it stops itself (T): its CPU time is fixed, so ps's %CPU only falls as it ages.
    const spinner = spawnPid('python3', [
      '-c',
      'import os, signal, time\nt = time.time()\nwhile time.time() - t < 0.3: pass\nos.kill(os.getpid(), signal.SIGSTOP)',
    ]);
    await waitFor(() => procps(['-o', 's=', '-p', String(spinner)]).trim() === 'T', { what: 'the spinner to have spun and stopped itself' });
    const cpu = (output: string, column: number): number => Number((lineOf(output, spinner, 1) ?? '').trim().split(/\s+/u)[column]);
    const before = cpu(procps(['aux']), 2);
    const { stdout } = await runCli(['ps', '--format', 'aux']);
    const after = cpu(procps(['aux']), 2);
    const ours = cpu(stdout, 2);
    // procps 4 divides by the age with its fraction, from /proc/uptime (wall clock minus btime's whole
    // seconds read up to a second older, and whole seconds read less or more). ps truncates the age to
    // whole ticks (output.c pr_pcpu), and the kernel truncates utime and stime to ticks each, splitting
    // the same run time anew on each read (cputime_adjust): one tick of each either way. Seen under a
    // full suite: ps 71.1, procview 55.1, ps 56.1.
    const ticks = cpuTicks(spinner);
    const slack = (percent: number): number => (2 * percent) / ticks + 0.2;
    expect(after).toBeGreaterThan(0);
    expect(ours, `ps ${before}, procview ${ours}, ps ${after}`).toBeLessThanOrEqual(before + slack(before));
    expect(ours, `ps ${before}, procview ${ours}, ps ${after}`).toBeGreaterThanOrEqual(after - slack(after));
  });

  it('--json prints { version: 1, kind: "ps", processes } with every field, null when unknown', async () => {
    const sleeper = spawnPid('sleep', ['30']);
    await waitFor(() => procps(['-o', 's=,args=', '-p', String(sleeper)]).trim() === 'S sleep 30', { what: 'the sleeper to exec and sleep' });
    const { code, stdout } = await runCli(['ps', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as {
      version: unknown;
      kind: unknown;
      takenAt: unknown;
      cpuPercentBasis: unknown;
      processes: Record<string, unknown>[];
    };
    expect(Object.keys(document)).toEqual(['version', 'kind', 'takenAt', 'cpuPercentBasis', 'processes']);
    expect(document).toMatchObject({ version: 1, kind: 'ps', cpuPercentBasis: 'lifetime' });
    const procs = document.processes;
    for (const proc of procs) expect(Object.keys(proc)).toEqual([...PROC_FIELDS]);
    const pids = procs.map((proc) => proc.pid);
    expect(new Set(pids).size).toBe(pids.length);
    expect(procs.find((proc) => proc.pid === sleeper)).toMatchObject({
      ppid: process.pid,
      pgid: sleeper,
      state: 'S',
      comm: 'sleep',
      args: 'sleep 30',
      nice: 0,
      tty: null, // no terminal: ps prints '?'
    });
    // ps's lifetime %CPU: 0 for a sleeper charged no CPU tick; one charged a
    // tick (a slow exec on a busy machine) reads more than 0.
    const cpuPercent = procs.find((proc) => proc.pid === sleeper)?.cpuPercent;
    if (cpuTicks(sleeper) === 0) expect(cpuPercent).toBe(0);
    else expect(cpuPercent).toBeGreaterThanOrEqual(0);
    // Truncated to tenths as ps prints them, not the raw ratio.
    for (const proc of procs) {
      for (const field of ['cpuPercent', 'memPercent'] as const) {
        const value = proc[field];
        if (typeof value === 'number') expect(Math.round(value * 10) / 10).toBe(value);
      }
    }
  });

  it('does not fail when the reader goes away (procview ps | head)', () => {
    for (const args of ['ps --json', 'ps --format aux']) {
      const result = execFileSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" ${args} | head -c 1 >/dev/null 2>&1; echo $?`], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(result.trim()).toBe('0');
    }
  });

  it('--help and --version print and exit 0', async () => {
    const help = await runCli(['ps', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: procview ps');
    const version = await runCli(['ps', '--version']);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^procview \d+\.\d+\.\d+\n$/u) as unknown });
  });

  it('rejects an unknown flag or a bad format with a one-line error, usage, exit 2', async () => {
    for (const [args, message] of [
      [['ps', '--bogus'], "procview: unknown option '--bogus'"],
      [['ps', '--format', 'long'], "procview: unknown format 'long' (expected j or aux)"],
      [['ps', '--format'], "procview: option '--format <value>' argument missing"],
      [['ps', 'extra'], "procview: unexpected argument 'extra'"],
    ] as const) {
      const { code, stdout, stderr } = await runCli(args);
      expect({ args, code, stdout, first: lines(stderr)[0] }).toEqual({ args, code: 2, stdout: '', first: message });
      expect(lines(stderr)).toEqual([message, expect.stringMatching(/^Usage: procview ps /u)]);
    }
  });
});

// Real-time policies: procps prints NI as `-` where the nice value has no say
// (SCHED_FIFO, RR, IDLE, DEADLINE; stat field 41). chrt needs root for FIFO.
const chrt = spawnSync('sh', ['-c', 'command -v chrt'], { encoding: 'utf8' }).stdout.trim();
const rtSkip = process.getuid?.() !== 0 ? 'needs root (SCHED_FIFO)' : chrt === '' ? 'needs chrt (util-linux)' : undefined;
describe.skipIf(rtSkip !== undefined)(`procview ps on real-time processes${rtSkip === undefined ? '' : ` (skipped: ${rtSkip})`}`, () => {
  it('prints NI `-` as procps does, and --json says nice null, policy FF', async () => {
    const fifo = spawnPid(chrt, ['-f', '10', 'sleep', '30']);
    const idle = spawnPid(chrt, ['-i', '0', 'sleep', '31']);
    const batch = spawnPid(chrt, ['-b', '0', 'nice', '-n', '3', 'sleep', '32']);
    for (const [pid, args] of [
      [fifo, 'sleep 30'],
      [idle, 'sleep 31'],
      [batch, 'sleep 32'],
    ] as const) {
      await waitFor(() => procps(['-o', 'args=', '-p', String(pid)]).trim() === args, { what: `${args} to exec` });
    }
    // procps's own NI column for the same processes: the oracle.
    const ni = (pid: number): string => procps(['-o', 'ni=', '-p', String(pid)]).trim();
    expect([ni(fifo), ni(idle), ni(batch)]).toEqual(['-', '-', '3']);

    const { stdout } = await runCli(['ps', '--format', 'aux']);
    const reference = procps(['aux']);
    // USER PID %CPU [%MEM] VSZ [RSS] NI TTY STAT START TIME COMMAND, as in the aux test above.
    const pick = (fields: string[], ni: number): string[] => [...fields.slice(0, 3), fields[4] ?? '', ...fields.slice(6 + ni)];
    for (const pid of [fifo, idle, batch]) {
      const ours = (lineOf(stdout, pid, 1) ?? '').split(/\s+/u);
      expect(pick(ours, 1)).toEqual(pick((lineOf(reference, pid, 1) ?? '').split(/\s+/u), 0));
      expect(ours[6]).toBe(ni(pid));
    }
    // Real-time kernel threads (migration/N, watchdogd) where this machine has them: NI as procps.
    for (const line of lines(procps(['-eo', 'pid=,ni=,policy=']))) {
      const [pid, theirs, policy] = line.trim().split(/\s+/u);
      if (policy !== 'FF' && policy !== 'RR') continue;
      const ours = lineOf(stdout, Number(pid), 1)?.trim().split(/\s+/u)[6];
      if (ours !== undefined) expect(`${pid} ${ours}`).toBe(`${pid} ${theirs}`);
    }

    const json = JSON.parse((await runCli(['ps', '--json'])).stdout) as { processes: { pid: number; nice: unknown; policy: unknown; stat: unknown }[] };
    const byPid = (pid: number) => json.processes.find((proc) => proc.pid === pid);
    expect(byPid(fifo)).toMatchObject({ nice: null, policy: 'FF' });
    expect(byPid(idle)).toMatchObject({ nice: null, policy: 'IDL' });
    expect(byPid(batch)).toMatchObject({ nice: 3, policy: 'B', stat: expect.stringMatching(/^SN/u) });
    // Three processes, several ps and two procview runs: room for a loaded machine.
  }, 120_000);
});
