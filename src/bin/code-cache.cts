// Runs one of the CLI's CommonJS bundles (scripts/bundle-cli.mjs) with V8's
// code cache, kept in a file beside it, as Python keeps compiled bytecode in
// __pycache__ beside the source. Without a cache V8 parses the bundle and
// compiles each function the first time it runs; with one it takes the
// bytecode it made in an earlier run. Measured on a 2-core machine: the
// dashboard's first 5 s cost ~0.2 s less CPU, `procview ps` ~7 ms less.
//
// The cache is a hint, never a requirement: anything wrong with it (missing,
// another build or Node, corrupt, not ours, unwritable directory) means the
// bundle is compiled from its text as if there were none.
//
// Trust: V8 does not checksum a code cache (--verify-snapshot-checksum is off
// in release builds), so bytecode from the file runs as is. The file is used
// only when it is a regular file owned by this user or root and writable by
// no one else: whoever could write it could already write the bundle beside
// it. It is written under a temporary name and renamed into place, so a
// reader never sees half a file.
//
// Which build and Node made it: the header line `procview-v8cache 1 BUILD NODE
// ARCH`, BUILD from the bundle's first line (`// procview build ID`). V8
// checks its own version and flags on top (cachedDataRejected).
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What happened to the cache in this run (for tests and benchmarks). */
export type CacheUse = 'used' | 'rejected' | 'absent' | 'unusable';

export interface LoadedBundle {
  readonly exports: unknown;
  readonly cache: CacheUse;
}

const HEADER_WORD = 'procview-v8cache';
const HEADER_VERSION = '1';
/** The line scripts/bundle-cli.mjs puts first in every bundle. */
const BUILD_LINE = /^\/\/ procview build ([0-9a-f]+)\n/u;
/** A cache larger than this is not ours to read (the dashboard's is ~0.6 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The cache file of a bundle. */
export function cachePathOf(bundle: string): string {
  return `${bundle}.v8cache`;
}

function headerFor(build: string): string {
  return `${HEADER_WORD} ${HEADER_VERSION} ${build} ${process.version} ${process.arch}\n`;
}

/** The cached bytes after a header that matches `build`, or why there are none. */
function readCache(path: string, build: string): Buffer | 'absent' | 'unusable' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unusable';
  }
  try {
    const stat = fstatSync(fd);
    const owner = process.geteuid?.();
    // Owned by this user or root, writable by no one else (the top of this file says why).
    if (!stat.isFile() || (stat.uid !== owner && stat.uid !== 0) || (stat.mode & 0o022) !== 0 || stat.size > MAX_CACHE_BYTES) return 'unusable';
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    for (let got = -1; got !== 0 && length < bytes.length; length += got) got = readSync(fd, bytes, length, bytes.length - length, null);
    const header = headerFor(build);
    if (length <= header.length || bytes.toString('latin1', 0, header.length) !== header) return 'unusable';
    return bytes.subarray(header.length, length);
  } catch {
    return 'unusable';
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache of `script` in place of whatever `path` held; failing (read-only, full disk) changes nothing. */
function writeCache(path: string, build: string, script: Script): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(headerFor(build), 'latin1'), script.createCachedData()]), { flag: 'wx', mode: 0o644 });
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never made, or already renamed.
    }
  }
}

/**
 * `require(bundle)` through the code cache: its exports, or undefined when
 * the bundle cannot be read (built without the bundler, or unreadable: the
 * caller then loads the CLI module by module). With `keep`, a run that found
 * no usable cache writes one as it exits, holding every function this run
 * compiled; other runs only read.
 */
export function requireBundle(bundle: string, keep: boolean): LoadedBundle | undefined {
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
  const load = createRequire(bundle);
  const build = BUILD_LINE.exec(source)?.[1];
  if (build === undefined) return { exports: load(bundle), cache: 'unusable' };
  const path = cachePathOf(bundle);
  const cached = readCache(path, build);
  // The module wrapper Node itself puts around CommonJS, on the bundle's first line (line numbers in stack traces stay
  // right), and __procviewImport: the bundle's import(), resolved from here, the bundles' directory. In Node 20 a script
  // compiled from a code cache loses its own dynamic import callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __procviewImport) {${source}\n})`, {
    filename: bundle,
    cachedData: typeof cached === 'string' ? undefined : cached,
  });
  const cache: CacheUse = typeof cached === 'string' ? cached : script.cachedDataRejected === true ? 'rejected' : 'used';
  if (keep && cache !== 'used') {
    process.once('exit', (code) => {
      // A run that failed may have stopped early: its cache would hold little.
      if (code === 0) writeCache(path, build, script);
    });
  }
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
    dynamicImport: (specifier: string) => Promise<unknown>,
  ) => void;
  wrapper.call(module.exports, module.exports, load, module, bundle, dirname(bundle), (specifier: string) => import(specifier));
  return { exports: module.exports, cache };
}
