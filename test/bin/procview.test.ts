// The installed command (package.json bin → dist/bin/procview.cjs): ps and tree
// run from one bundled file, every other command line from the CLI module by
// module; either way it must answer exactly as `node dist/cli.js` does.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { BIN, type CliResult, ensureBuilt, REPO_ROOT, runCli, runNode } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

const ONE_SHOT = join(REPO_ROOT, 'dist/bin/one-shot.cjs');
const WHOLE = join(REPO_ROOT, 'dist/bin/cli.cjs');

/** The modules a CommonJS bundle loads: require('x') and import('x'). */
function loads(text: string): { required: string[]; imported: string[] } {
  return {
    required: [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/gu)].map((match) => match[1] ?? ''),
    imported: [...text.matchAll(/\b(?:import|__procviewImport)\(\s*["']([^"']+)["']\s*\)/gu)].map((match) => match[1] ?? ''),
  };
}

function runBin(args: readonly string[]): Promise<CliResult> {
  return runNode([BIN, ...args]);
}

describe('the installed procview command', () => {
  it('is what package.json names, executable', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(REPO_ROOT, pkg.bin.procview ?? '')).toBe(BIN);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    // CommonJS, so `procview --version` runs before (and without) Node's ES module loader.
    expect(BIN.endsWith('.cjs')).toBe(true);
  });

  it('has ps and tree in one bundle, every command in another, each loading none of our modules but the other commands', () => {
    const oneShot = readFileSync(ONE_SHOT, 'utf8');
    const whole = readFileSync(WHOLE, 'utf8');
    for (const text of [oneShot, whole]) {
      // The build line the code cache is matched with (src/bin/code-cache.cts).
      expect(text).toMatch(/^\/\/ procview build [0-9a-f]{16}\n/u);
      expect(text).toContain('function formatPsTable');
      expect(text).toContain('function formatTree');
      // Every import.meta.url became the module's own file in dist/.
      expect(text).not.toContain('import.meta');
      expect(loads(text).required.filter((spec) => !spec.startsWith('node:'))).toEqual([]);
    }
    // ps-list is loaded only for its backend; the one-shot bundle leaves the other commands outside.
    expect(loads(whole).imported).toEqual(['ps-list']);
    const outside = loads(oneShot).imported.filter((spec) => spec !== 'ps-list');
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter((spec) => !/^\.\.\/commands\/[\w-]+\.js$/u.test(spec) || /\/(ps|tree)\.js$/u.test(spec))).toEqual([]);
    expect(oneShot).not.toContain('function runDashboard');
    // node:child_process (with net and dgram) is required only when a child is started (base/child-process.ts).
    expect(loads(oneShot).required).not.toContain('node:child_process');
    expect(oneShot).toContain('function childProcess');
    expect(whole).toContain('function runDashboard');
  });

  it('finds the files import.meta.url named, bundled: the package version and the native addon path', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    // `--version --lang zh` is not answered by the bin itself: cli.cjs reads package.json (base/version.ts).
    expect(await runBin(['--version', '--lang', 'zh'])).toEqual({ code: 0, stdout: `procview ${pkg.version}\n`, stderr: '' });
    const whole = readFileSync(WHOLE, 'utf8');
    expect(whole).toContain(JSON.stringify('../inspect/events/kernel-addon.js'));
    expect(whole).toContain(JSON.stringify('../demos/lab.js'));
  });

  const lines: readonly (readonly string[])[] = [
    ['--version'],
    ['-V'],
    ['--version', '--lang', 'zh'],
    ['--help'],
    ['ps', '--help'],
    ['help', 'tree'],
    ['help', 'demo'],
    ['--lang', 'zh', 'ps', '--help'],
    ['tree', '--lang=zh', '--bogus'],
    ['ps', '--format', 'x'],
    ['tree', '999999999'],
    ['frobnicate'],
  ];
  for (const args of lines) {
    it(`answers ${args.join(' ')} as node dist/cli.js does`, async () => {
      const [bin, cli] = await Promise.all([runBin(args), runCli(args)]);
      expect(bin).toEqual(cli);
    });
  }

  it('draws a subtree and lists processes from the bundle', async () => {
    const child = spawnGroup('sh', ['-c', 'sleep 300 & wait']);
    const sleeper = await waitFor(
      () => {
        const text = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
        return text === '' ? undefined : Number(text);
      },
      { what: 'the shell to start its sleeper' },
    );
    const tree = await runBin(['tree', '-p', String(child.pid)]);
    expect(tree).toEqual({ code: 0, stdout: `sh(${child.pid})───sleep(${sleeper})\n`, stderr: '' });
    const ps = await runBin(['ps']);
    expect(ps.code).toBe(0);
    expect(ps.stdout.split('\n')[0]).toBe(' PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND');
    expect(ps.stdout).toMatch(new RegExp(`^ *${child.pid} +${sleeper} +${child.pid} .* sleep 300$`, 'mu'));
  });
});
