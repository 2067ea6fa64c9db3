// The house rules of ARCHITECTURE.md, checked on the source text: which floor
// may import which, who may import blessed, and that only src/inspect/ opens
// the door to the OS (/proc, ps, netlink). A new top-level directory of src/
// fails here until it is given a floor.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Each floor and the floors it may import, bottom up. Files at the top of src/ are floors of their own. */
const ALLOWED: Record<string, readonly string[]> = {
  base: [],
  text: ['base'],
  process: ['base', 'text'],
  sockets: ['base', 'text', 'process'],
  inspect: ['base', 'text', 'process'],
  chat: ['base', 'text', 'process', 'sockets', 'inspect'],
  demos: ['base', 'text', 'process', 'sockets', 'inspect'],
  metrics: ['base', 'text', 'process', 'inspect'],
  record: ['base', 'text', 'process', 'inspect'],
  ui: ['base', 'text', 'process', 'sockets', 'inspect', 'chat', 'demos', 'record'],
  serve: ['base', 'text', 'process', 'inspect', 'metrics'],
  bench: ['base', 'text', 'process', 'sockets', 'inspect', 'chat', 'demos', 'metrics', 'record'],
  commands: ['base', 'text', 'process', 'sockets', 'inspect', 'chat', 'demos', 'metrics', 'record', 'ui', 'serve'],
  'cli-main.ts': ['base', 'text', 'commands'],
  'cli.ts': ['cli-main.ts'],
  bin: ['cli-main.ts'],
  'index.ts': ['base', 'text', 'inspect', 'record'],
};

/** Files outside src/inspect/ that read the OS directly, and why. */
const DOOR_EXCEPTIONS: Record<string, string> = {
  'bench/inspect.ts': 'the benchmark times the floor (one read of each /proc/PID/stat) and ps-list next to procview',
  'bench/cli.ts': 'the benchmark times procps ps and pstree next to procview ps and tree',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.c?ts$/u.test(name) ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ path, name: relative(SRC, path).split(sep).join('/') }));

/** The code of a file without its comment lines (comments may name anything). */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/u.test(line))
    .join('\n');
}

/** Every module a file imports or re-exports, statically or with import(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gmu)) {
    if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

function floorOf(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(0, slash);
}

/** A relative specifier as a path under src/ (`../inspect/types.js` → `inspect/types.ts`). */
function target(from: string, specifier: string): string {
  const path = relative(SRC, resolve(dirname(join(SRC, from)), specifier))
    .split(sep)
    .join('/');
  return path.replace(/\.js$/u, '.ts');
}

describe('floors', () => {
  it('gives every directory and top file of src/ a floor', () => {
    for (const { name } of FILES) expect(Object.keys(ALLOWED), `${name}: add its floor to ALLOWED and ARCHITECTURE.md`).toContain(floorOf(name));
  });

  it('imports only from its own floor or one it is allowed to (never upwards or sideways)', () => {
    const wrong: string[] = [];
    for (const { path, name } of FILES) {
      const floor = floorOf(name);
      for (const specifier of specifiers(code(path))) {
        if (!specifier.startsWith('.')) continue;
        const to = floorOf(target(name, specifier));
        if (to !== floor && !(ALLOWED[floor] ?? []).includes(to)) wrong.push(`${name} imports ${specifier} (${floor} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles, type-only ones included', () => {
    const graph = new Map<string, string[]>();
    for (const { path, name } of FILES) {
      graph.set(
        name,
        specifiers(code(path))
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => target(name, specifier)),
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

describe('the door to the OS', () => {
  it('lets only src/ui/ import blessed', () => {
    const outside = FILES.filter(
      ({ name }) => floorOf(name) !== 'ui' && specifiers(code(`${SRC}/${name}`)).some((s) => s === 'blessed' || s.startsWith('blessed/')),
    );
    expect(outside.map(({ name }) => name)).toEqual([]);
  });

  it('lets only src/inspect/ name /proc, run ps, load ps-list or open netlink', () => {
    const outside: string[] = [];
    for (const { path, name } of FILES) {
      if (floorOf(name) === 'inspect' || name in DOOR_EXCEPTIONS) continue;
      const text = code(path);
      if (/['"`]\/proc\b/u.test(text)) outside.push(`${name}: a /proc path`);
      if (/\b(?:execFile|execFileSync|spawn|spawnSync)\(\s*['"]ps['"]/u.test(text)) outside.push(`${name}: runs ps`);
      if (specifiers(text).includes('ps-list')) outside.push(`${name}: loads ps-list`);
      if (/netlink|proc-events/u.test(text)) outside.push(`${name}: netlink`);
    }
    expect(outside).toEqual([]);
  });

  it('chooses a backend by its name only in inspect/backends.ts (others ask the Backend what it can do)', () => {
    const choosing = FILES.filter(
      ({ path, name }) => name !== 'inspect/backends.ts' && /[Bb]ackend\b[\w.()?\s]*[!=]==\s*['"](?:procfs|ps|ps-list)['"]/u.test(code(path)),
    );
    expect(choosing.map(({ name }) => name)).toEqual([]);
  });
});
