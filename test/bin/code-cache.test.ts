// The code cache of the installed command's bundles (src/bin/code-cache.cts),
// run as the command runs it: a fresh Node process requires a bundle through
// it, and the cache is written as that process exits. A small bundle of our
// own stands in for the CLI's, in a directory of the test's own.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

const CODE_CACHE = join(REPO_ROOT, 'dist/bin/code-cache.cjs');
const dir = mkdtempSync(join(tmpdir(), 'procview-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle as scripts/bundle-cli.mjs writes one: the build line, its import() function, then CommonJS that uses require, __dirname and import(). */
function writeBundle(name: string, build: string, answer: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `// procview build ${build}\n` +
      'var __procviewImport = typeof __procviewImport === "function" ? __procviewImport : (specifier) => import(specifier);\n' +
      `const { join } = require('node:path');\n` +
      `function square(n) { return n * n; }\n` +
      `exports.answer = ${answer};\n` +
      `exports.here = join(__dirname, 'x');\n` +
      `exports.squares = () => [1, 2, 3].map(square);\n` +
      `exports.platform = () => __procviewImport("node:os").then((os) => os.platform());\n`,
  );
  return path;
}

interface Run {
  readonly cache: string;
  readonly answer: number;
  readonly here: string;
  readonly squares: number[];
  readonly platform: string;
}

/** Requires `bundle` through the code cache in a new Node process, as bin/procview.cjs does, and exits with `exitCode`. */
function run(bundle: string, keep: boolean, exitCode = 0): Promise<Run> {
  const script = `
    const { requireBundle } = require(${JSON.stringify(CODE_CACHE)});
    const loaded = requireBundle(${JSON.stringify(bundle)}, ${keep});
    const m = loaded.exports;
    m.platform().then((platform) => {
      process.stdout.write(JSON.stringify({ cache: loaded.cache, answer: m.answer, here: m.here, squares: m.squares(), platform }));
      process.exitCode = ${exitCode};
    });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error !== null && error.code !== exitCode) reject(new Error(`${String(error)}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Run);
    });
  });
}

const cacheOf = (bundle: string): string => `${bundle}.v8cache`;

describe('a bundle run through the code cache', () => {
  it('runs without a cache, writes one as it exits, and the next run uses it', async () => {
    const bundle = writeBundle('first.cjs', 'aaaa1111', 42);
    const first = await run(bundle, true);
    expect(first).toEqual({ cache: 'absent', answer: 42, here: join(dir, 'x'), squares: [1, 4, 9], platform: process.platform });
    const header = readFileSync(cacheOf(bundle)).subarray(0, 100).toString('latin1').split('\n')[0];
    expect(header).toBe(`procview-v8cache 1 aaaa1111 ${process.version} ${process.arch}`);
    const second = await run(bundle, true);
    expect(second).toEqual({ ...first, cache: 'used' });
    // Nothing left under a temporary name.
    expect(readdirSync(dir).filter((name) => name.startsWith('first.cjs'))).toEqual(['first.cjs', 'first.cjs.v8cache']);
  });

  it('writes nothing for a run that may only read, or one that failed', async () => {
    const bundle = writeBundle('reader.cjs', 'bbbb2222', 7);
    expect((await run(bundle, false)).cache).toBe('absent');
    expect(existsSync(cacheOf(bundle))).toBe(false);
    expect((await run(bundle, true, 3)).cache).toBe('absent');
    expect(existsSync(cacheOf(bundle))).toBe(false);
  });

  it('does not use the cache of another build of the bundle, and replaces it', async () => {
    const bundle = writeBundle('rebuilt.cjs', 'cccc3333', 1);
    await run(bundle, true);
    writeBundle('rebuilt.cjs', 'dddd4444', 2);
    const after = await run(bundle, true);
    expect(after.cache).toBe('unusable');
    expect(after.answer).toBe(2);
    expect(readFileSync(cacheOf(bundle), 'latin1').split('\n')[0]).toContain(' dddd4444 ');
    expect((await run(bundle, true)).cache).toBe('used');
  });

  it('lets V8 refuse a damaged cache: the bundle runs from its text, and a good cache is written', async () => {
    const bundle = writeBundle('damaged.cjs', 'eeee5555', 5);
    await run(bundle, true);
    const good = readFileSync(cacheOf(bundle));
    const headerEnd = good.indexOf(0x0a) + 1;
    // The header still matches; the bytes V8 reads are cut short.
    writeFileSync(cacheOf(bundle), good.subarray(0, headerEnd + 40));
    const damaged = await run(bundle, true);
    expect(damaged).toMatchObject({ cache: 'rejected', answer: 5, squares: [1, 4, 9] });
    expect(readFileSync(cacheOf(bundle)).length).toBe(good.length);
    expect((await run(bundle, true)).cache).toBe('used');
  });

  it('ignores a cache anyone else may write', async () => {
    const bundle = writeBundle('shared.cjs', 'ffff6666', 6);
    await run(bundle, true);
    chmodSync(cacheOf(bundle), 0o666);
    expect((await run(bundle, false)).cache).toBe('unusable');
  });

  it('runs when the cache cannot be written', async () => {
    const bundle = writeBundle('blocked.cjs', 'abab7777', 8);
    // A directory where the cache file would go: the rename fails (as root, a read-only directory would not stop it).
    mkdirSync(cacheOf(bundle));
    const blocked = await run(bundle, true);
    expect(blocked).toMatchObject({ cache: 'unusable', answer: 8 });
    expect(readdirSync(dir).filter((name) => name.startsWith('blocked.cjs') && name.endsWith('.tmp'))).toEqual([]);
  });

  it('requires a bundle without a build line as plain CommonJS', async () => {
    const bundle = join(dir, 'plain.cjs');
    writeFileSync(bundle, readFileSync(writeBundle('plain-src.cjs', 'cdcd8888', 9), 'utf8').replace(/^.*\n/u, ''));
    expect(await run(bundle, true)).toMatchObject({ cache: 'unusable', answer: 9 });
    expect(existsSync(cacheOf(bundle))).toBe(false);
  });
});

describe('the installed command and the cache of its one-shot bundle', () => {
  /** The command's own files in a directory of their own, as dist/bin/ holds them. */
  function installCopy(): string {
    const bin = join(dir, 'pkg', 'dist', 'bin');
    mkdirSync(bin, { recursive: true });
    for (const file of ['procview.cjs', 'code-cache.cjs', 'one-shot.cjs']) writeFileSync(join(bin, file), readFileSync(join(REPO_ROOT, 'dist/bin', file)));
    return bin;
  }

  function runCommand(bin: string, args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(process.execPath, [join(bin, 'procview.cjs'), ...args], { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`${String(error)}\n${stderr}`));
        else resolve(stdout);
      });
    });
  }

  it('keeps none from a help text, which would hold little of what a listing runs, and keeps one from a listing', async () => {
    const bin = installCopy();
    const cache = join(bin, 'one-shot.cjs.v8cache');
    expect(await runCommand(bin, ['ps', '--help'])).toMatch(/procview ps/u);
    expect(await runCommand(bin, ['help', 'tree'])).toMatch(/procview tree/u);
    expect(existsSync(cache)).toBe(false);
    expect((await runCommand(bin, ['ps'])).split('\n')[0]).toMatch(/^ *PPID +PID /u);
    expect(existsSync(cache)).toBe(true);
  });
});
