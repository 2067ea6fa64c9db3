// The top-level command: help, version, unknown commands, and that an error
// message quoting hostile input reaches the terminal inert.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/run-cli.js';

beforeAll(ensureBuilt);

describe('procview (top level)', () => {
  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: procview \[--watch/m);
    for (const command of ['ps', 'tree', 'demo', 'chat']) expect(help.stdout).toContain(`procview ${command}`);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^procview \d+\.\d+\.\d+\n$/);
  });

  it('refuses an unknown command with one line and the usage, exit 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("procview: unknown command 'frobnicate'");
    expect(result.stderr).toContain('Usage: procview');
  });

  it('never echoes escape sequences from the command line back to the terminal', async () => {
    const hostile = 'x\u001b]0;owned\u0007\u001b[31m';
    const result = await runCli([hostile]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/[\u001b\u0007]/u);
    expect(result.stderr.split('\n')[0]).toBe("procview: unknown command 'x?]0;owned??[31m'");
  });

  it('says a dashboard needs a terminal when stdout is not one, exit 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('procview ps');
  });
});
