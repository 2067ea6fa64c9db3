// The installed command (package.json bin → dist/bin/procview.cjs): ps and tree
// run from one bundled file, every other command line from the CLI module by
// module; either way it must answer exactly as `node dist/cli.js` does.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { BIN, type CliResult, ensureBuilt, REPO_ROOT, runCli, runNode } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

const ONE_SHOT = join(REPO_ROOT, 'dist/bin/one-shot.js');

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

  it('has ps and tree bundled into one file that imports none of our modules', () => {
    const text = readFileSync(ONE_SHOT, 'utf8');
    // Static imports are node: modules only; the other commands stay outside, loaded only by their own command lines.
    const fromSpecifiers = [...text.matchAll(/^import\s[^'"]*?from\s+['"]([^'"]+)['"]/gmu)].map((match) => match[1]);
    expect(fromSpecifiers.length).toBeGreaterThan(0);
    expect(fromSpecifiers.filter((spec) => !spec?.startsWith('node:'))).toEqual([]);
    expect(text).toContain('function formatPsTable');
    expect(text).toContain('function formatTree');
    expect(text).not.toMatch(/import\(["']\.\.\/commands\/(ps|tree)\.js["']\)/u);
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
