// `npm run bench:chat -- [--clients N] [--messages M] [--rate R]`: starts a
// real `procview chat server` (or uses --port of a running one), drives it with
// N UDP clients × M messages, in a burst or paced at R msg/s per client, and
// prints per run and as medians: loss, deliveries/s, latency percentiles, and
// where the CPU time went. Unless told --alone (or given --port), the same
// load also drives the textbook classic server (classic-chat-server.py: one
// thread, recvfrom, a blocking sendto per member), run for run interleaved
// with ours, and the two are compared. Prints, asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from '../chat/protocol.js';
import { stopChild } from '../process/child-exit.js';
import { openLoad, type Load, type LoadOptions, type LoadResult, type LoadRuns } from './chat-load.js';
import { formatComparison, formatLegend, formatRuns } from './chat-report.js';
import { benchServerSettings, describeSettings, settingsArgs, type ServerSettings } from './chat-settings.js';

const USAGE = `Usage: npm run bench:chat -- [--clients N] [--messages M] [--rate R] [--workers W] [--port P] [--host H]
  --clients N    clients in the room (default 50)
  --messages M   messages each client sends (default 20)
  --rate R       messages per second per client, paced; 0 = all at once (default 0)
  --warmup W     messages per client sent first the same way and not counted (default: M, at most 200)
  --runs K       measured runs after the warm-up, each reported, then their medians (default 5)
  --workers W    load processes the clients are spread over (default: one per core
                 the server leaves, at least 1, so 1 on two cores)
  --port P       use the server already listening on P (its own limits apply)
  --host H       its address (default ${DEFAULT_HOST})
  --alone        do not run the classic server (python3) alongside for comparison`;

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
/** A bench fixture, not product code: tsc does not copy it, so it is run from src/. */
const CLASSIC_SERVER = fileURLToPath(new URL('../../src/bench/classic-chat-server.py', import.meta.url));
/** The server says goodbye to the room and stops its admin (up to 2 s) before it exits. */
const SERVER_STOP_MS = 5000;

function count(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/u.test(value) || number < min) throw new Error(`${flag} wants a number ≥ ${min}, got "${value}"`);
  return number;
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly runtimeDir: string;
}

/** A real server, with the settings chat-settings.ts chose so that this load is never throttled. */
function startServer(settings: ServerSettings): Promise<Server> {
  return startListening(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--quiet', ...settingsArgs(settings)]);
}

/** The classic server, on a free port of 127.0.0.1. */
function startClassicServer(): Promise<Server> {
  return startListening('python3', ['-u', CLASSIC_SERVER, '--host', DEFAULT_HOST, '--port', '0']);
}

/** Starts a server that prints `listening on HOST:PORT` first; resolves with its port. */
async function startListening(command: string, args: readonly string[]): Promise<Server> {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'procview-bench-'));
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir } });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => {
      const match = /^listening on .*:(\d+)$/u.exec(line);
      if (match?.[1] === undefined) reject(new Error(`unexpected first line from the server: ${line}`));
      else resolve(Number(match[1]));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code})`)));
  });
  lines.on('line', () => undefined);
  return { child, port, runtimeDir };
}

async function stopServer(server: Server): Promise<void> {
  await stopChild(server.child, { graceMs: SERVER_STOP_MS });
  rmSync(server.runtimeDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      messages: { type: 'string' },
      rate: { type: 'string' },
      warmup: { type: 'string' },
      workers: { type: 'string' },
      runs: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      alone: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return void process.stdout.write(`${USAGE}\n`);
  const clients = count('--clients', values.clients, 50, 2);
  const messages = count('--messages', values.messages, 20, 1);
  const rate = count('--rate', values.rate, 0, 0);
  const warmup = Math.round(count('--warmup', values.warmup, Math.min(messages, 200), 0));
  // The server takes a core; more busy processes than cores only queue behind each other.
  const workers = Math.round(count('--workers', values.workers, Math.min(4, Math.max(1, cpus().length - 1)), 1));
  const runs = Math.round(count('--runs', values.runs, 5, 1));
  const host = values.host ?? DEFAULT_HOST;
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

  const shape = { clients, perClient: warmup + runs * messages, rate };
  const settings = values.port === undefined ? benchServerSettings(shape) : undefined;
  const servers: Server[] = [];
  // Ctrl-C: the servers and the load processes get it too; leave no runtime dir behind.
  process.once('SIGINT', () => {
    void Promise.all(servers.map(stopServer)).finally(() => process.exit(130));
  });
  try {
    const server = settings === undefined ? undefined : await startServer(settings);
    if (server !== undefined) servers.push(server);
    const classic = server === undefined || values.alone === true ? undefined : await startClassicServer();
    if (classic !== undefined) servers.push(classic);
    const port = server?.port ?? count('--port', values.port, DEFAULT_PORT, 1);
    const mode = rate > 0 ? `paced at ${rate} msg/s per client (${rate * clients} msg/s into the room)` : 'in a burst';
    const processes = Math.min(workers, clients);
    process.stdout.write(
      `chat bench: ${clients} clients × ${messages} messages, ${mode}; ${warmup} warm-up messages each, then ${runs} measured run${runs === 1 ? '' : 's'}\n` +
        `  server ${host}:${port}${server === undefined ? ' (yours)' : ' (started here, --quiet)'}; ${processes} load process${processes === 1 ? '' : 'es'}; ` +
        `${cpus().length} cores, load average ${load}\n` +
        `${(settings === undefined ? ["  server settings: your server's own (flood-control notices, if any, are counted below)"] : describeSettings(settings, shape)).join('\n')}\n` +
        (classic === undefined
          ? ''
          : `  classic server (python3, one thread, a blocking sendto per member) on 127.0.0.1:${classic.port}; runs interleaved with ours\n`),
    );
    const shared = { host, clients, messages, rate, warmup, workers, runs, quietMs: 1000 };
    const targets = [{ port, serverPid: server?.child.pid }, ...(classic === undefined ? [] : [{ port: classic.port, serverPid: classic.child.pid }])];
    const measured = await measureInterleaved(
      targets.map((target) => ({ ...shared, ...target })),
      runs,
    );
    const [ours, theirs] = measured;
    if (ours === undefined) return;
    if (theirs === undefined) {
      process.stdout.write(formatRuns(ours, rate > 0) + formatLegend(rate > 0));
      return;
    }
    process.stdout.write(
      `procview chat server\n${formatRuns(ours, rate > 0)}classic server (python3)\n${formatRuns(theirs, rate > 0)}${formatLegend(rate > 0)}` +
        `same load, runs interleaved:\n${formatComparison(ours, theirs)}`,
    );
  } finally {
    await Promise.all(servers.map(stopServer));
  }
}

/**
 * One load per server, each warmed up, then `runs` rounds in which every
 * server gets one measured run, the order turning each round, so a machine
 * that grows busier or quieter weighs on all servers alike.
 */
async function measureInterleaved(targets: readonly LoadOptions[], runs: number): Promise<LoadRuns[]> {
  const loads: Load[] = [];
  try {
    for (const target of targets) loads.push(await openLoad(target));
    const warmupOthers: number[] = [];
    for (const load of loads) warmupOthers.push(await load.warmUp());
    const results: LoadResult[][] = loads.map(() => []);
    for (let run = 0; run < runs; run += 1) {
      for (let k = 0; k < loads.length; k += 1) {
        const i = (run + k) % loads.length;
        const load = loads[i];
        if (load !== undefined) results[i]?.push(await load.measure(run));
      }
    }
    return loads.map((_, i) => ({ runs: results[i] ?? [], warmupOthers: warmupOthers[i] ?? 0 }));
  } finally {
    await Promise.all(loads.map((load) => load.close()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:chat: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
