// `npm run bench:ui [-- --seconds S --procs N]`: CPU time of the dashboard over
// 30 s at its default refresh (1 s, whole system) with 2000 extra sleeping
// processes, side by side with `top -b -d 1` over the same 30 s. Both run at
// once; their CPU (utime + stime) is read through the inspector. Prints
// figures; asserts nothing.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInspector } from '../inspect/inspector.js';
import { startSleepers } from './sleepers.js';

const USAGE = 'Usage: npm run bench:ui -- [--seconds S] [--procs N]   (defaults: 30 s, 2000 extra sleepers)';

function options(argv: readonly string[]): { seconds: number; procs: number } {
  const { values } = parseArgs({
    args: [...argv],
    options: { seconds: { type: 'string' }, procs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const whole = (text: string, max: number, what: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new Error(`${what} wants a whole number 1..${max}, got "${text}"`);
    return Number(text);
  };
  return { seconds: whole(values.seconds ?? '30', 3600, '--seconds'), procs: whole(values.procs ?? '2000', 30_000, '--procs') };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function cpuSeconds(pids: readonly number[]): Promise<(number | undefined)[]> {
  const snapshot = await createInspector().snapshot();
  return pids.map((pid) => snapshot.procs.get(pid)?.timeSeconds);
}

async function main(): Promise<void> {
  const { seconds, procs } = options(process.argv.slice(2));
  // node-pty is a dev dependency: the benchmark runs from a checkout, not from an install.
  const { default: pty } = await import('node-pty');
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  process.stdout.write(`starting ${procs} sleepers…\n`);
  const sleepers = await startSleepers(procs);
  const cleanup: (() => void)[] = [() => sleepers.kill()];
  process.on('exit', () => cleanup.forEach((task) => task()));
  try {
    const total = (await createInspector().snapshot()).procs.size;
    const dashboard = pty.spawn(process.execPath, [cli], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
    });
    let drawn = 0;
    dashboard.onData((data) => (drawn += data.length));
    cleanup.push(() => dashboard.kill('SIGKILL'));
    // top writes every task every second; its output goes to /dev/null, as cheap a sink as there is.
    const top = spawn('top', ['-b', '-d', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const topPid = top.pid;
    if (topPid === undefined) throw new Error('could not start top');
    cleanup.push(() => top.kill('SIGKILL'));
    process.stdout.write(`measuring procview (pid ${dashboard.pid}) and top (pid ${topPid}) for ${seconds} s with ${total} processes…\n`);

    await pause(5000);
    const [p5 = Number.NaN, t5 = Number.NaN] = await cpuSeconds([dashboard.pid, topPid]);
    await pause(seconds * 1000 - 5000);
    const [p = Number.NaN, t = Number.NaN] = await cpuSeconds([dashboard.pid, topPid]);

    dashboard.write('q');
    top.kill('SIGTERM');
    const row = (name: string, all: number, steady: number): string =>
      `${name.padEnd(14)} ${all.toFixed(2).padStart(8)} s ${((100 * all) / seconds).toFixed(1).padStart(6)} %   ${steady.toFixed(2).padStart(8)} s`;
    const lines = [
      '',
      `bench:ui — ${seconds} s, refresh 1 s, ${procs} extra sleepers (${total} processes), ${cpus().length} cores, Node ${process.version}`,
      `${''.padEnd(14)} ${'CPU'.padStart(10)} ${'of 1 core'.padStart(8)}   ${'last ' + String(seconds - 5) + ' s'}`,
      row('procview', p, p - p5),
      row('top -b -d 1', t, t - t5),
      `procview/top: ${(p / t).toFixed(2)} (${p <= t ? 'procview used no more CPU than top' : 'procview used MORE CPU than top'})`,
      `terminal output of the dashboard: ${(drawn / 1024).toFixed(0)} KiB over ${seconds} s`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    await pause(1500);
  } finally {
    for (const task of cleanup.splice(0)) task();
    await sleepers.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
