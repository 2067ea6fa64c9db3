// `npm run bench:events -- [--runs N] [--sources kernel,polling] [--patterns "double fork,zombie"|none]
// [--storm-seconds S (0: no storm)] [--tracker-seconds S (0: none)]`: the event stream (what the dashboard, `run` and `events` consume) on the learners' patterns,
// N times each per source: how often what the pattern teaches was reported (seen/total; for
// polling, "inferred" counts orphan lines marked inferred), latencies p50/p99 (to the frame that
// carried the line, not to the screen), and the CPU this process used per second of wall time.
// Latencies are of lines seen (not inferred): event→frame from the event behind the line (the
// orphan's fork, the exit, the exec: the kernel's time, or the read that found it under polling),
// start→frame from starting the program; for an orphaned line also orphaning→frame, from the
// parent's exit (what procview can answer to: the fork→orphaning part is the program's own).
// Then a fork storm (1,000 short processes per second asked, storm-generator.ts), twice: with the
// dashboard live in a pseudo-terminal (a key every second timed to the screen, the header's lost
// events, the dashboard's CPU), and with an event stream in this process (spawns reported for the
// storm's processes against the generator's count, events the kernel said it lost, the event
// loop's worst lag, and CPU).
// With the polling source, before the storm: the scoped tracker's own cost for a subtree of 50
// quiet processes, against full scans alone (tracker-cost.ts).
// Prints figures; asserts nothing. The kernel source needs root.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseEvents, type EventsMode } from '../inspect/events/choose.js';
import { advanceMembers, concernsMembers, type Members } from '../inspect/events/members.js';
import { EventStream, type WatchFrame } from '../inspect/events/stream.js';
import type { ProcEvent } from '../inspect/types.js';
import { startDashboard } from './storm-dashboard.js';
import { type StormGenerator, stormGenerator } from './storm-generator.js';
import { trackerCost } from './tracker-cost.js';

/** The tracker-cost section's windows per setup, taken in turns (tracker-cost.ts). */
const TRACKER_ROUNDS = 3;

/** The fork storm's rate asked: the issue's "1,000 short processes per second". */
const STORM_RATE = 1000;

interface Pattern {
  readonly name: string;
  readonly script: string;
  /** The line that shows the lesson's transition, seen or only inferred; undefined while none. */
  readonly judge: (events: readonly ProcEvent[], root: number) => Verdict | undefined;
}

/** Judged: the line that tells the lesson, and whether it was seen or only inferred. */
interface Verdict {
  readonly verdict: 'seen' | 'inferred';
  readonly event: ProcEvent;
}

/** An orphaned line for any process of the program but its first (which its starter waits for). */
const orphanJudge = (events: readonly ProcEvent[], root: number): Verdict | undefined => {
  const seen = events.find((e) => e.kind === 'reparent' && e.orphaned && e.pid !== root && e.inferred === undefined);
  if (seen !== undefined) return { verdict: 'seen', event: seen };
  const inferred = events.find((e) => e.kind === 'reparent' && e.orphaned && e.pid !== root);
  return inferred === undefined ? undefined : { verdict: 'inferred', event: inferred };
};

const seenIf = (event: ProcEvent | undefined): Verdict | undefined => (event === undefined ? undefined : { verdict: 'seen', event });

const PATTERNS: readonly Pattern[] = [
  { name: 'orphan (sh -c "sleep 1 & exit 0")', script: 'sleep 1 & exit 0', judge: orphanJudge },
  { name: 'double fork', script: 'sh -c "sleep 1 & exit 0"; wait', judge: orphanJudge },
  // The parent outlives the fork by ~10 ms (the issue's "forked and orphaned within ~10 ms").
  { name: 'orphan after ~10 ms', script: 'sleep 1 & sleep 0.01; exit 0', judge: orphanJudge },
  { name: 'double fork after ~10 ms', script: 'sh -c "sleep 1 & sleep 0.01; exit 0"; wait', judge: orphanJudge },
  { name: 'zombie', script: 'sleep 0.05 & exec sleep 1', judge: (events) => seenIf(events.find((e) => e.kind === 'zombie')) },
  {
    name: 'exec chain (3 execs)',
    script: 'exec sh -c "exec sleep 0.5"',
    judge: (events, root) => {
      const execs = events.filter((e) => e.kind === 'exec' && e.pid === root);
      return execs.length >= 2 ? seenIf(execs[1]) : undefined;
    },
  },
  {
    name: 'exit by SIGKILL',
    script: 'sleep 5 & kill -KILL $!; wait',
    judge: (events) => seenIf(events.find((e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.status?.signal === 'SIGKILL')),
  },
  {
    name: 'core dump',
    script: 'ulimit -c unlimited; sleep 5 & kill -SEGV $!; wait',
    judge: (events) => seenIf(events.find((e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.status?.coreDumped === true)),
  },
];

function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number | undefined): string => (value === undefined ? '?' : `${Math.round(value)} ms`);

interface Outcome {
  readonly verdict: 'seen' | 'inferred' | undefined;
  /** Program start → the frame that carried the line. */
  readonly latencyMs: number | undefined;
  /** The event itself (its `at`: the kernel's time for the fork/exit behind it, or the read that found it) → that frame. */
  readonly eventMs: number | undefined;
  /** For an orphaned line: the orphaning (the parent's exit, the kernel's time) → that frame; else undefined. */
  readonly orphaningMs: number | undefined;
}

/** When the parent of an orphaned line exited (its exit or zombie event: the kernel's time), else the line's own time. */
function orphanedAt(events: readonly ProcEvent[], line: ProcEvent): number {
  const from = line.kind === 'reparent' ? line.from : undefined;
  const end = events.find((e) => (e.kind === 'exit' || e.kind === 'zombie') && e.pid === from);
  return Math.min(end?.at ?? line.at, line.at);
}

/** One run of `pattern` under a stream; resolves once judged or after `timeoutMs`. */
async function once(mode: EventsMode, pattern: Pattern, cwd: string, timeoutMs: number): Promise<Outcome> {
  const choice = await chooseEvents(mode);
  let root: number | undefined;
  let startedAt = 0;
  let members: Members = new Map();
  const events: ProcEvent[] = [];
  let ready: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (ready = resolve));
  let settle: (outcome: Outcome) => void = () => undefined;
  const judged = new Promise<Outcome>((resolve) => (settle = resolve));
  const onFrame = (frame: WatchFrame): void => {
    ready();
    if (root === undefined) return;
    const group: number[] = [];
    frame.snapshot.procs.forEach((proc, pid) => {
      if (proc.pgid === root) group.push(pid);
    });
    const before = members;
    members = advanceMembers(before, frame.snapshot, frame.events, [root, ...group]);
    for (const event of frame.events) if (concernsMembers(event, before, members)) events.push(event);
    const judged = pattern.judge(events, root);
    if (judged === undefined || (judged.verdict === 'inferred' && mode !== 'polling')) return;
    const now = Date.now();
    // A spawn carries the fork's time: for an orphaned line, the fork of the orphan is where the story starts.
    const fork = judged.event.kind === 'reparent' ? events.find((e) => e.kind === 'spawn' && e.pid === judged.event.pid) : undefined;
    settle({
      verdict: judged.verdict,
      latencyMs: now - startedAt,
      eventMs: now - (fork?.at ?? judged.event.at),
      orphaningMs: fork === undefined ? undefined : now - orphanedAt(events, judged.event),
    });
  };
  const stream = new EventStream(choice, { intervalMs: 1000, roots: () => (root === undefined ? [] : [root, ...members.keys()]) }, onFrame, () => undefined);
  await first;
  startedAt = Date.now();
  const child = spawn('sh', ['-c', pattern.script], { cwd, stdio: 'ignore', detached: true });
  root = child.pid;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    judged,
    new Promise<Outcome>(
      (resolve) => (timer = setTimeout(() => resolve({ verdict: undefined, latencyMs: undefined, eventMs: undefined, orphaningMs: undefined }), timeoutMs)),
    ),
  ]);

  clearTimeout(timer);
  stream.close();
  try {
    if (root !== undefined) process.kill(-root, 'SIGKILL');
  } catch {
    // the group is gone
  }
  return outcome;
}

async function patterns(mode: EventsMode, runs: number, only: readonly Pattern[]): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), 'procview-bench-events-'));
  try {
    for (const pattern of only) {
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      let seen = 0;
      let inferred = 0;
      const latencies: number[] = [];
      const eventLatencies: number[] = [];
      const orphaningLatencies: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const { verdict, latencyMs, eventMs, orphaningMs } = await once(mode, pattern, cwd, 8000);
        if (verdict === 'seen') seen += 1;
        if (verdict === 'inferred') inferred += 1;
        // Latencies of seen lines only: an inference waits for a full scan by design.
        if (verdict === 'seen' && latencyMs !== undefined) latencies.push(latencyMs);
        if (verdict === 'seen' && eventMs !== undefined) eventLatencies.push(eventMs);
        if (verdict === 'seen' && orphaningMs !== undefined) orphaningLatencies.push(orphaningMs);
      }
      const cpu = process.cpuUsage(cpuBefore);
      const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
      latencies.sort((a, b) => a - b);
      eventLatencies.sort((a, b) => a - b);
      orphaningLatencies.sort((a, b) => a - b);
      const orphaning =
        orphaningLatencies.length === 0 ? '' : `  orphaning→frame p50 ${ms(percentile(orphaningLatencies, 50))} p99 ${ms(percentile(orphaningLatencies, 99))}`;
      const inferredWords = mode === 'polling' ? ` (+${inferred} inferred)` : '';
      process.stdout.write(
        `  ${mode.padEnd(7)} ${pattern.name.padEnd(26)} seen ${String(seen).padStart(2)}/${runs}${inferredWords.padEnd(15)} ` +
          `event→frame p50 ${ms(percentile(eventLatencies, 50)).padStart(6)} p99 ${ms(percentile(eventLatencies, 99)).padStart(6)}  ` +
          `start→frame p50 ${ms(percentile(latencies, 50)).padStart(6)} p99 ${ms(percentile(latencies, 99)).padStart(6)}  CPU ${cpuPercent.toFixed(1)}%${orphaning}\n`,
      );
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** About 1,000 short processes a second for `seconds` (storm-generator.ts), watched by an event stream in this process. */
async function storm(mode: EventsMode, seconds: number, generator: StormGenerator): Promise<void> {
  const choice = await chooseEvents(mode);
  let root: number | undefined;
  let rootAt = Number.POSITIVE_INFINITY;
  const spawned = new Set<number>();
  let lost = 0;
  let ready: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (ready = resolve));
  const stream = new EventStream(
    choice,
    { intervalMs: 1000 },
    (frame) => {
      ready();
      lost = frame.lost;
      // From the generator's start on: a pid is reused, and a process that held the generator's pid before may have forked too.
      for (const event of frame.events)
        if (event.kind === 'spawn' && root !== undefined && event.at >= rootAt && (event.ppid === root || spawned.has(event.ppid ?? -1)))
          spawned.add(event.pid);
    },
    () => undefined,
  );
  await first;
  // The event loop's lag: how late a 10 ms timer fires is how late a key would be answered.
  let worstLag = 0;
  let expected = performance.now() + 10;
  const lagTimer = setInterval(() => {
    const now = performance.now();
    worstLag = Math.max(worstLag, now - expected);
    expected = now + 10;
  }, 10);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  rootAt = Date.now();
  const { forked, seconds: forking } = await generator.start(STORM_RATE, seconds, (pid) => (root = pid));
  // Let the last batches and a full scan come in.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  clearInterval(lagTimer);
  const cpu = process.cpuUsage(cpuBefore);
  stream.close();
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
  const missing = forked - spawned.size;
  process.stdout.write(
    `  ${mode.padEnd(7)} fork storm, event stream in the bench (${generator.kind}): ${forked} processes in ${forking.toFixed(1)} s (${Math.round(forked / forking)}/s); ` +
      `spawns reported ${spawned.size} of ${forked}${missing > 0 ? ` (${missing} missing)` : ''}, lost (kernel said) ${lost}${missing > 0 && lost === 0 && choice.source === 'kernel' ? ' — MISSING WITHOUT A LOSS' : ''}; ` +
      `event loop worst lag ${Math.round(worstLag)} ms; CPU ${cpuPercent.toFixed(0)}% of a core\n`,
  );
}

/**
 * The same storm with the dashboard live in a pseudo-terminal (`--events mode`, whole system):
 * a key (`?`, then Esc) every second, timed to the screen; the header's events words at the end
 * (`events: kernel · N events lost`); the dashboard's CPU over the storm.
 */
async function stormDashboard(mode: EventsMode, seconds: number, generator: StormGenerator): Promise<void> {
  const dashboard = await startDashboard(['--events', mode]);
  try {
    const shown = await dashboard.waitFor((screen) => screen.includes('Tasks:'), 15_000);
    if (shown === undefined) {
      process.stdout.write(`  ${mode.padEnd(7)} fork storm, dashboard: did not draw within 15 s; skipped\n`);
      return;
    }
    // Settled: its first frames drawn.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cpuBefore = dashboard.cpuSeconds();
    const wallBefore = performance.now();
    let storming = true;
    const generated = generator.start(STORM_RATE, seconds, () => undefined).finally(() => (storming = false));
    const opens: number[] = [];
    const closes: number[] = [];
    let unanswered = 0;
    while (storming) {
      const next = performance.now() + 1000;
      const { open, close } = await dashboard.keyRoundTrip(10_000);
      if (open === undefined || close === undefined) unanswered += 1;
      if (open !== undefined) opens.push(open);
      if (close !== undefined) closes.push(close);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    const { forked, seconds: forking } = await generated;
    const cpuAfter = dashboard.cpuSeconds();
    const wall = (performance.now() - wallBefore) / 1000;
    // The last frames and a full scan.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const words = /events: \S+[^\n]*/.exec(dashboard.screen())?.[0].replace(/\s{2,}.*$/, '') ?? '(no events words on screen)';
    opens.sort((a, b) => a - b);
    closes.sort((a, b) => a - b);
    const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `${(((cpuAfter - cpuBefore) / wall) * 100).toFixed(0)}% of a core` : '?';
    process.stdout.write(
      `  ${mode.padEnd(7)} fork storm, dashboard live (${generator.kind}): ${forked} processes in ${forking.toFixed(1)} s (${Math.round(forked / forking)}/s); ` +
        `key ? → help on screen p50 ${ms(percentile(opens, 50))} max ${ms(opens.at(-1))}, Esc → closed p50 ${ms(percentile(closes, 50))} max ${ms(closes.at(-1))} ` +
        `(${opens.length} keys${unanswered > 0 ? `, ${unanswered} NOT ANSWERED within 10 s` : ''}); header: "${words}"; dashboard CPU ${cpu}\n`,
    );
  } finally {
    dashboard.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      sources: { type: 'string' },
      'storm-seconds': { type: 'string' },
      'tracker-seconds': { type: 'string' },
      patterns: { type: 'string' },
    },
  });
  // --patterns "double fork,zombie": the patterns whose name starts with one of these (default all; "none" skips them).
  const wanted = values.patterns?.split(',').map((name) => name.trim());
  const only =
    wanted === undefined ? PATTERNS : PATTERNS.filter((pattern) => wanted.some((name) => pattern.name === name || pattern.name.startsWith(`${name} (`)));
  const runs = Number(values.runs ?? 20);
  const stormSeconds = Number(values['storm-seconds'] ?? 10);
  const trackerSeconds = Number(values['tracker-seconds'] ?? 15);
  const sources = (values.sources ?? 'kernel,polling').split(',') as EventsMode[];
  process.stdout.write(
    `bench:events — ${runs} runs per pattern and source; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (${new Date().toISOString()})\n`,
  );
  for (const mode of sources) {
    if (mode === 'kernel') {
      const choice = await chooseEvents('auto');
      if (choice.source !== 'kernel') {
        process.stdout.write(`  kernel: not available here (${choice.message ?? choice.reason}); skipped\n`);
        continue;
      }
      choice.kernel.close();
    }
    if (only.length > 0) await patterns(mode, runs, only);
  }
  if (sources.includes('polling') && trackerSeconds > 0) await trackerCost(trackerSeconds, TRACKER_ROUNDS);
  for (const mode of sources) {
    if (mode === 'kernel') {
      const choice = await chooseEvents('auto');
      if (choice.source !== 'kernel') continue;
      choice.kernel.close();
    }
    if (stormSeconds <= 0) continue;
    const generator = stormGenerator();
    try {
      await stormDashboard(mode, stormSeconds, generator);
      await storm(mode, stormSeconds, generator);
    } finally {
      generator.close();
    }
  }
  process.stdout.write(
    `  load average after: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}\n`,
  );
}

await main();
