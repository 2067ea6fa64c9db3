// `npm run bench:ui [-- --seconds S --procs N]`: CPU time of the dashboard over
// 30 s at its default refresh (1 s, whole system) with 2000 extra sleeping
// processes, side by side with `top -b -d 1` over the same 30 s. Prints
// figures; asserts nothing.
//
// Fair by construction: both start in the same instant and are measured at the
// same two instants (5 s, and the end), startup included. procview draws into
// a pseudo-terminal of COLS x ROWS; top formats for the same size (COLUMNS and
// LINES, which batch mode honours for its width) and writes to /dev/null, the
// cheapest sink there is. CPU is utime + stime of each process (stat fields 14
// and 15), plus what its reaped children used (16, 17) and the CPU time of any
// descendant still alive.
//
// Like with like: both refresh every second (-d 1 for procview, whatever its
// settings file says: it runs with an empty $XDG_CONFIG_HOME, so its defaults,
// meters on, as a new user has them) over the same processes, and both show the
// CPU and memory meters. Not the same work: with the kernel event source (root
// and the native addon) procview also takes in every fork, exec and exit on the
// machine between refreshes, which top never sees; the line `events:` says
// which source ran.
//
// procview is the installed command (dist/bin/procview.cjs), as `npx procview`
// runs it. The line `command:` says whether the code cache of its bundle was
// there: the first dashboard after a build compiles the bundle from its text
// and keeps the cache as it quits, so it costs more at startup than the next.
import { wholeArg } from './whole-arg.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openKernelEvents } from '../inspect/events/kernel-source.js';
import { createInspector } from '../inspect/inspector.js';
import { readCpuTimes } from '../inspect/procfs/cpu-time.js';
import { childrenIndex } from '../inspect/scope.js';
import { startSleepers } from './sleepers.js';

const USAGE = 'Usage: npm run bench:ui -- [--seconds S] [--procs N]   (defaults: 30 s, 2000 extra sleepers)';
const COLS = 120;
const ROWS = 40;
const EARLY_S = 5;

function options(argv: readonly string[]): { seconds: number; procs: number } {
  const { values } = parseArgs({
    args: [...argv],
    options: { seconds: { type: 'string' }, procs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    seconds: wholeArg(values.seconds ?? '30', EARLY_S + 1, 3600, '--seconds'),
    procs: wholeArg(values.procs ?? '2000', 1, 30_000, '--procs'),
  };
}

const until = (deadline: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));

/** Live descendants of `pid`, from a parent → children index of one snapshot (by PPID, stat field 4). */
function descendants(children: ReadonlyMap<number, readonly number[]>, pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  for (let parent = queue.pop(); parent !== undefined; parent = queue.pop()) {
    for (const child of children.get(parent) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** CPU seconds of each pid and its family; the pids themselves are read first, in the same instant. */
async function cpuSeconds(pids: readonly number[]): Promise<number[]> {
  const own = pids.map((pid) => readCpuTimes(pid));
  const snapshot = await createInspector().snapshot();
  const children = childrenIndex(snapshot.procs.values());
  return pids.map((pid, i) => {
    const times = own[i];
    if (times === undefined) return Number.NaN;
    const alive = descendants(children, pid).reduce((sum, child) => sum + (snapshot.procs.get(child)?.timeSeconds ?? 0), 0);
    return times.self + times.children + alive;
  });
}

/** Which event source the dashboard will have: the kernel's when it can be opened here (it is closed again at once). */
async function eventSource(): Promise<string> {
  const opened = await openKernelEvents();
  if (!opened.ok) return `polling (${opened.message})`;
  opened.source.close();
  return 'kernel (procview also takes in every fork, exec and exit of the machine; top does not)';
}

async function main(): Promise<void> {
  const { seconds, procs } = options(process.argv.slice(2));
  // @lydell/node-pty is a dev dependency: the benchmark runs from a checkout, not from an install.
  const { default: pty } = await import('@lydell/node-pty');
  // The installed command, as `npx procview` runs it: the bundle through its code cache (bin/code-cache.cts).
  const cli = fileURLToPath(new URL('../bin/procview.cjs', import.meta.url));
  const codeCache = existsSync(fileURLToPath(new URL('../bin/cli.cjs.v8cache', import.meta.url)))
    ? 'kept by an earlier run, used'
    : 'none yet: this run compiles the bundle and keeps the cache as it quits';
  process.stdout.write(`starting ${procs} sleepers…\n`);
  const sleepers = await startSleepers(procs);
  // No settings file: the defaults (meters on, no tree), whatever the user saved.
  const config = mkdtempSync(join(tmpdir(), 'procview-bench-ui-'));
  const cleanup: (() => void)[] = [() => sleepers.kill(), () => rmSync(config, { recursive: true, force: true })];
  process.on('exit', () => cleanup.forEach((task) => task()));
  try {
    const events = await eventSource();
    const total = (await createInspector().snapshot()).procs.size;
    const loadBefore = loadavg();
    const size = { COLUMNS: String(COLS), LINES: String(ROWS) };
    const started = Date.now();
    const dashboard = pty.spawn(process.execPath, [cli, '-d', '1'], {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      env: { ...process.env, TERM: 'xterm-256color', XDG_CONFIG_HOME: config } as Record<string, string>,
    });
    let drawn = 0;
    dashboard.onData((data) => (drawn += data.length));
    cleanup.push(() => dashboard.kill('SIGKILL'));
    const top = spawn('top', ['-b', '-d', '1'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...size } });
    const topPid = top.pid;
    if (topPid === undefined) throw new Error('could not start top');
    cleanup.push(() => top.kill('SIGKILL'));
    process.stdout.write(`measuring procview (pid ${dashboard.pid}) and top (pid ${topPid}) for ${seconds} s with ${total} processes…\n`);

    await until(started + EARLY_S * 1000);
    const [p5 = Number.NaN, t5 = Number.NaN] = await cpuSeconds([dashboard.pid, topPid]);
    await until(started + seconds * 1000);
    const [p = Number.NaN, t = Number.NaN] = await cpuSeconds([dashboard.pid, topPid]);
    const loadAfter = loadavg();

    dashboard.write('q');
    top.kill('SIGTERM');
    const row = (name: string, all: number, early: number): string =>
      `${name.padEnd(14)} ${all.toFixed(2).padStart(8)} s ${((100 * all) / seconds).toFixed(1).padStart(6)} %   ${early.toFixed(2).padStart(8)} s   ${(all - early).toFixed(2).padStart(8)} s`;
    const load = (values: number[]): string => values.map((n) => n.toFixed(2)).join(' ');
    const lines = [
      '',
      `bench:ui — ${seconds} s, refresh 1 s, ${procs} extra sleepers (${total} processes), ${COLS}x${ROWS} terminal, ${cpus().length} cores, Node ${process.version}`,
      `load average before: ${load(loadBefore)}   after: ${load(loadAfter)}`,
      `events: ${events}`,
      `command: dist/bin/procview.cjs; code cache: ${codeCache}`,
      `${''.padEnd(14)} ${'CPU'.padStart(10)} ${'of 1 core'.padStart(8)}   ${`first ${EARLY_S} s`.padStart(10)}   ${`last ${seconds - EARLY_S} s`.padStart(10)}`,
      row('procview', p, p5),
      row('top -b -d 1', t, t5),
      `procview/top: ${(p / t).toFixed(2)} (${p <= t ? 'procview used no more CPU than top' : 'procview used MORE CPU than top'})`,
      `terminal output of the dashboard: ${(drawn / 1024).toFixed(0)} KiB over ${seconds} s`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    await until(Date.now() + 1500);
  } finally {
    for (const task of cleanup.splice(0)) task();
    await sleepers.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
