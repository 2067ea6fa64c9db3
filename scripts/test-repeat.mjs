#!/usr/bin/env node
// Runs the test suite N times and counts failures per test, to prove the suite
// never fails by chance:
//
//   npm run test:repeat -- N [--burn K] [vitest filters…]
//
// Builds once, then runs `vitest run` N times, each with a JSON report in a
// temporary directory, and prints each run's result as it ends (each failed
// test with the first lines of its message), then every
// test that failed with how often, and the totals. --burn K keeps K busy
// loops running meanwhile (CPU load, like a shared CI machine); they are
// killed when the runs end or the script is interrupted. Exit status: 0 when
// no run failed, 1 otherwise, 2 for a bad command line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const USAGE = 'usage: npm run test:repeat -- N [--burn K] [vitest filters…]';

function fail(message) {
  process.stderr.write(`test:repeat: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let runs;
  let burners = 0;
  const filters = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--burn') {
      index += 1;
      const value = argv[index];
      if (value === undefined || !/^\d+$/u.test(value)) fail('--burn needs a whole number of busy loops');
      burners = Number(value);
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (runs === undefined && /^\d+$/u.test(arg)) {
      runs = Number(arg);
    } else {
      filters.push(arg);
    }
  }
  if (runs === undefined || runs < 1) fail('say how many runs (a whole number, 1 or more)');
  return { runs, burners, filters };
}

/** K busy loops, each the leader of its own process group so nothing of them outlives us. */
function startBurners(count) {
  const burners = [];
  for (let index = 0; index < count; index += 1) {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    if (child.pid !== undefined) burners.push(child);
  }
  return burners;
}

function stopBurners(burners) {
  for (const child of burners) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** One `vitest run`; resolves to its JSON report (undefined if it wrote none). */
function runOnce(reportPath, filters) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${reportPath}`, ...filters], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('close', (code) => {
      let report;
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8'));
      } catch {
        report = undefined;
      }
      resolve({ code, report, stderr });
    });
  });
}

/** The first lines of a failure message without its stack, cut short: enough to tell one cause from another. */
function firstLines(message) {
  if (typeof message !== 'string') return '';
  // Colour codes from the reporter.
  const plain = message.replace(/\u001b\[[0-9;]*m/gu, '');
  const lines = plain.split('\n').filter((line) => !/^\s+at /u.test(line));
  return lines.slice(0, 8).join('\n      ').slice(0, 1500);
}

const whyOf = new Map();

/** Failed tests of one report, as "file › describe › test"; a file that failed outside any test counts as one. */
function failuresOf(report) {
  const failed = [];
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name);
    const tests = file.assertionResults ?? [];
    const bad = tests.filter((test) => test.status === 'failed');
    for (const test of bad) {
      const title = `${name} › ${[...(test.ancestorTitles ?? []), test.title].join(' › ')}`;
      failed.push(title);
      // Why, for the run's log (the count per test keys on the name alone).
      whyOf.set(title, firstLines(test.failureMessages?.[0]));
    }
    if (bad.length === 0 && file.status === 'failed') failed.push(`${name} › (the file itself: ${String(file.message ?? 'failed').split('\n')[0]})`);
  }
  return failed;
}

const { runs, burners: burnerCount, filters } = parseArgs(process.argv.slice(2));
const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  process.stderr.write('test:repeat: the build failed\n');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'procview-repeat-'));
const burners = startBurners(burnerCount);
const cleanup = () => {
  stopBurners(burners);
  rmSync(dir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    cleanup();
    process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
  });
}

const counts = new Map();
let failedRuns = 0;
let totalFailures = 0;
let totalTests = 0;
try {
  process.stdout.write(`${runs} run(s) of the suite${burnerCount > 0 ? `, with ${burnerCount} busy loop(s) running` : ''}\n`);
  for (let run = 1; run <= runs; run += 1) {
    const started = Date.now();
    const { code, report, stderr } = await runOnce(join(dir, `run-${run}.json`), filters);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (report === undefined) {
      failedRuns += 1;
      totalFailures += 1;
      counts.set('(vitest wrote no report)', (counts.get('(vitest wrote no report)') ?? 0) + 1);
      process.stdout.write(`run ${run}/${runs}: no report (exit ${String(code)}) in ${seconds} s\n${stderr}\n`);
      continue;
    }
    const failed = failuresOf(report);
    totalTests += report.numTotalTests ?? 0;
    totalFailures += failed.length;
    if (failed.length > 0 || code !== 0) failedRuns += 1;
    for (const name of failed) counts.set(name, (counts.get(name) ?? 0) + 1);
    process.stdout.write(
      `run ${run}/${runs}: ${report.numPassedTests ?? '?'} passed, ${failed.length} failed, ` +
        `${report.numPendingTests ?? 0} skipped, exit ${String(code)}, ${seconds} s\n`,
    );
    for (const name of failed) process.stdout.write(`  failed: ${name}\n${whyOf.get(name) ? `      ${whyOf.get(name)}\n` : ''}`);
    whyOf.clear();
  }
} finally {
  cleanup();
}

if (counts.size > 0) {
  process.stdout.write('\nfailures per test (runs failed / runs):\n');
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    process.stdout.write(`  ${count}/${runs}  ${name}\n`);
  }
}
process.stdout.write(`\ntotal: ${totalFailures} failure(s) in ${runs} run(s); ${failedRuns} run(s) with a failure; ${totalTests} test results\n`);
process.exitCode = failedRuns === 0 ? 0 : 1;
