// bench:events' tracker section: what the scoped tracker (polling source: `run`, a lesson,
// `--watch PID`) costs the process that tracks, for the subtree of 50 processes: a
// shell and its 49 sleepers (sleepers.ts), long-lived, quiet. CPU is utime + stime of this
// process (process.cpuUsage) over the window, per second of wall time, as % of one core.
// Three setups, each an event stream of its own, measured in turns (rounds) so that a load
// that comes and goes on the machine falls on all three alike:
//   - full scans every 1 s, no tracker;
//   - full scans every 1 s and the tracker (what `run` does);
//   - the tracker alone: one scan to start from, none in the window.
// The tracker's share is the second less the first, and the third on its own; the tracker's
// ticks (their mean interval) and its reads per tick are printed beside.
import { performance } from 'node:perf_hooks';
import { chooseEvents } from '../inspect/events/choose.js';
import type { TrackerReads } from '../inspect/events/scoped-tracker.js';
import { EventStream, TRACK_INTERVAL_MS } from '../inspect/events/stream.js';
import { startSleepers } from './sleepers.js';

/** The subtree: "≤ 50 processes". The sleeper shell is one of them. */
const SUBTREE = 50;
/** After a stream's first frame, this long before a window opens: its start (first scan, the tracker's first ticks while the subtree counts as new) is not measured. */
const SETTLE_MS = 1500;
/** "No full scan in the window": one scan to start from, the next a day later. */
const NO_SCAN_MS = 24 * 3600 * 1000;

type Setup = 'scans' | 'scans+tracker' | 'tracker';

const LABELS: Record<Setup, string> = {
  scans: 'full scans every 1 s, no tracker',
  'scans+tracker': 'full scans every 1 s + tracker',
  tracker: 'tracker alone (no scan in window)',
};

interface Measured {
  cpuMs: number;
  wallMs: number;
  ticks: number;
  kept: number;
  byName: number;
  /** Processes in the sleepers' group at the stream's first frame. */
  subtree: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One window of `ms` under `setup`, tracking the sleepers' group (`group`: the shell's pid). */
async function measure(setup: Setup, group: number, ms: number): Promise<Measured> {
  const choice = await chooseEvents('polling');
  const subtree: number[] = [];
  let ready: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (ready = resolve));
  let failure: unknown;
  const stream = new EventStream(
    choice,
    // As `procview run` does: the roots are every process followed (run.ts: the program and its members).
    { intervalMs: setup === 'tracker' ? NO_SCAN_MS : 1000, ...(setup === 'scans' ? {} : { roots: () => subtree }) },
    (frame) => {
      if (subtree.length === 0)
        frame.snapshot.procs.forEach((proc, pid) => {
          if (proc.pgid === group) subtree.push(pid);
        });
      ready();
    },
    (error) => (failure = error),
  );
  try {
    await first;
    await pause(SETTLE_MS);
    const readsBefore: TrackerReads = stream.trackerReads ?? { ticks: 0, kept: 0, byName: 0 };
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await pause(ms);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    const reads = stream.trackerReads ?? readsBefore;
    if (failure !== undefined) throw failure;
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs,
      ticks: reads.ticks - readsBefore.ticks,
      kept: reads.kept - readsBefore.kept,
      byName: reads.byName - readsBefore.byName,
      subtree: subtree.length,
    };
  } finally {
    stream.close();
  }
}

const percent = (m: Measured): number => (m.cpuMs / m.wallMs) * 100;

function add(a: Measured | undefined, b: Measured): Measured {
  if (a === undefined) return b;
  return {
    cpuMs: a.cpuMs + b.cpuMs,
    wallMs: a.wallMs + b.wallMs,
    ticks: a.ticks + b.ticks,
    kept: a.kept + b.kept,
    byName: a.byName + b.byName,
    subtree: Math.min(a.subtree, b.subtree),
  };
}

function tickWords(m: Measured): string {
  if (m.ticks === 0) return 'no ticks';
  const every = (m.wallMs / m.ticks).toFixed(1);
  return `${m.ticks} ticks (one every ${every} ms), reads per tick ${(m.kept / m.ticks).toFixed(2)} pread + ${(m.byName / m.ticks).toFixed(2)} open/read/close`;
}

/** The section: `seconds` per setup in all, in `rounds` turns. */
export async function trackerCost(seconds: number, rounds: number): Promise<void> {
  const sleepers = await startSleepers(SUBTREE - 1);
  try {
    const totals = new Map<Setup, Measured>();
    const order: Setup[] = ['scans', 'scans+tracker', 'tracker'];
    for (let round = 0; round < rounds; round += 1)
      for (const setup of order) totals.set(setup, add(totals.get(setup), await measure(setup, sleepers.pid, (seconds * 1000) / rounds)));
    const subtree = Math.min(...[...totals.values()].map((m) => m.subtree));
    process.stdout.write(
      `  polling scoped tracker, a subtree of ${subtree} processes (a shell and its sleepers), ${rounds} × ${(seconds / rounds).toFixed(1)} s per setup, in turns; ` +
        `pace ${TRACK_INTERVAL_MS} ms while the subtree changes, ${2 * TRACK_INTERVAL_MS} ms when quiet:\n`,
    );
    for (const setup of order) {
      const m = totals.get(setup);
      if (m === undefined) continue;
      const ticks = setup === 'scans' ? '' : `  ${tickWords(m)}`;
      process.stdout.write(`    ${LABELS[setup].padEnd(34)} CPU ${percent(m).toFixed(2)}% of a core${ticks}\n`);
    }
    const scans = totals.get('scans');
    const both = totals.get('scans+tracker');
    const alone = totals.get('tracker');
    if (scans !== undefined && both !== undefined && alone !== undefined)
      process.stdout.write(
        `    tracker's share: ${(percent(both) - percent(scans)).toFixed(2)}% of a core (with scans less without), ` +
          `${percent(alone).toFixed(2)}% alone; target ≤ 3% of one core for ≤ 50 processes\n`,
      );
  } finally {
    await sleepers.stop();
  }
}
