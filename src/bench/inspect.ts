// `npm run bench [-- --procs N]`: how fast procview reads the process table,
// next to its Node peer (ps-list), procps `ps`, and the floor — opening and
// reading every /proc/PID/stat once. Prints medians; asserts nothing.
import { execFile } from 'node:child_process';
import { closeSync, constants, openSync, readdirSync, readSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import psList from 'ps-list';
import { createInspector } from '../inspect/inspector.js';
import { medians } from './medians.js';
import { type Sleepers, withSleepers } from './sleepers.js';

const USAGE = 'Usage: npm run bench -- [--procs N]   (N extra sleeping processes, default 2000)';

function parseCount(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: { procs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const text = values.procs ?? '2000';
  if (!/^\d+$/.test(text) || Number(text) > 30_000) throw new Error(`--procs wants a whole number up to 30000, got "${text}"`);
  return Number(text);
}

/** The floor: readdir /proc, then open, read and close each stat once into one buffer. */
function readEveryStat(): number {
  const buffer = Buffer.allocUnsafe(4096);
  let files = 0;
  for (const name of readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c < 0x30 || c > 0x39) continue;
    try {
      const fd = openSync(`/proc/${name}/stat`, constants.O_RDONLY);
      try {
        readSync(fd, buffer, 0, buffer.length, null);
        files++;
      } finally {
        closeSync(fd);
      }
    } catch {
      // Vanished meanwhile.
    }
  }
  return files;
}

const PS_FIELDS = 'pid,ppid,pgid,sid,tty,tpgid,stat,ni,comm,args';

function runPsEo(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('ps', ['-eo', PS_FIELDS], { maxBuffer: 256 * 1024 * 1024 }, (error) => (error ? reject(error) : resolve()));
  });
}

const INSPECTOR_URL = new URL('../inspect/inspector.js', import.meta.url).href;

/**
 * The first snapshot of a new Node process, timed inside it from the call to
 * its answer (not Node's start, nor loading the module): code not compiled
 * yet, read on one thread (a process's first full scan starts no helper:
 * inspect/procfs/read-ahead.ts).
 */
function coldFirstSnapshot(): Promise<number> {
  const code =
    `const { createInspector } = await import(${JSON.stringify(INSPECTOR_URL)});` +
    'const start = performance.now(); await createInspector().snapshot();' +
    'process.stdout.write(String(performance.now() - start)); process.exit(0);';
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', code], (error, stdout) => (error ? reject(error) : resolve(Number(stdout))));
  });
}

const ROUNDS = 15;
const ms = (value: number): string => `${value.toFixed(1).padStart(7)} ms`;

async function bench(count: number, sleepers: Sleepers | undefined): Promise<void> {
  const warm = createInspector();
  await warm.snapshot();
  const first = await warm.snapshot();
  const mine = sleepers === undefined ? 0 : [...first.procs.values()].filter((p) => p.ppid === sleepers.pid).length;
  const [load1] = loadavg();
  process.stdout.write(
    `procview inspect bench: ${first.procs.size} processes in all, ${mine} of them our extra sleepers (asked ${count})\n` +
      `node ${process.version}, ${cpus().length} cores, load average ${(load1 ?? 0).toFixed(2)}, backend ${warm.backend}; ` +
      `medians of ${ROUNDS} interleaved rounds\n\n`,
  );

  const coldTimes: number[] = [];
  const [steady = Number.NaN, fresh = Number.NaN, floor = Number.NaN, peer = Number.NaN, ps = Number.NaN] = await medians(ROUNDS, [
    () => warm.snapshot(),
    () => createInspector().snapshot(),
    readEveryStat,
    () => psList(),
    runPsEo,
    async () => coldTimes.push(await coldFirstSnapshot()),
  ]);
  coldTimes.sort((a, b) => a - b);
  const cold = coldTimes[Math.floor(coldTimes.length / 2)] ?? Number.NaN;

  const rows: [string, number][] = [
    ['steady refresh (warm inspector)', steady],
    ['fresh full snapshot (new inspector)', fresh],
    ['baseline: open+read each /proc/PID/stat', floor],
    ['ps-list', peer],
    [`ps -eo ${PS_FIELDS}`, ps],
    ['first snapshot of a new Node process (cold code, one thread)', cold],
  ];
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(68)}${ms(value)}\n`);
  process.stdout.write(
    `\nsteady refresh vs ps-list: ${(peer / steady).toFixed(1)}x faster (target >= 4x)\n` +
      `steady refresh vs baseline: ${(steady / floor).toFixed(2)}x the cost of reading each stat once (target: close to 1)\n` +
      `fresh snapshot vs ps -eo: ${(fresh / ps).toFixed(2)}x its time (target <= 0.6)\n` +
      `first snapshot of a new Node process vs ps -eo (a new process too): ${(cold / ps).toFixed(2)}x (no target; for scale)\n`,
  );
}

async function main(): Promise<void> {
  const count = parseCount(process.argv.slice(2));
  await withSleepers(count, (sleepers) => bench(count, sleepers));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
