// `npm run bench:events -- [--runs N] [--sources kernel,polling] [--storm-seconds S]`: the
// event stream (what the dashboard, `run` and `events` consume) on the learners' patterns,
// N times each per source: how often what the pattern teaches was reported (seen/total; for
// polling, "inferred" counts orphan lines marked inferred), the latency from starting the
// program to the frame that carried that event (p50/p99; "program start → event emitted",
// not → screen), and the CPU this process used per second of wall time. Then a fork storm
// (about 1,000 short processes per second): events reported for the storm's processes,
// events the kernel said it lost, the event loop's worst lag (how late a key would be
// answered), and CPU. Prints figures; asserts nothing. The kernel source needs root.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseEvents, type EventsMode } from '../inspect/events/choose.js';
import { advanceMembers, concernsMembers, type Members } from '../inspect/events/members.js';
import { EventStream, type WatchFrame } from '../inspect/events/stream.js';
import type { ProcEvent } from '../inspect/types.js';

interface Pattern {
  readonly name: string;
  readonly script: string;
  /** 'seen' when the lesson's transition was reported as seen, 'inferred' when only inferred. */
  readonly judge: (events: readonly ProcEvent[], root: number) => 'seen' | 'inferred' | undefined;
}

const orphanJudge = (events: readonly ProcEvent[]): 'seen' | 'inferred' | undefined => {
  const line = events.find((e) => e.kind === 'reparent' && e.orphaned && e.comm !== 'sh');
  if (line === undefined) return undefined;
  return line.inferred === undefined ? 'seen' : 'inferred';
};

const PATTERNS: readonly Pattern[] = [
  { name: 'orphan (sh -c "sleep 1 & exit 0")', script: 'sleep 1 & exit 0', judge: orphanJudge },
  { name: 'double fork', script: 'sh -c "sleep 1 & exit 0"; wait', judge: orphanJudge },
  { name: 'zombie', script: 'sleep 0.05 & exec sleep 1', judge: (events) => (events.some((e) => e.kind === 'zombie') ? 'seen' : undefined) },
  {
    name: 'exec chain (3 execs)',
    script: 'exec sh -c "exec sleep 0.5"',
    judge: (events, root) => (events.filter((e) => e.kind === 'exec' && e.pid === root).length >= 2 ? 'seen' : undefined),
  },
  {
    name: 'exit by SIGKILL',
    script: 'sleep 5 & kill -KILL $!; wait',
    judge: (events) =>
      events.some((e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.status?.signal === 'SIGKILL') ? 'seen' : undefined,
  },
  {
    name: 'core dump',
    script: 'ulimit -c unlimited; sleep 5 & kill -SEGV $!; wait',
    judge: (events) =>
      events.some((e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.status?.coreDumped === true) ? 'seen' : undefined,
  },
];

function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number | undefined): string => (value === undefined ? '?' : `${Math.round(value)} ms`);

interface Outcome {
  readonly verdict: 'seen' | 'inferred' | undefined;
  readonly latencyMs: number | undefined;
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
    const verdict = pattern.judge(events, root);
    if (verdict === 'seen' || (verdict === 'inferred' && mode === 'polling')) settle({ verdict, latencyMs: Date.now() - startedAt });
  };
  const stream = new EventStream(choice, { intervalMs: 1000, roots: () => (root === undefined ? [] : [root, ...members.keys()]) }, onFrame, () => undefined);
  await first;
  startedAt = Date.now();
  const child = spawn('sh', ['-c', pattern.script], { cwd, stdio: 'ignore', detached: true });
  root = child.pid;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    judged,
    new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ verdict: undefined, latencyMs: undefined }), timeoutMs))),
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

async function patterns(mode: EventsMode, runs: number): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), 'procview-bench-events-'));
  try {
    for (const pattern of PATTERNS) {
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      let seen = 0;
      let inferred = 0;
      const latencies: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const { verdict, latencyMs } = await once(mode, pattern, cwd, 8000);
        if (verdict === 'seen') seen += 1;
        if (verdict === 'inferred') inferred += 1;
        if (latencyMs !== undefined) latencies.push(latencyMs);
      }
      const cpu = process.cpuUsage(cpuBefore);
      const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
      latencies.sort((a, b) => a - b);
      const inferredWords = mode === 'polling' ? ` (+${inferred} inferred)` : '';
      process.stdout.write(
        `  ${mode.padEnd(7)} ${pattern.name.padEnd(34)} seen ${String(seen).padStart(2)}/${runs}${inferredWords.padEnd(15)} start→event p50 ${ms(percentile(latencies, 50)).padStart(7)} p99 ${ms(percentile(latencies, 99)).padStart(7)}  CPU ${cpuPercent.toFixed(1)}% of a core\n`,
      );
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** About 1,000 short processes a second for `seconds`: 100 forks (`true &`, a subshell that exits), then 0.1 s. */
async function storm(mode: EventsMode, seconds: number): Promise<void> {
  const choice = await chooseEvents(mode);
  let root: number | undefined;
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
      for (const event of frame.events)
        if (event.kind === 'spawn' && root !== undefined && (event.ppid === root || spawned.has(event.ppid ?? -1))) spawned.add(event.pid);
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
  const rounds = seconds * 10;
  const child = spawn(
    'sh',
    ['-c', `i=0; while [ $i -lt ${rounds} ]; do j=0; while [ $j -lt 100 ]; do true & j=$((j+1)); done; sleep 0.1; i=$((i+1)); done; wait`],
    { stdio: 'ignore', detached: true },
  );
  root = child.pid;
  await new Promise((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - wallBefore;
  // Let the last batches and a full scan come in.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  clearInterval(lagTimer);
  const cpu = process.cpuUsage(cpuBefore);
  stream.close();
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
  process.stdout.write(
    `  ${mode.padEnd(7)} fork storm: ${rounds * 100} processes in ${(wallMs / 1000).toFixed(1)} s (${Math.round((rounds * 100) / (wallMs / 1000))}/s); ` +
      `spawns reported ${spawned.size}, lost (kernel said) ${lost}; event loop worst lag ${Math.round(worstLag)} ms; CPU ${cpuPercent.toFixed(0)}% of a core\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, sources: { type: 'string' }, 'storm-seconds': { type: 'string' } } });
  const runs = Number(values.runs ?? 20);
  const stormSeconds = Number(values['storm-seconds'] ?? 10);
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
    await patterns(mode, runs);
  }
  for (const mode of sources) {
    if (mode === 'kernel') {
      const choice = await chooseEvents('auto');
      if (choice.source !== 'kernel') continue;
      choice.kernel.close();
    }
    await storm(mode, stormSeconds);
  }
  process.stdout.write(
    `  load average after: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}\n`,
  );
}

await main();
