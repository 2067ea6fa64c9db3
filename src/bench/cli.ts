// `npm run bench:cli [-- --procs N] [--rounds R]`: the one-shot commands as a
// user feels them — the whole process, start to exit, wall time — next to the
// tools they stand in for: `procview ps` and `ps -ajx`, `procview ps --format
// aux` and `ps aux`, `procview tree -p` and `pstree -p`, `procview --version`
// and a bare `node -e 0`. Like hyperfine: warm-up rounds, then rounds in which
// every command runs once (in a different order each round, so a machine
// growing busier or quieter weighs on all alike), output to /dev/null;
// medians and ratios printed. Prints, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withSleepers } from './sleepers.js';

const USAGE = `Usage: npm run bench:cli -- [--procs N] [--rounds R] [--keep-ca-certs]
  --procs N          extra sleeping processes while measuring (default 2000)
  --rounds R         measured rounds after 2 warm-up rounds (default 21)
  --keep-ca-certs    leave NODE_EXTRA_CA_CERTS set for the commands (see below)`;

// NODE_EXTRA_CA_CERTS makes every Node process parse that certificate bundle
// before running a line of its script (node::crypto::UseExtraCaCerts); with a
// large bundle that is more than Node's whole start (on one machine `node -e 0`
// went from 37 ms to 121 ms, 92 M instructions to 501 M). It is a setting of
// the machine, not of procview, which makes no TLS connection, and ps never
// pays it; so the commands run without it unless --keep-ca-certs, and the bench says which.
const EXTRA_CA_CERTS = 'NODE_EXTRA_CA_CERTS';

// The installed command (package.json bin), as a user runs it: ps and tree from its bundle.
const CLI = fileURLToPath(new URL('../bin/procview.cjs', import.meta.url));
const NODE = process.execPath;

interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
}

const procview = (...args: string[]): Command => ({ label: `procview ${args.join(' ')}`, file: NODE, args: [CLI, ...args] });
const tool = (file: string, ...args: string[]): Command => ({ label: [file, ...args].join(' '), file, args });

/** Ours, the peer, and the target for ours/peer (a ratio, or `ms` more at most). */
interface Pair {
  readonly ours: Command;
  readonly peer: Command;
  readonly target: { readonly ratio: number } | { readonly ms: number };
}

const PAIRS: readonly Pair[] = [
  { ours: procview('ps'), peer: tool('ps', '-ajx'), target: { ratio: 1.7 } },
  { ours: procview('ps', '--format', 'aux'), peer: tool('ps', 'aux'), target: { ratio: 1.7 } },
  { ours: procview('tree', '-p'), peer: tool('pstree', '-p'), target: { ratio: 1.3 } },
  { ours: procview('--version'), peer: { label: 'node -e 0', file: NODE, args: ['-e', '0'] }, target: { ms: 15 } },
];

function wholeNumber(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/u.test(text) || Number(text) > max) throw new Error(`${flag} wants a whole number up to ${max}, got "${text}"`);
  return Number(text);
}

/** Wall time of one run, start to exit, in ms; stdout and stderr to /dev/null. */
function timeOnce(command: Command, env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(command.file, command.args, { stdio: 'ignore', env });
  const elapsed = performance.now() - start;
  if (result.error !== undefined) throw new Error(`${command.label}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command.label} exited with ${String(result.status ?? result.signal)}`);
  return elapsed;
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A small deterministic shuffle (the round number is the seed), so every run of the bench uses the same orders. */
function orderFor(round: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = round + 1;
  for (let i = count - 1; i > 0; i -= 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] ?? i, order[i] ?? j];
  }
  return order;
}

/** Median and minimum wall time of each command, over `rounds` interleaved rounds after two warm-up rounds. */
function measure(commands: readonly Command[], rounds: number, env: NodeJS.ProcessEnv): { median: number; min: number }[] {
  const times: number[][] = commands.map(() => []);
  for (let round = -2; round < rounds; round += 1) {
    for (const i of orderFor(round + 2, commands.length)) {
      const command = commands[i];
      if (command === undefined) continue;
      const elapsed = timeOnce(command, env);
      if (round >= 0) times[i]?.push(elapsed);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { median: median(list), min: list[0] ?? Number.NaN };
  });
}

function countProcesses(): number {
  const result = spawnSync('ps', ['-e', '--no-headers', '-o', 'pid'], { encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => line.trim() !== '').length;
}

const ms = (value: number): string => `${value.toFixed(1).padStart(7)} ms`;

/** The commands' environment, and the line saying what was done with NODE_EXTRA_CA_CERTS. */
function commandEnv(keepCaCerts: boolean): { env: NodeJS.ProcessEnv; note: string } {
  if (process.env[EXTRA_CA_CERTS] === undefined) return { env: process.env, note: `${EXTRA_CA_CERTS} not set` };
  if (keepCaCerts) return { env: process.env, note: `${EXTRA_CA_CERTS} is set and kept (--keep-ca-certs): every node command parses it at start` };
  const { [EXTRA_CA_CERTS]: _removed, ...env } = process.env;
  return { env, note: `${EXTRA_CA_CERTS} is set here and removed for the commands (--keep-ca-certs keeps it)` };
}

function bench(rounds: number, keepCaCerts: boolean): void {
  const commands = PAIRS.flatMap((pair) => [pair.ours, pair.peer]);
  const [load1 = 0] = loadavg();
  const { env, note } = commandEnv(keepCaCerts);
  process.stdout.write(
    `procview one-shot commands bench: ${countProcesses()} processes; node ${process.version}, ${cpus().length} cores, ` +
      `load average ${load1.toFixed(2)}\nwall time start to exit, output to /dev/null; medians (and minimum) of ${rounds} interleaved rounds after 2 warm-up rounds\n${note}\n\n`,
  );
  const results = measure(commands, rounds, env);
  const width = Math.max(...commands.map((command) => command.label.length)) + 2;
  commands.forEach((command, i) => {
    const result = results[i];
    if (result !== undefined) process.stdout.write(`${command.label.padEnd(width)}${ms(result.median)}   (min ${ms(result.min).trim()})\n`);
  });
  process.stdout.write('\n');
  PAIRS.forEach((pair, p) => {
    const ours = results[2 * p]?.median ?? Number.NaN;
    const peer = results[2 * p + 1]?.median ?? Number.NaN;
    const line =
      'ratio' in pair.target
        ? `${pair.ours.label} vs ${pair.peer.label}: ${(ours / peer).toFixed(2)}x its time (target <= ${pair.target.ratio})`
        : `${pair.ours.label} vs ${pair.peer.label}: ${(ours - peer).toFixed(1)} ms more (target <= ${pair.target.ms} ms)`;
    process.stdout.write(`${line}\n`);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      procs: { type: 'string' },
      rounds: { type: 'string' },
      'keep-ca-certs': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help === true) return void process.stdout.write(`${USAGE}\n`);
  const count = wholeNumber('--procs', values.procs, 2000, 30_000);
  const rounds = Math.max(1, wholeNumber('--rounds', values.rounds, 21, 1000));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build first`);
  await withSleepers(count, () => bench(rounds, values['keep-ca-certs'] === true));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
