#!/usr/bin/env node
// `node dist/cli.js`: the `procview` command loaded module by module, as the
// tests and the library's users run it. The installed command is
// bin/procview.cts (the same main(), bundled). What it does is cli-main.ts.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main, runAsCommand } from './cli-main.js';

export { main };

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runAsCommand(main);
