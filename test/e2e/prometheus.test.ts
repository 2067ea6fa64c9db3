// `procview serve --metrics` scraped by a real Prometheus server (the Debian
// package .ci/run installs): a real zombie under a hostile-named parent and a
// real orphan must show up in Prometheus's own query API. The exporter is
// scoped (--watch) to a random marker in the test processes' command lines,
// so other processes' zombies and orphans cannot make it pass. The hostile name
// must come back through Prometheus's parser exactly as we sanitized it, and
// a real scrape must pass `promtool check metrics`. Without prometheus and
// promtool it skips and says so, except in CI, which installs them: there it fails.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, REPO_ROOT } from '../helpers/run-cli.js';
import { prometheusMissing } from '../helpers/optional-tools.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';

beforeAll(ensureBuilt);

/** The absolute path of a program, or a failure saying how to get it. */
function program(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error(`${name} is not installed: apt-get install --no-install-recommends prometheus (.ci/run does)`);
  return found;
}

/** A port free a moment ago, for Prometheus's own listener (procview takes port 0 and says which it got). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function firstLine(stream: Readable | null): Promise<string> {
  if (stream === null) throw new Error('no stdout');
  const lines = createInterface({ input: stream });
  return new Promise((resolve, reject) => {
    lines.once('line', resolve);
    lines.once('close', () => reject(new Error('closed before a line')));
  });
}

async function stopAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}

interface Vector {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

async function query(base: string, expr: string): Promise<Vector[]> {
  const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await response.json()) as { status: string; data?: { resultType: string; result: Vector[] } };
  if (body.status !== 'success' || body.data === undefined) throw new Error(`query failed: ${expr}: ${JSON.stringify(body)}`);
  return body.data.result;
}

async function scalarOf(base: string, expr: string): Promise<number | undefined> {
  const [first] = await query(base, expr);
  return first === undefined ? undefined : Number(first.value[1]);
}

// perl leaves its child a zombie until told: it never calls wait by itself.
const ZOMBIE_PARENT = `$| = 1; my $child = fork() // die "fork: $!"; if ($child == 0) { exit 0 } print "$child\\n"; my $stay = <STDIN>;`;
// A comm with a quote, a backslash, braces, a newline and ESC; the kernel keeps the first 15 bytes.
const HOSTILE_COMM = 'z"\\{}\n\u001b[1m';
const SANITIZED_COMM = 'z"\\{}??[1m';

const dirs: string[] = [];
const servers: ChildProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await stopAndWait(server, 'SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const skipReason = prometheusMissing();
const suiteTitle = 'procview serve --metrics with a real Prometheus';

describe.runIf(skipReason === undefined)(skipReason === undefined ? suiteTitle : `${suiteTitle} — skipped: ${skipReason}`, () => {
  it('sees a real zombie and a real orphan through Prometheus, and a real scrape passes promtool', { timeout: 180_000 }, async () => {
    const prometheus = program('prometheus');
    const promtool = program('promtool');
    const dir = mkdtempSync(join(tmpdir(), 'procview-prom-'));
    dirs.push(dir);

    const marker = `procview-e2e-${process.pid}-${Date.now()}`;
    mkdirSync(join(dir, marker));
    const exporter = spawnGroup(process.execPath, [CLI, 'serve', '--metrics', '--listen', '127.0.0.1:0', '-d', '0.5', '--watch', marker], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    servers.push(exporter);
    const url = /http:\/\/\S+\/metrics/u.exec(await firstLine(exporter.stdout))?.[0];
    if (url === undefined) throw new Error('procview did not say where it listens');
    const target = new URL(url).host;

    const port = await freePort();
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: [${JSON.stringify(join(REPO_ROOT, 'examples/prometheus/procview-alerts.yml'))}]`,
        'scrape_configs:',
        '  - job_name: procview',
        `    static_configs: [{ targets: [${JSON.stringify(target)}] }]`,
        '',
      ].join('\n'),
    );
    const server = spawnGroup(prometheus, [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    servers.push(server);
    let log = '';
    server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const base = `http://127.0.0.1:${port}`;
    const fail = (what: string) => `${what}; prometheus log tail:\n${log}`;

    await waitFor(async () => (await scalarOf(base, 'up{job="procview"}').catch(() => undefined)) === 1, {
      what: fail('the first scrape'),
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const adoptedBefore = await waitFor(() => scalarOf(base, 'sum(procview_orphans_adopted_total)'), {
      what: fail('the adoption counter'),
      timeoutMs: 30_000,
      intervalMs: 250,
    });

    // A zombie whose parent has a hostile name (its command line holds the marker).
    const hostile = join(dir, marker, HOSTILE_COMM);
    symlinkSync(program('perl'), hostile);
    const parent = spawnGroup(hostile, ['-e', ZOMBIE_PARENT], { stdio: ['pipe', 'pipe', 'inherit'] });
    const zombiePid = Number(await firstLine(parent.stdout));
    expect(zombiePid).toBeGreaterThan(0);
    // An orphan: the shell ($0 is the marker) exits when told, its sleep is adopted.
    const shell = spawnGroup('sh', ['-c', 'sleep 60 & read go', marker], { stdio: ['pipe', 'ignore', 'inherit'] });
    // The exporter's own scans show perl, sh and sleep sleeping and the zombie, before the shell goes.
    let lastScrape = '';
    await waitFor(
      async () => {
        lastScrape = await fetch(url).then((r) => r.text());
        return lastScrape.includes('procview_processes{state="S"} 3\n') && lastScrape.includes('procview_processes{state="Z"} 1\n');
      },
      { what: 'the test processes in scope', timeoutMs: 30_000, intervalMs: 100 },
    ).catch((error: Error) => {
      const states = lastScrape.split('\n').filter((line) => line.startsWith('procview_processes{'));
      throw new Error(`${error.message}; the exporter's last process counts:\n${states.join('\n')}`);
    });
    shell.stdin?.end('go\n');

    await waitFor(async () => ((await scalarOf(base, 'procview_processes{state="Z"}')) ?? 0) >= 1, {
      what: fail('procview_processes{state="Z"} >= 1'),
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    await waitFor(async () => ((await scalarOf(base, 'sum(procview_orphans_adopted_total)')) ?? 0) > adoptedBefore, {
      what: fail('procview_orphans_adopted_total to grow'),
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const [byParent] = await waitFor(
      async () => {
        const found = await query(base, `procview_zombies_by_parent{parent_pid="${parent.pid}"}`);
        return found.length > 0 ? found : undefined;
      },
      { what: fail('the zombie under its parent'), timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(byParent?.metric.parent_comm).toBe(SANITIZED_COMM);
    expect(Number(byParent?.value[1])).toBeGreaterThanOrEqual(1);

    // A real scrape, in the text format, through promtool's parser and linter.
    const scrape = await fetch(url).then((r) => r.text());
    expect(scrape).toContain(`parent_comm="z\\"\\\\{}??[1m"`);
    const checked = spawnSync(promtool, ['check', 'metrics'], { input: scrape, encoding: 'utf8' });
    expect({ status: checked.status, out: checked.stdout + checked.stderr }).toEqual({ status: 0, out: '' });

    // SIGTERM: both servers close; procview with exit status 0.
    expect(await stopAndWait(exporter, 'SIGTERM')).toBe(0);
    await stopAndWait(server, 'SIGTERM');
  });
});
