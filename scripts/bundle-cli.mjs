#!/usr/bin/env node
// Second step of `npm run build` (after tsc): bundles the CLI into two
// CommonJS files for the installed command (src/bin/procview.cts says why):
//   dist/bin/one-shot.cjs  what `procview ps` and `procview tree` load; the
//                          other commands stay outside (never loaded by them)
//   dist/bin/cli.cjs       every command, the dashboard included
// and makes the two command entries executable. `ps-list`, `blessed` and node:
// modules are required or imported at run time, not copied.
//
// Each bundle's first line names its build, `// procview build <sha256 prefix>`
// of the bundled text: the code cache kept next to it (src/bin/code-cache.cts)
// is used only with the build it was made from.
//
// A module's `import.meta.url` becomes the URL of the module's own file in
// dist/ (tsc's output, which stays beside the bundles), so paths built from it
// (the package.json, the native addon, a lesson's child scripts, the chat
// server's helpers, the metrics worker) are the same bundled or not.
//
// The bundler (rolldown) comes with the dev dependencies; without it no bundle
// is written and the command loads the CLI module by module, the same
// commands, only slower to start.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BIN_DIR = `${DIST}bin/`;
const BIN = `${BIN_DIR}procview.cjs`;
const CLI_MAIN = `${DIST}cli-main.js`;
/** What the one-shot bundle holds of commands/: ps and tree (bin/procview.cts fromOneShot), their arguments and the usage line of errors. */
const ONE_SHOT_COMMANDS = new Set(['ps', 'tree', 'usage', 'args']);
/** Bundles a command line may choose (bin/procview.cts): file name → which commands it holds (undefined: all). */
const BUNDLES = [
  { file: 'one-shot.cjs', commands: ONE_SHOT_COMMANDS },
  { file: 'cli.cjs', commands: undefined },
];

/** `import.meta.url` of the module at `path` (in dist/), as an expression the bundle evaluates from its own directory. */
function metaUrlOf(path) {
  const fromBin = relative(BIN_DIR, path);
  return `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(fromBin)})).href`;
}

function plugins(commands) {
  return [
    {
      name: 'module-own-url',
      transform(code, id) {
        if (!code.includes('import.meta')) return null;
        const replaced = code.replaceAll('import.meta.url', metaUrlOf(id));
        // Anything else of import.meta (dirname, resolve) has no CommonJS meaning here: fail the build, not the user.
        if (replaced.includes('import.meta')) throw new Error(`bundle-cli: ${relative(DIST, id)} uses import.meta beyond .url`);
        return { code: replaced, map: null };
      },
    },
    {
      name: 'other-commands-outside',
      // cli-main.ts imports each command with import('./commands/NAME.js'): from dist/bin/ that module is ../commands/NAME.js.
      resolveId(source, importer) {
        if (commands === undefined) return null;
        const match = /^\.\/commands\/([\w-]+)\.js$/u.exec(source);
        if (match === null || importer === undefined || !importer.endsWith('/cli-main.js')) return null;
        return commands.has(match[1] ?? '') ? null : { id: `../commands/${match[1]}.js`, external: true };
      },
    },
  ];
}

/**
 * import() in the bundle goes through IMPORT, a function the code cache's
 * loader hands in (src/bin/code-cache.cts): in Node 20 a script compiled from
 * a code cache loses its dynamic import callback, and import("ps-list") there
 * failed with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING. Required plainly, the
 * bundle makes its own.
 */
const IMPORT = '__procviewImport';
const OWN_IMPORT = `var ${IMPORT} = typeof ${IMPORT} === "function" ? ${IMPORT} : (specifier) => import(specifier);\n`;

/** The bundle as written: the line naming its build (see the top of this file), then import() through IMPORT. */
function finish(path) {
  const text = readFileSync(path, 'utf8').replace(/\bimport\((?=\s*["'])/gu, `${IMPORT}(`);
  if (/\bimport\(/u.test(text)) throw new Error(`bundle-cli: ${relative(DIST, path)} has an import() of a computed specifier`);
  const body = `${OWN_IMPORT}${text}`;
  const id = createHash('sha256').update(body).digest('hex').slice(0, 16);
  writeFileSync(path, `// procview build ${id}\n${body}`);
}

async function bundle() {
  let rolldown;
  try {
    rolldown = await import('rolldown');
  } catch {
    for (const { file } of BUNDLES) rmSync(`${BIN_DIR}${file}`, { force: true });
    process.stdout.write('bundle-cli: rolldown not installed; no bundle, the command loads the CLI module by module (slower to start)\n');
    return;
  }
  for (const { file, commands } of BUNDLES) {
    const out = `${BIN_DIR}${file}`;
    await rolldown.build({
      input: CLI_MAIN,
      platform: 'node',
      logLevel: 'warn',
      external: (id) => !id.startsWith('.') && !id.startsWith('/'),
      plugins: plugins(commands),
      output: { file: out, format: 'cjs', codeSplitting: false },
    });
    finish(out);
  }
}

await bundle();
for (const file of [`${DIST}cli.js`, BIN]) chmodSync(file, 0o755);
