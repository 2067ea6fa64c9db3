// The package as a user gets it: `npm pack`, then `npm install` of the tarball
// into an empty project on a PATH without a C compiler, offline (procview's
// own dependencies are packed from this checkout's node_modules). Then the
// installed CLI, an ESM import, the README's library example, a TypeScript
// consumer under --strict, and an unprivileged user's view.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOutput } from '../helpers/output.js';
import { isAlive, spawnGroup } from '../helpers/processes.js';
import { readStartTime } from '../../src/inspect/inspector.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/run-cli.js';
import { pathWithoutCompiler, withoutNpmLifecycle } from './no-compiler.js';

// Bounds for a loaded 2-core machine (an install took up to ~2 min there at load 28).
const INSTALL_TIMEOUT_MS = 240_000;
/** For the steps that start Node or tsc a few times. */
const STEP_TIMEOUT_MS = 90_000;
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

let root = '';
let app = '';
let env: NodeJS.ProcessEnv = {};
let installLog = '';
let packed: string[] = [];

function run(command: string, args: readonly string[], cwd: string, timeout = 60_000): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, [...args], { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm pack` of `dir` into `into`, scripts off (dist is built already); the tarball's path and its file list. */
function pack(dir: string, into: string): { file: string; files: string[] } {
  const out = run('npm', ['pack', dir, '--ignore-scripts', '--json', '--pack-destination', into], REPO_ROOT);
  expect(out.stderr.replace(/^npm (notice|warn).*\n/gm, '')).toBe('');
  const [info] = JSON.parse(out.stdout) as { filename: string; files: { path: string }[] }[];
  if (info === undefined) throw new Error(`npm pack ${dir} printed no result`);
  return { file: join(into, info.filename), files: info.files.map((f) => f.path) };
}

/** The README's first ```js block after `## The library`. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## The library\n'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (match?.[1] === undefined) throw new Error('no js example in the README library section');
  return match[1];
}

beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'procview-pack-'));
  // mkdtemp makes 0700; nobody (the unprivileged check below) must be able to enter.
  chmodSync(root, 0o755);
  env = { ...withoutNpmLifecycle(process.env), PATH: pathWithoutCompiler(join(root, 'bin')), CC: '', CXX: '' };
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  const self = pack(REPO_ROOT, tarballs);
  packed = self.files;
  // procview's production dependencies, as this checkout has them installed.
  const tree = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], REPO_ROOT)
    .stdout.split('\n')
    .filter((line) => line !== '');
  const deps = tree.filter((dir) => dir !== REPO_ROOT.replace(/\/$/, '')).map((dir) => pack(dir, tarballs).file);
  app = join(root, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--foreground-scripts', self.file, ...deps], app, INSTALL_TIMEOUT_MS);
  installLog = `${install.stdout}\n${install.stderr}`;
  expect({ status: install.status, log: installLog }).toMatchObject({ status: 0 });
  // Let nobody read what was installed (npm keeps the modes of the tarball; the app dir is ours).
  execFileSync('chmod', ['-R', 'a+rX', app]);
}, INSTALL_TIMEOUT_MS + 30_000);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the build, LICENSE, README and the addon sources; no source maps, no benchmarks, no tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts']));
    expect(packed).toEqual(expect.arrayContaining(['native/proc-events/proc_events.c', 'native/proc-events/binding.gyp', 'scripts/build-native.mjs']));
    expect(
      packed.filter(
        (file) => file.endsWith('.map') || file.startsWith('dist/bench/') || file.startsWith('src/') || file.startsWith('test/') || file.includes('/build/'),
      ),
    ).toEqual([]);
  });

  it('imports, at run time, only node: modules, its own files and its dependencies', () => {
    const deps = Object.keys((JSON.parse(readFileSync(join(app, 'node_modules/procview/package.json'), 'utf8')) as { dependencies: object }).dependencies);
    const foreign = new Set<string>();
    for (const file of packed.filter((f) => f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.cjs'))) {
      const text = readFileSync(join(app, 'node_modules/procview', file), 'utf8');
      // import … from 'x', export … from 'x', import 'x', import('x'), require('x') (the CommonJS bundles and the bin).
      const specifiers =
        /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
      for (const [, fromSpec, bareSpec, dynamicSpec, requiredSpec] of text.matchAll(specifiers)) {
        const spec = fromSpec ?? bareSpec ?? dynamicSpec ?? requiredSpec ?? '';
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (!deps.includes(name)) foreign.add(`${file}: ${spec}`);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('installs without a compiler: the addon step says so in one line and the install succeeds', () => {
    expect(spawnSync('sh', ['-c', 'command -v cc gcc g++ make'], { env, encoding: 'utf8' }).stdout).toBe('');
    expect(installLog).toMatch(/procview: kernel process events not built \(no C compiler\); procview will poll \/proc/);
  });

  it(
    'runs procview --version and procview ps from node_modules/.bin',
    () => {
      const bin = join(app, 'node_modules/.bin/procview');
      expect(run(bin, ['--version'], app)).toEqual({ status: 0, stdout: `procview ${pkg.version}\n`, stderr: '' });
      const ps = run(bin, ['ps', '--json'], app);
      expect(ps.status).toBe(0);
      const document = JSON.parse(ps.stdout) as { version: number; kind: string; processes: { pid: number }[] };
      expect(document).toMatchObject({ version: 1, kind: 'ps' });
      expect(document.processes.map((p) => p.pid)).toContain(1);
      const table = run(bin, ['ps'], app);
      expect(table.status).toBe(0);
      expect(table.stdout.split('\n')[0]).toMatch(/^\s*PPID\s+PID\s+PGID\s+SID\s+TTY\s+TPGID\s+STAT\s+UID\s+TIME\s+COMMAND$/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'imports as ESM with the documented exports, without loading blessed',
    () => {
      const script = `
      import { createRequire } from 'node:module';
      const lib = await import('procview');
      const snapshot = await lib.createInspector().snapshot();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/node_modules/blessed/'));
      console.log(JSON.stringify({ exports: Object.keys(lib).sort(), me: snapshot.procs.get(process.pid)?.pid, loaded }));`;
      writeFileSync(join(app, 'import.mjs'), script);
      const out = run(process.execPath, ['import.mjs'], app);
      expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
      const result = JSON.parse(out.stdout) as { exports: string[]; me: number; loaded: string[] };
      expect(result.exports).toEqual(
        expect.arrayContaining([
          'createInspector',
          'diffSnapshots',
          'buildTree',
          'findSubtree',
          'formatTree',
          'getProcess',
          'readSystem',
          'explainStat',
          'sendSignal',
          'renice',
          'ProcessControlError',
          'psDocument',
          'JSON_VERSION',
        ]),
      );
      expect(typeof result.me).toBe('number');
      expect(result.loaded).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "runs the README's library example",
    () => {
      writeFileSync(join(app, 'example.mjs'), readmeExample());
      const out = run(process.execPath, ['example.mjs'], app);
      expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
      expect(out.stdout).toMatch(/kind: 'spawn'[\s\S]*comm: 'sleep'/);
      expect(out.stdout).toMatch(/node\(\d+\)───sleep\(\d+\)/);
      expect(out.stdout).toMatch(/^(changed|gone) /m);
      expect(out.stdout).toContain('cpuSeconds');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'type-checks a TypeScript consumer and the README example under --strict',
    () => {
      cpSync(join(REPO_ROOT, 'test/package/fixtures/consumer.ts'), join(app, 'consumer.ts'));
      writeFileSync(join(app, 'example.ts'), readmeExample());
      mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
      symlinkSync(join(REPO_ROOT, 'node_modules/@types/node'), join(app, 'node_modules/@types/node'));
      const tsconfig = {
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts', 'example.ts'],
      };
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
      const out = run(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
      expect({ status: out.status, output: out.stdout + out.stderr }).toEqual({ status: 0, output: '' });
    },
    STEP_TIMEOUT_MS,
  );

  // Two users are needed: as root, run the installed package as nobody against a root-owned sleeper.
  it.runIf(process.getuid?.() === 0)(
    'works unprivileged: ps and readSystem as nobody; signalling root gives EPERM',
    async () => {
      const sleeper = spawnGroup('sleep', ['300']);
      const startTime = await readStartTime(sleeper.pid);
      const script = `
      import { createInspector, readSystem, sendSignal } from 'procview';
      const procs = (await createInspector().snapshot()).procs;
      let code = 'sent';
      try { await sendSignal(${sleeper.pid}, ${String(startTime)}, 'SIGKILL'); } catch (error) { code = error.code; }
      console.log(JSON.stringify({ sees: procs.get(${sleeper.pid})?.user, cpus: readSystem().cpus, code }));`;
      writeFileSync(join(app, 'nobody.mjs'), script);
      chmodSync(join(app, 'nobody.mjs'), 0o644);
      const child = spawn(process.execPath, ['nobody.mjs'], { cwd: app, uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
      const { code, stdout, stderr } = await collectOutput(child);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toEqual({ sees: 'root', cpus: expect.any(Number) as unknown, code: 'EPERM' });
      expect(isAlive(sleeper.pid)).toBe(true);
    },
    STEP_TIMEOUT_MS,
  );
});
