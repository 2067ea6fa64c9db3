// `npm run bench:chat -- [--clients N] [--messages M] [--rate R]`: starts a
// real `procview chat server` (or uses --port of a running one), drives it with
// N UDP clients × M messages, in a burst or paced at R msg/s per client, and
// prints per run and as medians: loss, deliveries/s, latency percentiles, and
// where the CPU time went. Prints, asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from '../chat/protocol.js';
import { stopChild } from '../process/child-exit.js';
import { runLoad } from './chat-load.js';
import { formatReport } from './chat-report.js';
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
  --host H       its address (default ${DEFAULT_HOST})`;

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
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
async function startServer(settings: ServerSettings): Promise<Server> {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'procview-bench-'));
  const args = [CLI, 'chat', 'server', '--port', '0', '--quiet', ...settingsArgs(settings)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir } });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => {
      const match = /^listening on .*:(\d+)$/u.exec(line);
      if (match?.[1] === undefined) reject(new Error(`unexpected first line from the server: ${line}`));
      else resolve(Number(match[1]));
    });
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
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');

  const shape = { clients, perClient: warmup + runs * messages, rate };
  const settings = values.port === undefined ? benchServerSettings(shape) : undefined;
  const server = settings === undefined ? undefined : await startServer(settings);
  // Ctrl-C: the server and the load processes get it too; leave no runtime dir behind.
  process.once('SIGINT', () => {
    const stopped = server === undefined ? Promise.resolve() : stopServer(server);
    void stopped.finally(() => process.exit(130));
  });
  const port = server?.port ?? count('--port', values.port, DEFAULT_PORT, 1);
  try {
    const mode = rate > 0 ? `paced at ${rate} msg/s per client (${rate * clients} msg/s into the room)` : 'in a burst';
    const processes = Math.min(workers, clients);
    process.stdout.write(
      `chat bench: ${clients} clients × ${messages} messages, ${mode}; ${warmup} warm-up messages each, then ${runs} measured run${runs === 1 ? '' : 's'}\n` +
        `  server ${host}:${port}${server === undefined ? ' (yours)' : ' (started here, --quiet)'}; ${processes} load process${processes === 1 ? '' : 'es'}; ` +
        `${cpus().length} cores, load average ${load}\n` +
        `${(settings === undefined ? ['  server settings: your server\'s own (flood-control notices, if any, are counted below)'] : describeSettings(settings, shape)).join('\n')}\n`,
    );
    const measured = await runLoad({ host, port, clients, messages, rate, warmup, workers, runs, quietMs: 1000, serverPid: server?.child.pid });
    process.stdout.write(formatReport(measured, rate > 0));
  } finally {
    if (server !== undefined) await stopServer(server);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:chat: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
