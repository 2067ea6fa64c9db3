// `npm run bench:kernel -- [--procs N] [--rounds R]`: the kernel events source under a fork
// storm. A shell starts N short processes as fast as it can (`/bin/true &` in a loop); the
// bench counts what the source delivered and lost, how it was batched, how late batches
// reached JavaScript (event timestamp -> listener), and the CPU this process spent. Then the
// decoder alone on synthetic records. Rounds alternate the batching window (2 ms, the
// default, and 0: one batch per wake-up). Prints figures; asserts nothing. Needs root.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { KernelEvent } from '../inspect/events/kernel-event.js';
import { NativeKernelEventSource, openKernelEvents } from '../inspect/events/kernel-source.js';
import { decodeRecords, PROC_EVENT, RECORD_BYTES } from '../inspect/events/kernel-records.js';
import { medians } from './medians.js';

const USAGE = 'Usage: npm run bench:kernel -- [--procs N] [--rounds R]   (defaults: 2000 processes, 3 rounds)';

function options(): { procs: number; rounds: number } {
  const { values } = parseArgs({
    options: { procs: { type: 'string' }, rounds: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const whole = (text: string | undefined, fallback: number, max: number): number => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new Error(`want 1..${max}, got "${text}"\n${USAGE}`);
    return Number(text);
  };
  return { procs: whole(values.procs, 2000, 50_000), rounds: whole(values.rounds, 3, 20) };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

interface Round {
  forks: number;
  exits: number;
  received: number;
  lost: number;
  batches: number;
  largest: number;
  delays: number[];
  cpuMs: number;
  wallMs: number;
  readCpuMs: number;
  jsCpuMs: number;
}

async function stormRound(procs: number, coalesceMs: number): Promise<Round> {
  const opened = await openKernelEvents({ coalesceMs });
  if (!opened.ok) throw new Error(`kernel events unavailable (${opened.reason}): ${opened.message}`);
  const { source } = opened;
  const round: Round = { forks: 0, exits: 0, received: 0, lost: 0, batches: 0, largest: 0, delays: [], cpuMs: 0, wallMs: 0, readCpuMs: 0, jsCpuMs: 0 };
  let shPid = -1;
  let done: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  source.onBatch((batch: readonly KernelEvent[], lost: number) => {
    const now = performance.timeOrigin + performance.now(); // Date.now() truncates to whole ms
    round.batches++;
    round.lost += lost;
    round.received += batch.length;
    round.largest = Math.max(round.largest, batch.length);
    const first = batch[0];
    if (first) round.delays.push(now - first.at); // the oldest event of the batch waited longest
    for (const event of batch) {
      if (event.kind === 'fork' && event.parentTgid === shPid) round.forks++;
      else if (event.kind === 'exit' && event.pid === event.tgid) {
        if (event.parentTgid === shPid) round.exits++;
        else if (event.tgid === shPid) done?.();
      }
    }
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const sh = spawn('sh', ['-c', `i=0; while [ $i -lt ${procs} ]; do /bin/true & i=$((i+1)); done; wait`], {
    stdio: 'ignore',
  });
  shPid = sh.pid ?? -1;
  await finished;
  round.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  round.cpuMs = (used.user + used.system) / 1000;
  const stats = source instanceof NativeKernelEventSource ? source.stats() : undefined;
  source.close();
  round.readCpuMs = stats?.readCpuMs ?? Number.NaN;
  round.jsCpuMs = stats?.jsCpuMs ?? Number.NaN;
  if (stats && stats.lost !== round.lost) process.stdout.write(`  (addon counted ${stats.lost} lost)\n`);
  return round;
}

function syntheticRecords(count: number): ArrayBuffer {
  const buffer = new ArrayBuffer(count * RECORD_BYTES);
  const view = new DataView(buffer);
  const kinds = [PROC_EVENT.fork, PROC_EVENT.exec, PROC_EVENT.exit];
  for (let i = 0; i < count; i++) {
    const base = i * RECORD_BYTES;
    view.setFloat64(base, Date.now(), true);
    view.setUint32(base + 8, kinds[i % kinds.length] ?? PROC_EVENT.fork, true);
    for (let w = 0; w < 6; w++) view.setUint32(base + 16 + w * 4, 1000 + i + w, true);
  }
  return buffer;
}

async function main(): Promise<void> {
  const { procs, rounds } = options();
  process.stdout.write(
    `kernel events bench: ${procs} processes per storm, ${rounds} rounds; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  // Interleaved: batches at least 2 ms apart (the default) and one batch per wake-up (0).
  for (let r = 1; r <= rounds; r++) {
    for (const coalesceMs of [2, 0]) {
      const round = await stormRound(procs, coalesceMs);
      const delays = [...round.delays].sort((a, b) => a - b);
      process.stdout.write(
        `round ${r}, window ${coalesceMs} ms: ${round.forks}/${procs} forks, ${round.exits}/${procs} exits seen, ${round.lost} lost; ` +
          `${round.received} events in ${round.batches} batches (mean ${(round.received / Math.max(1, round.batches)).toFixed(1)}, largest ${round.largest}); ` +
          `batch delay p50 ${percentile(delays, 50).toFixed(1)} ms p99 ${percentile(delays, 99).toFixed(1)} ms; ` +
          `${(procs / (round.wallMs / 1000)).toFixed(0)} procs/s; this process: ${round.cpuMs.toFixed(0)} ms CPU ` +
          `(${((round.cpuMs * 1000) / Math.max(1, round.received)).toFixed(1)} µs per event, ${((100 * round.cpuMs) / round.wallMs).toFixed(1)}% of a core; ` +
          `reading the socket ${round.readCpuMs.toFixed(0)} ms, batch callbacks ${round.jsCpuMs.toFixed(0)} ms)\n`,
      );
    }
  }
  const count = 100_000;
  const records = syntheticRecords(count);
  const [decodeMs = Number.NaN] = await medians(9, [() => decodeRecords(records, count)]);
  process.stdout.write(`decodeRecords: ${count} records in ${decodeMs.toFixed(1)} ms (${((decodeMs * 1e6) / count).toFixed(0)} ns per event)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
