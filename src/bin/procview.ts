#!/usr/bin/env node
// The installed `procview` command (package.json "bin"). `procview ps` and
// `procview tree` read the table once and exit, so loading is much of their
// time: they run from one bundled file (bin/one-shot.ts, built by `npm run
// build`) instead of some forty modules. Every other command line, --version
// included (two small modules), runs the CLI module by module (cli-main.ts),
// whole: one run never mixes the bundle's copy of a module (the language
// --lang chose, the error classes) with the original. This file imports
// nothing up front, so choosing costs no loading.

/** Command lines the bundle answers: `ps …`, `tree …`, `help ps`, `help tree`. */
function fromBundle(argv: readonly string[]): boolean {
  const [first, second] = argv;
  const command = first === 'help' ? second : first;
  return command === 'ps' || command === 'tree';
}

interface Cli {
  main(argv: readonly string[]): Promise<number>;
  runAsCommand(run: (argv: readonly string[]) => Promise<number>, argv: readonly string[]): Promise<void>;
}

const argv = process.argv.slice(2);
// Computed specifiers: the bundler leaves them alone, and neither file is loaded unless chosen.
const chosen = new URL(fromBundle(argv) ? './one-shot.js' : '../cli-main.js', import.meta.url).href;
const cli = (await import(chosen)) as Cli;
await cli.runAsCommand(cli.main, argv);
