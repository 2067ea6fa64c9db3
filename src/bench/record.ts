// `npm run bench:record [-- --seconds S --procs N]`: what recording costs.
// 1. Size: the dashboard (whole system, refresh 1 s) with N extra sleepers
//    (default 2000) records for S seconds (default 40); the file's key-frame
//    and delta bytes are extrapolated to an hour with the writer's own rule
//    (a whole table every 60 s or 120 frames, deltas between).
// 2. CPU: the same dashboard without --record runs beside it, started in the
//    same instant, both in pseudo-terminals of the same size, both measured at
//    the same two instants (5 s and the end; CPU is utime + stime, stat fields
//    14 and 15, as bench:ui reads it): the ratio is recording / plain.
// 3. Seek: a synthetic one-hour file (3,600 frames of 2,000 processes, 40
//    changed records a frame) is written, then opened and one frame at a
//    random time rebuilt, ten times, each from a fresh open.
// Prints figures; asserts nothing.
import { wholeArg } from './whole-arg.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInspector } from '../inspect/inspector.js';
import { readCpuTimes } from '../inspect/procfs/cpu-time.js';
import { freezeProc, SealedMap, sealSnapshot } from '../inspect/snapshot.js';
import type { ProcInfo } from '../inspect/types.js';
import { openRecording } from '../record/reader.js';
import { KEY_EVERY_FRAMES, KEY_EVERY_MS, RecordingWriter } from '../record/writer.js';
import { startSleepers } from './sleepers.js';

const USAGE = 'Usage: npm run bench:record -- [--seconds S] [--procs N] [--part all|live|seek]   (defaults: 40 s, 2000 extra sleepers, all)';
const COLS = 120;
const ROWS = 40;
const EARLY_S = 5;
const HOUR_S = 3600;

function options(argv: readonly string[]): { seconds: number; procs: number; part: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: { seconds: { type: 'string' }, procs: { type: 'string' }, part: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const part = values.part ?? 'all';
  if (!['all', 'live', 'seek'].includes(part)) throw new Error(`--part wants all, live or seek, got "${part}"`);
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return { seconds: wholeArg(values.seconds ?? '40', EARLY_S + 5, 3600, '--seconds'), procs: wholeArg(values.procs ?? '2000', 0, 30_000, '--procs'), part };
}

const until = (deadline: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));

function cpuOf(pid: number): number {
  const times = readCpuTimes(pid);
  return times === undefined ? Number.NaN : times.self + times.children;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

async function liveRun(dir: string, seconds: number, procs: number): Promise<string[]> {
  const { default: pty } = await import('@lydell/node-pty');
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  const file = join(dir, 'live.pvrec');
  process.stdout.write(`starting ${procs} sleepers…\n`);
  const sleepers = procs > 0 ? await startSleepers(procs) : undefined;
  const cleanup: (() => void)[] = [() => sleepers?.kill()];
  process.on('exit', () => cleanup.forEach((task) => task()));
  try {
    const total = (await createInspector().snapshot()).procs.size;
    const loadBefore = loadavg();
    const spawnDashboard = (args: string[]) => {
      const term = pty.spawn(process.execPath, [cli, ...args], {
        name: 'xterm-256color',
        cols: COLS,
        rows: ROWS,
        env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
      });
      term.onData(() => undefined);
      cleanup.push(() => term.kill('SIGKILL'));
      return term;
    };
    const started = Date.now();
    const plain = spawnDashboard(['-d', '1']);
    const recording = spawnDashboard(['-d', '1', '--record', file]);
    process.stdout.write(`measuring the dashboard without (pid ${plain.pid}) and with --record (pid ${recording.pid}) for ${seconds} s, ${total} processes…\n`);
    await until(started + EARLY_S * 1000);
    const p5 = cpuOf(plain.pid);
    const r5 = cpuOf(recording.pid);
    await until(started + seconds * 1000);
    const p = cpuOf(plain.pid) - p5;
    const r = cpuOf(recording.pid) - r5;
    const loadAfter = loadavg();
    plain.write('q');
    recording.write('q');
    await until(Date.now() + 2000);
    const opened = await openRecording(file);
    const stats = opened.stats();
    const span = (opened.endAt - opened.startAt) / 1000;
    const framesPerHour = (opened.frameCount / Math.max(1, span)) * HOUR_S;
    const keysPerHour = Math.max(HOUR_S / (KEY_EVERY_MS / 1000), framesPerHour / KEY_EVERY_FRAMES);
    const keyAvg = stats.keyBytes / Math.max(1, stats.keyFrames);
    const deltaAvg = stats.deltaBytes / Math.max(1, stats.deltaFrames);
    const perHour = keysPerHour * keyAvg + Math.max(0, framesPerHour - keysPerHour) * deltaAvg;
    const late = seconds - EARLY_S;
    return [
      '',
      `bench:record — ${seconds} s, refresh 1 s, ${procs} extra sleepers (${total} processes), ${cpus().length} cores, Node ${process.version}`,
      `load average before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')}   after: ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
      `size: ${statSync(file).size} bytes for ${opened.frameCount} frames over ${span.toFixed(1)} s: ${stats.keyFrames} key frames (avg ${(keyAvg / 1024).toFixed(1)} KiB), ${stats.deltaFrames} deltas (avg ${(deltaAvg / 1024).toFixed(2)} KiB)`,
      `size per hour, extrapolated (${framesPerHour.toFixed(0)} frames, ${keysPerHour.toFixed(0)} key frames): ${mb(perHour)}  (target ≤ 50 MB)`,
      `CPU over the last ${late} s: plain dashboard ${p.toFixed(2)} s, recording dashboard ${r.toFixed(2)} s → ratio ${(r / p).toFixed(2)}×  (target ≤ 1.2×)`,
    ];
  } finally {
    for (const task of cleanup.splice(0)) task();
    await sleepers?.stop();
  }
}

/** A synthetic hour: 3,600 frames 1 s apart, PROCS processes, CHANGED of them with new CPU figures each frame. */
async function seekRun(dir: string): Promise<string[]> {
  const PROCS = 2000;
  const CHANGED = 40;
  const file = join(dir, 'hour.pvrec');
  const t0 = Date.UTC(2026, 0, 1);
  const base: ProcInfo[] = [];
  for (let pid = 1; pid <= PROCS; pid += 1) {
    base.push(
      freezeProc({
        pid,
        ppid: pid === 1 ? 0 : 1,
        state: 'S',
        stat: 'S',
        nice: 0,
        uid: 1000,
        user: 'someone',
        comm: `proc${pid}`,
        args: `/usr/bin/proc${pid} --flag ${pid}`,
      }),
    );
  }
  const writeStarted = performance.now();
  const writer = RecordingWriter.create(file, { scope: { kind: 'all', label: 'all processes' }, intervalMs: 1000, startedAt: t0 });
  const current = [...base];
  for (let i = 0; i < HOUR_S; i += 1) {
    for (let c = 0; c < CHANGED; c += 1) {
      const at = (i * CHANGED + c * 37) % PROCS;
      const old = current[at];
      if (old !== undefined) current[at] = freezeProc({ ...old, cpuPercent: (i % 100) / 10, timeSeconds: i / 10 });
    }
    const procs = new SealedMap<number, ProcInfo>();
    for (const proc of current) procs.set(proc.pid, proc);
    writer.frame({ seq: i + 1, begunAt: i * 1000, snapshot: sealSnapshot(t0 + i * 1000, procs), events: [] });
  }
  writer.close();
  const writeMs = performance.now() - writeStarted;
  const times: number[] = [];
  for (let k = 0; k < 10; k += 1) {
    const target = t0 + Math.floor(Math.random() * HOUR_S * 1000);
    const begun = performance.now();
    const recording = await openRecording(file);
    const frame = recording.frame(recording.indexAt(target));
    if (frame.snapshot.procs.size !== PROCS) throw new Error('the synthetic hour did not read back');
    times.push(performance.now() - begun);
  }
  times.sort((a, b) => a - b);
  return [
    `synthetic hour: ${HOUR_S} frames × ${PROCS} processes (${CHANGED} changed a frame), ${mb(statSync(file).size)}, written in ${(writeMs / 1000).toFixed(1)} s`,
    `open + seek to a random time, 10 fresh opens: median ${times[5]?.toFixed(0)} ms, worst ${times[9]?.toFixed(0)} ms  (target ≤ 200 ms)`,
  ];
}

async function main(): Promise<void> {
  const { seconds, procs, part } = options(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'procview-bench-record-'));
  try {
    const live = part === 'seek' ? [] : await liveRun(dir, seconds, procs);
    const seek = part === 'live' ? [] : await seekRun(dir);
    process.stdout.write(`${[...live, ...seek, ''].join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:record: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
