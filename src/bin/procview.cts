#!/usr/bin/env node
// The installed `procview` command (package.json "bin"). Loading is much of
// a short command's time, and a tenth of the dashboard's first seconds, so
// the command runs from a bundle (scripts/bundle-cli.mjs) through V8's code
// cache (code-cache.cts) instead of some hundred modules each parsed and
// compiled anew: `ps` and `tree` from one-shot.cjs, which holds only what they
// load; every other command line from cli.cjs, which holds the whole CLI.
// Either bundle is whole for the command lines sent to it: one run never
// mixes a bundle's copy of a module (the language --lang chose, the error
// classes) with the original. Built without the bundler, the command loads
// the CLI module by module (cli-main.ts), the same commands. This file imports
// nothing of ours up front, so choosing costs no loading.
//
// It is CommonJS (.cts) because Node starts a CommonJS main file without
// setting up its ES module loader: `procview --version` alone then costs
// about what `node -e 0` does (answered here, it loads nothing else), while
// an ES module entry paid ~15 ms more before its first line ran.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireBundle } from './code-cache.cjs';

/** Command lines one-shot.cjs answers: `ps …`, `tree …`, `help ps`, `help tree`. */
function fromOneShot(argv: readonly string[]): boolean {
  const [first, second] = argv;
  const command = first === 'help' ? second : first;
  return command === 'ps' || command === 'tree';
}

/** Commands after which the dashboard opens (cli-main.ts dispatch; `--plain` prints instead). */
const DASHBOARD_COMMANDS = new Set(['demo', 'run', 'replay']);
const NOT_A_RUN = new Set(['--help', '-h', '--version', '-V', '--plain', 'help']);

/**
 * Whether this command line's run may write its bundle's code cache: ps and
 * tree for one-shot.cjs, the dashboard for cli.cjs. The cache holds what the
 * run that wrote it compiled, so a help text or a chat line (whose server also
 * changes V8's flags, which V8 checks) would leave a cache of little use to
 * the dashboard; those runs read the cache and never write it.
 */
function keepsCache(argv: readonly string[]): boolean {
  // What follows `--` is a program's own command line (`procview run -- make --help`).
  const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (own.some((arg) => NOT_A_RUN.has(arg))) return false;
  if (fromOneShot(argv)) return true;
  const words = own.filter((arg, i) => !arg.startsWith('--lang') && own[i - 1] !== '--lang');
  const [first] = words;
  return first === undefined || first.startsWith('-') || DASHBOARD_COMMANDS.has(first);
}

/** `procview --version` or `-V` and nothing else: what cli-main.ts prints for it (base/version.ts reads the same file). */
function isVersionOnly(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

interface Cli {
  main(argv: readonly string[]): Promise<number>;
  runAsCommand(run: (argv: readonly string[]) => Promise<number>, argv: readonly string[]): Promise<void>;
}

async function start(argv: readonly string[]): Promise<void> {
  if (isVersionOnly(argv)) {
    // dist/bin/procview.cjs → the package root, as from src/bin/procview.cts.
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    process.stdout.write(`procview ${typeof pkg.version === 'string' ? pkg.version : 'unknown'}\n`);
    return;
  }
  const bundled = requireBundle(join(__dirname, fromOneShot(argv) ? 'one-shot.cjs' : 'cli.cjs'), keepsCache(argv));
  // A computed specifier: nothing is loaded unless chosen.
  const cli = (bundled?.exports ?? (await import(pathToFileURL(join(__dirname, '..', 'cli-main.js')).href))) as Cli;
  await cli.runAsCommand(cli.main, argv);
}

void start(process.argv.slice(2));
