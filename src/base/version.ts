// procview's version, as package.json says it (`procview --version`, the chat
// room's hello, the metrics' build info).
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  // dist/base/version.js → the package root, as from src/base/version.ts.
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
