#!/usr/bin/env node
// Second step of `npm run build` (after tsc): bundles dist/bin/one-shot.js, the
// CLI with every module `procview ps` and `procview tree` load, into one file
// (src/bin/procview.cts says why), and makes the two command entries
// executable. The other commands' modules stay outside the bundle
// (bin/procview.cts hands their command lines to dist/cli-main.js); `ps-list`
// and node: modules are imported, not copied. The bundler (rolldown) comes with
// the dev dependencies; without it, tsc's unbundled file stays and the
// command works the same, only slower to start.
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BIN = `${DIST}bin/procview.cjs`;
/** What the bundle replaces: tsc's bin/one-shot.js, which re-exports the CLI. */
const ONE_SHOT = `${DIST}bin/one-shot.js`;
/** What the bundle holds of commands/: ps and tree (bin/procview.cts fromBundle), their arguments and the usage line of errors. */
const BUNDLED_COMMANDS = new Set(['ps', 'tree', 'usage', 'args']);

async function bundle() {
  let rolldown;
  try {
    rolldown = await import('rolldown');
  } catch {
    process.stdout.write('bundle-cli: rolldown not installed; dist/bin/one-shot.js stays unbundled (slower to start)\n');
    return;
  }
  await rolldown.build({
    input: ONE_SHOT,
    platform: 'node',
    logLevel: 'warn',
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    plugins: [
      {
        name: 'other-commands-outside',
        // cli-main.ts imports each command with import('./commands/NAME.js'): from dist/bin/ that module is ../commands/NAME.js.
        resolveId(source, importer) {
          const match = /^\.\/commands\/([\w-]+)\.js$/u.exec(source);
          if (match === null || importer === undefined || !importer.endsWith('/cli-main.js')) return null;
          return BUNDLED_COMMANDS.has(match[1] ?? '') ? null : { id: `../commands/${match[1]}.js`, external: true };
        },
      },
    ],
    output: { file: ONE_SHOT, format: 'esm', codeSplitting: false },
  });
}

await bundle();
for (const file of [`${DIST}cli.js`, BIN]) chmodSync(file, 0o755);
