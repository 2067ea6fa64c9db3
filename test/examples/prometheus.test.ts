// The shipped Prometheus example files: the scrape job and the alert rules
// pass promtool's checks, and the alerts fire (and only then) on the series
// of promtool's rule unit tests (examples/prometheus/procview-alerts.test.yml).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prometheusMissing } from '../helpers/optional-tools.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const DIR = join(REPO_ROOT, 'examples/prometheus');

function promtool(args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', [...args], { cwd: DIR, encoding: 'utf8' });
  if (result.error !== undefined) throw new Error(`promtool is not installed (apt-get install prometheus; .ci/run does): ${result.error.message}`);
  return { status: result.status, output: result.stdout + result.stderr };
}

const skipReason = prometheusMissing();

describe.runIf(skipReason === undefined)(skipReason === undefined ? 'examples/prometheus' : `examples/prometheus — skipped: ${skipReason}`, () => {
  it('the alert rules pass promtool check rules', () => {
    const result = promtool(['check', 'rules', 'procview-alerts.yml']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS: 2 rules found');
  });

  it('the scrape job passes promtool check config', () => {
    const result = promtool(['check', 'config', 'prometheus.yml']);
    expect(result.status, result.output).toBe(0);
  });

  it('the alerts fire as their unit tests say (zombie older than 5 minutes; more than 10 adoptions by PID 1 a minute)', () => {
    const result = promtool(['test', 'rules', 'procview-alerts.test.yml']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS');
  });
});
