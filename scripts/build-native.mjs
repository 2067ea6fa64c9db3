#!/usr/bin/env node
// Builds procview's optional native addon (native/proc-events: kernel process events
// on Linux). Run by `npm install` (the package's "install" script). It never fails the
// install: without a compiler it prints one line and procview polls /proc instead.
//
// Order: node-gyp (npm ships it: $npm_config_node_gyp in lifecycle scripts), with the
// Node headers of this installation when present (no download); if node-gyp is missing
// or fails (no Python, no make), the C compiler directly (an N-API addon is one file).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADDON_DIR = fileURLToPath(new URL('../native/proc-events/', import.meta.url));
const OUTPUT = join(ADDON_DIR, 'build', 'Release', 'proc_events.node');
const LOG = join(ADDON_DIR, 'build', 'build.log');
const TIMEOUT_MS = 180_000;

const log = [];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ADDON_DIR, encoding: 'utf8', timeout: TIMEOUT_MS, env: process.env });
  log.push(`$ ${command} ${args.join(' ')}`, result.stdout ?? '', result.stderr ?? '', result.error ? String(result.error) : '');
  return result.status === 0 && result.error === undefined;
}

/** The C compiler node-gyp's Makefile and the direct build would use. */
function compiler() {
  return process.env.CC?.trim() || 'cc';
}

function hasCompiler() {
  const result = spawnSync(compiler(), ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0;
}

/** A directory with include/node/node_api.h (node-gyp's --nodedir), or undefined. */
function nodeDir() {
  const candidates = [process.env.npm_config_nodedir, join(dirname(process.execPath), '..')];
  return candidates.find((dir) => dir && existsSync(join(dir, 'include', 'node', 'node_api.h')));
}

/** node-gyp's entry script: npm's own (lifecycle env), else the one beside this Node. */
function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file));
}

function loads() {
  try {
    const addon = createRequire(import.meta.url)(OUTPUT);
    return typeof addon.open === 'function';
  } catch (error) {
    log.push(`loading ${OUTPUT}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

function withNodeGyp(headers) {
  const script = nodeGypScript();
  if (script === undefined) {
    log.push('node-gyp not found');
    return false;
  }
  const args = [script, 'rebuild', '--release'];
  if (headers !== undefined) args.push(`--nodedir=${headers}`);
  return run(process.execPath, args) && existsSync(OUTPUT);
}

function withCompiler(headers) {
  if (headers === undefined) {
    log.push('no Node headers (include/node/node_api.h) beside this Node');
    return false;
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  const args = ['-std=gnu11', '-O2', '-fPIC', '-shared', '-Wall', `-I${join(headers, 'include', 'node')}`];
  return run(compiler(), [...args, '-o', OUTPUT, 'proc_events.c']);
}

function giveUp(why) {
  try {
    mkdirSync(dirname(LOG), { recursive: true });
    writeFileSync(LOG, `${log.join('\n')}\n`);
  } catch {
    // the log is a courtesy
  }
  process.stdout.write(`procview: kernel process events not built (${why}); procview will poll /proc\n`);
}

function main() {
  if (process.platform !== 'linux') return; // the connector is Linux's; other systems poll
  rmSync(OUTPUT, { force: true }); // never leave an old build from other sources behind
  if (!hasCompiler()) return giveUp('no C compiler');
  const headers = nodeDir();
  if ((withNodeGyp(headers) && loads()) || (withCompiler(headers) && loads())) {
    process.stdout.write('procview: kernel process events module built\n');
    return;
  }
  rmSync(OUTPUT, { force: true });
  giveUp(`build failed, see ${LOG}`);
}

try {
  main();
} catch (error) {
  giveUp(error instanceof Error ? error.message : String(error));
}
process.exitCode = 0;
