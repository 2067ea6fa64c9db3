// The dashboard's --watch NAME, for the learner's usual setup: procview in one
// terminal, the program run in another. A fork demo's parent lives for a
// millisecond, in no table: only the kernel's exec and exit name it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeAddonMissing } from '../helpers/optional-tools.js';
import { killGroup, spawnGroup } from '../helpers/processes.js';
import { runInPty } from './helpers/pty.js';

const kernelEvents = process.getuid?.() === 0 && nativeAddonMissing() === undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('procview --watch PID', () => {
  it.runIf(kernelEvents)(
    'keeps in the list an orphan whose parent, forked by the watched shell, was in no table',
    async () => {
      const tag = `pvo${randomBytes(4).toString('hex')}`;
      // The watched shell runs, when told, a program that forks a child waiting on the test's pipe and
      // exits at once; the child is adopted by PID 1 within a millisecond of its birth.
      const shell = spawnGroup('sh', ['-c', `read go; sh -c 'exec 3<&0; (read line <&3) & exit 0' ${tag}; exec sleep 300`], {
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      cleanups.push(() => killGroup(shell.pid));
      const run = runInPty(['--watch', String(shell.pid), '-d', '0.5', '--events', 'kernel'], { cols: 220, rows: 45 });
      cleanups.push(() => run.kill('SIGKILL'));
      await run.waitForScreen(new RegExp(`^\\s*${shell.pid}\\s`, 'm'));
      shell.stdin?.write('go\n');
      // Its row: PPID 1, the command line it forked with.
      await run.waitForScreen(new RegExp(`^\\s*\\d+\\s+1\\s.*exit 0 ${tag}`, 'm'));
      run.write('q');
      expect((await run.waitForExit()).exitCode).toBe(0);
    },
    60_000,
  );
});

describe('procview --watch NAME', () => {
  it.runIf(kernelEvents)(
    'shows the exit of a parent that forked and exited between two tables, named as its program',
    async () => {
      // A shell under a name no other process has (at most 15 bytes: the kernel's comm); its
      // background subshell is a fork that never execs, so it keeps that name while it waits on a
      // read of the test's pipe (fd 3: an asynchronous list's own stdin is /dev/null).
      const dir = mkdtempSync(join(tmpdir(), 'pv-watch-name-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const name = `pvw${randomBytes(4).toString('hex')}`;
      const program = join(dir, name);
      copyFileSync('/bin/sh', program);
      const run = runInPty(['--watch', name, '-d', '0.5', '--events', 'kernel'], { cols: 220, rows: 45 });
      cleanups.push(() => run.kill('SIGKILL'));
      await run.waitForScreen(`Scope: processes matching "${name}"`);
      const parent = spawnGroup(program, ['-c', 'exec 3<&0; (read line <&3) & exit 0'], { stdio: ['pipe', 'ignore', 'ignore'] });
      cleanups.push(() => killGroup(parent.pid));
      // Its end: an exit line, or a zombie line when a read caught it before this test's process reaped it.
      const screen = await run.waitForScreen(new RegExp(`${parent.pid} \\(${name}\\) (exited 0|became a zombie: .*\\(exited 0\\))`));
      // Its child, orphaned at that exit, is in the table and on the timeline under the same name.
      expect(screen).toMatch(new RegExp(`\\(${name}\\) orphaned: parent ${parent.pid} \\(${name}\\) exited`));
      run.write('q');
      expect((await run.waitForExit()).exitCode).toBe(0);
    },
    60_000,
  );
});
