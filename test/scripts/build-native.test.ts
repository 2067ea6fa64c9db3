// scripts/build-native.mjs (npm's install script) on a temporary copy of the package's
// native sources: without a compiler it says so in one line and exits 0, and the loader
// then reports 'no-native-module'; with one, the copy builds an addon that subscribes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openKernelEvents } from '../../src/inspect/events/kernel-source.js';
import { CI_RUNS_EVERYTHING } from '../helpers/optional-tools.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHIPPED = ['scripts/build-native.mjs', 'native/proc-events/binding.gyp', 'native/proc-events/proc_events.c'];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package-shaped copy of just the files the build needs. */
function copyPackage(): { dir: string; addon: string } {
  const dir = mkdtempSync(join(tmpdir(), 'procview-native-'));
  dirs.push(dir);
  for (const file of SHIPPED) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  return { dir, addon: join(dir, 'native/proc-events/build/Release/proc_events.node') };
}

function build(dir: string, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [join(dir, 'scripts/build-native.mjs')], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

/** A compiler to build with (CI has one and must run the build; elsewhere its absence skips that test). */
const CAN_BUILD = CI_RUNS_EVERYTHING || spawnSync(process.env.CC?.trim() || 'cc', ['--version']).status === 0;

const NOT_BUILT = /^procview: kernel process events not built \(no C compiler\); procview will poll \/proc\n$/;

describe.runIf(process.platform === 'linux')('build-native: the optional addon', () => {
  it('with CC=/bin/false: one line, exit 0, and the loader falls back', async () => {
    const { dir, addon } = copyPackage();
    const result = build(dir, { ...process.env, CC: '/bin/false', CXX: '/bin/false' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(NOT_BUILT);
    expect(result.stderr).toBe('');
    expect(existsSync(addon)).toBe(false);
    expect(await openKernelEvents({ addonPath: addon })).toMatchObject({ ok: false, reason: 'no-native-module' });
  });

  it('with no cc on PATH: the same', async () => {
    const { dir, addon } = copyPackage();
    const bin = join(dir, 'bin-without-cc');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const env: NodeJS.ProcessEnv = { PATH: bin, HOME: dir };
    const result = build(dir, env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(NOT_BUILT);
    expect(await openKernelEvents({ addonPath: addon })).toMatchObject({ ok: false, reason: 'no-native-module' });
  });

  it.runIf(CAN_BUILD)('with a compiler: builds an addon that loads (and subscribes, as root)', async () => {
    const { dir, addon } = copyPackage();
    const result = build(dir, process.env);
    expect(result.stdout).toBe('procview: kernel process events module built\n');
    expect(result.status).toBe(0);
    expect(existsSync(addon)).toBe(true);
    const opened = await openKernelEvents({ addonPath: addon });
    if (process.getuid?.() === 0) {
      expect(opened.ok).toBe(true);
      if (opened.ok) opened.source.close();
    } else {
      expect(opened).toMatchObject({ ok: false, reason: 'not-permitted' });
    }
  });
});
