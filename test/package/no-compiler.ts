// A PATH with every program of this one except the C/C++ toolchain (cc, gcc,
// g++, clang, make, ld, as …), as on a fresh laptop or a slim container:
// what `npm install` sees there is what a user without a compiler gets.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const TOOLCHAIN = /^(cc|c\+\+|cpp|gcc|g\+\+|clang|clang\+\+|make|gmake|ld|as|tcc)$|^(gcc|g\+\+|cc|ld|as)[.-]|-(gcc|g\+\+|cc|ld|as)(-[\d.]+)?$/;

/** Fills `dir` with links to the programs of `path` (first one wins), leaving out the toolchain; returns the new PATH. */
export function pathWithoutCompiler(dir: string, path: string = process.env.PATH ?? ''): string {
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  for (const from of path.split(delimiter)) {
    let names: string[];
    try {
      names = readdirSync(from);
    } catch {
      continue;
    }
    for (const name of names) {
      if (seen.has(name) || TOOLCHAIN.test(name)) continue;
      seen.add(name);
      symlinkSync(join(from, name), join(dir, name));
    }
  }
  return dir;
}

/** `env` without npm's lifecycle variables (an outer `npm test` sets them; a nested npm would take them as its config). */
export function withoutNpmLifecycle(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}
