#!/usr/bin/env node
// The installed `procview` command (package.json "bin"). `procview ps` and
// `procview tree` read the table once and exit, so loading is much of their
// time: they run from one bundled file (bin/one-shot.ts, built by `npm run
// build`) instead of some forty modules. Every other command line runs the
// CLI module by module (cli-main.ts), whole: one run never mixes the bundle's
// copy of a module (the language --lang chose, the error classes) with the
// original. This file imports nothing of ours up front, so choosing costs no
// loading.
//
// It is CommonJS (.cts) because Node starts a CommonJS main file without
// setting up its ES module loader: `procview --version` alone then costs
// about what `node -e 0` does (answered here, it loads nothing else), while
// an ES module entry paid ~15 ms more before its first line ran. The other
// command lines reach the ES modules through import().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Command lines the bundle answers: `ps …`, `tree …`, `help ps`, `help tree`. */
function fromBundle(argv: readonly string[]): boolean {
  const [first, second] = argv;
  const command = first === 'help' ? second : first;
  return command === 'ps' || command === 'tree';
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
  // Computed specifiers: the bundler leaves them alone, and neither file is loaded unless chosen.
  const chosen = pathToFileURL(join(__dirname, fromBundle(argv) ? 'one-shot.js' : join('..', 'cli-main.js'))).href;
  const cli = (await import(chosen)) as Cli;
  await cli.runAsCommand(cli.main, argv);
}

void start(process.argv.slice(2));
