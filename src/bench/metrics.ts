// `npm run bench:metrics [-- --procs N --latency-seconds S --cpu-seconds S]`:
// the exporter under load. With N extra sleeping processes (default 2,000):
// scrape latency p50/p99 at 10 scrapes/s (open loop: a scrape starts every
// 100 ms whether or not the last one has answered), and the exporter's CPU
// over a window at one scrape every 15 s, as a percentage of one core. The
// exporter runs as its own process (the built CLI), and its CPU time is read
// through the inspector. prometheus-process-exporter is measured the same way
// when it is installed. Prints figures; asserts nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInspector } from '../inspect/inspector.js';
import { startSleepers, type Sleepers } from './sleepers.js';

const USAGE = 'Usage: npm run bench:metrics -- [--procs N] [--latency-seconds S] [--cpu-seconds S]   (defaults 2000, 30, 60)';
const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const SCRAPES_PER_SECOND = 10;
const CPU_SCRAPE_INTERVAL_MS = 15_000;

interface Settings {
  readonly procs: number;
  readonly latencySeconds: number;
  readonly cpuSeconds: number;
}

function whole(text: string | undefined, fallback: number, max: number, flag: string): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/u.test(text) || Number(text) > max) throw new Error(`${flag} wants a whole number up to ${max}, got "${text}"`);
  return Number(text);
}

function parseSettings(argv: readonly string[]): Settings {
  const { values } = parseArgs({
    args: [...argv],
    options: { procs: { type: 'string' }, 'latency-seconds': { type: 'string' }, 'cpu-seconds': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    procs: whole(values.procs, 2000, 30_000, '--procs'),
    latencySeconds: Math.max(1, whole(values['latency-seconds'], 30, 3600, '--latency-seconds')),
    cpuSeconds: Math.max(15, whole(values['cpu-seconds'], 60, 3600, '--cpu-seconds')),
  };
}

interface Exporter {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly child: ChildProcess;
}

const started: ChildProcess[] = [];

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: gone already.
  }
}

async function stopExporter(exporter: Exporter): Promise<void> {
  const { child } = exporter;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => killGroup(child), 5000);
  await exited;
  clearTimeout(timer);
}

function launch(command: string, args: readonly string[]): ChildProcess {
  const child = spawn(command, [...args], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(child);
  return child;
}

/** `procview serve` with `-d intervalSeconds`, or with its default interval when undefined. */
async function startProcview(intervalSeconds: number | undefined): Promise<Exporter> {
  const interval = intervalSeconds === undefined ? [] : ['-d', String(intervalSeconds)];
  const child = launch(process.execPath, [CLI, 'serve', '--metrics', '--listen', '127.0.0.1:0', ...interval]);
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const [line] = (await once(lines, 'line')) as [string];
  const url = /http:\/\/\S+\/metrics/u.exec(line)?.[0];
  if (url === undefined || child.pid === undefined) throw new Error(`procview serve did not start: ${line}`);
  return { name: intervalSeconds === undefined ? 'procview serve (default -d)' : `procview serve -d ${intervalSeconds}`, pid: child.pid, url, child };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The Debian package's name for ncabatoff/process-exporter. */
const PROCESS_EXPORTER = 'prometheus-process-exporter';

function installed(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * process-exporter grouping every process by comm, the closest to procview's
 * per-state counts of everything; without smaps and per-thread metrics (its
 * costliest defaults), which procview does not gather either.
 */
async function startProcessExporter(dir: string): Promise<Exporter> {
  const config = join(dir, 'process-exporter.yml');
  writeFileSync(config, 'process_names:\n  - name: "{{.Comm}}"\n    cmdline:\n      - ".*"\n');
  const port = await freePort();
  const child = launch(PROCESS_EXPORTER, [`-config.path=${config}`, '-gather-smaps=false', '-threads=false', `-web.listen-address=127.0.0.1:${port}`]);
  child.stdout?.resume();
  // It answers with an empty body until its first read of /proc is done.
  const url = `http://127.0.0.1:${port}/metrics`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(url).then(
      async (r) => r.ok && (await r.text()).length > 0,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('process-exporter did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error('process-exporter has no pid');
  return { name: 'process-exporter (by comm, no smaps/threads)', pid: child.pid, url, child };
}

/** A scrape, by default as Prometheus's default scrape_timeout allows it (10 s). */
async function scrape(url: string, timeoutMs = 10_000): Promise<{ ms: number; bytes: number }> {
  const begun = performance.now();
  const response = await fetch(url, { headers: { accept: 'text/plain;version=0.0.4' }, signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - begun, bytes: Buffer.byteLength(body) };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface LatencyFigures {
  readonly count: number;
  /** Scrapes that failed or took over 10 s (Prometheus's default scrape_timeout). */
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly bytes: number;
}

async function measureLatency(url: string, seconds: number): Promise<LatencyFigures> {
  const times: number[] = [];
  let bytes = 0;
  let failed = 0;
  const pending: Promise<void>[] = [];
  const total = seconds * SCRAPES_PER_SECOND;
  const begun = performance.now();
  for (let i = 0; i < total; i += 1) {
    // Open loop: the i-th scrape starts at i × 100 ms.
    const due = begun + (i * 1000) / SCRAPES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      scrape(url).then(
        (r) => {
          times.push(r.ms);
          bytes = r.bytes;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  times.sort((a, b) => a - b);
  return { count: times.length, failed, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? Number.NaN, bytes };
}

/** CPU seconds (utime + stime) of a process, as the inspector reads them. */
async function cpuSeconds(inspector: ReturnType<typeof createInspector>, pid: number): Promise<number> {
  const seconds = (await inspector.snapshot()).procs.get(pid)?.timeSeconds;
  if (seconds === undefined) throw new Error(`cannot read the CPU time of ${pid}`);
  return seconds;
}

/** The exporter's CPU over `seconds`, scraped every 15 s, as % of one core; a slow scrape delays the next. */
async function measureCpu(exporter: Exporter, seconds: number): Promise<{ percent: number; slow: number }> {
  const inspector = createInspector();
  let slow = 0;
  try {
    const before = await cpuSeconds(inspector, exporter.pid);
    const begun = performance.now();
    for (let at = 0; at < seconds * 1000; at += CPU_SCRAPE_INTERVAL_MS) {
      const wait = begun + at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await scrape(exporter.url, CPU_SCRAPE_INTERVAL_MS).catch(() => {
        slow += 1;
      });
    }
    const end = begun + seconds * 1000 - performance.now();
    if (end > 0) await new Promise((resolve) => setTimeout(resolve, end));
    const used = (await cpuSeconds(inspector, exporter.pid)) - before;
    return { percent: (100 * used) / ((performance.now() - begun) / 1000), slow };
  } finally {
    inspector.close();
  }
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '?');

async function benchOne(start: () => Promise<Exporter>, settings: Settings, measure: 'latency' | 'cpu'): Promise<string> {
  const exporter = await start();
  try {
    // The first scan reads every command line once; both measures are about the steady state after it.
    await scrape(exporter.url, 120_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (measure === 'latency') {
      const l = await measureLatency(exporter.url, settings.latencySeconds);
      return `${exporter.name.padEnd(40)} ${SCRAPES_PER_SECOND}/s x ${settings.latencySeconds} s: p50 ${fixed(l.p50)} ms, p99 ${fixed(l.p99)} ms, max ${fixed(l.max)} ms (${l.count} scrapes answered, ${l.failed} failed or over 10 s; ${l.bytes} bytes each)`;
    }
    const cpu = await measureCpu(exporter, settings.cpuSeconds);
    const late = cpu.slow === 0 ? '' : ` (${cpu.slow} scrapes failed or took over 15 s)`;
    return `${exporter.name.padEnd(40)} one scrape / 15 s over ${settings.cpuSeconds} s: ${fixed(cpu.percent, 2)}% of a core${late}`;
  } finally {
    await stopExporter(exporter);
  }
}

async function bench(settings: Settings, sleepers: Sleepers | undefined): Promise<void> {
  const inspector = createInspector();
  const first = await inspector.snapshot();
  inspector.close();
  const mine = sleepers === undefined ? 0 : [...first.procs.values()].filter((p) => p.ppid === sleepers.pid).length;
  const line = (text: string): void => void process.stdout.write(`${text}\n`);
  line(`procview metrics bench: ${first.procs.size} processes in all, ${mine} of them our extra sleepers (asked ${settings.procs})`);
  line(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );
  line('');
  const dir = mkdtempSync(join(tmpdir(), 'procview-bench-metrics-'));
  try {
    line('Scrape latency (target: p99 <= 50 ms at 10 scrapes/s):');
    line(`  ${await benchOne(() => startProcview(5), settings, 'latency')}`);
    const peer = installed(PROCESS_EXPORTER);
    if (peer) line(`  ${await benchOne(() => startProcessExporter(dir), settings, 'latency')}`);
    line('Exporter CPU at a 15 s scrape interval (target: <= 1% of a core):');
    line(`  ${await benchOne(() => startProcview(undefined), settings, 'cpu')}`);
    line(`  ${await benchOne(() => startProcview(5), settings, 'cpu')}`);
    if (peer) line(`  ${await benchOne(() => startProcessExporter(dir), settings, 'cpu')}`);
    else line(`  (${PROCESS_EXPORTER} is not installed: no comparison; apt-get install prometheus-process-exporter to add one)`);
    line('');
    line(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  let sleepers: Sleepers | undefined;
  // Whatever ends this process, the sleepers and exporters go with it.
  process.on('exit', () => {
    sleepers?.kill();
    for (const child of started) killGroup(child);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(128 + osConstants.signals[signal]));
  }
  try {
    if (settings.procs > 0) {
      process.stdout.write(`starting ${settings.procs} sleeping processes…\n`);
      sleepers = await startSleepers(settings.procs);
    }
    await bench(settings, sleepers);
  } finally {
    await sleepers?.stop();
    sleepers = undefined;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
