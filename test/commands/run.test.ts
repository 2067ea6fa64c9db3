// `procview run --plain` on the learners' patterns, with the kernel source
// (root here) and with polling forced: the printed event lines, the program's
// output interleaved, and procview's exit status being the program's.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openKernelEvents } from '../../src/inspect/events/kernel-source.js';
import { PATTERNS } from '../inspect/events/patterns.js';
import { INIT } from '../helpers/init-name.js';
import { spawnGroup, trackGroup } from '../helpers/processes.js';
import { CLI, ensureBuilt, REPO_ROOT, runCli } from '../helpers/run-cli.js';

ensureBuilt();
const kernel = await openKernelEvents();
if (kernel.ok) kernel.source.close();
else console.warn(`kernel event source not available here (${kernel.message}): its run tests are skipped`);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * `procview run --plain` on `script`, its output read as it comes. When a line matches `release`
 * (a pattern, or a test of all the lines so far), the pid it gives (the pattern's first group) is
 * killed: a held process that was there to be seen (the zombie's parent, the orphan), so nothing
 * depends on how soon procview looks.
 */
async function run(
  mode: 'kernel' | 'polling',
  script: string,
  release?: RegExp | ((lines: readonly string[]) => string | undefined),
): Promise<{ code: number | null; lines: string[]; sh: number }> {
  const cwd = mkdtempSync(join(tmpdir(), 'procview-run-'));
  dirs.push(cwd);
  // cd first: a core dump lands in the temporary directory.
  const child = spawnGroup(process.execPath, [CLI, 'run', '--plain', '--events', mode, '--', 'sh', '-c', `cd ${cwd} && ${script}`], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let released = false;
  createInterface({ input: child.stdout ?? Readable.from([]) }).on('line', (line) => {
    if (line === '') return;
    lines.push(line);
    // The program leads its own process group: it goes with this test, whatever it left behind.
    const program = /^\[\+[\d.]+s\] (\d+) \(node\) started, child of \d+ \(node\)/.exec(line)?.[1];
    if (lines.length === 2 && program !== undefined) trackGroup(Number(program));
    const held = typeof release === 'function' ? release(lines) : release?.exec(line)?.[1];
    if (!released && held !== undefined) {
      released = true;
      process.kill(Number(held), 'SIGKILL');
    }
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const text = lines.join('\n');
  // Its own pid in the header: the program's parent, named in the lines that follow.
  expect(lines[0]).toMatch(new RegExp(`^\\[\\+\\d+\\.\\d{3}s\\] procview run: sh -c .* \\(events: ${mode}.*; procview pid ${child.pid}\\)$`));
  for (const line of lines) expect(line).toMatch(/^\[\+\d+\.\d{3}s\] /);
  const started = new RegExp(`^\\[\\+[\\d.]+s\\] (\\d+) \\(node\\) started, child of ${child.pid} \\(node\\)`).exec(lines[1] ?? '');
  expect(started, text).not.toBeNull();
  return { code, lines, sh: Number(started?.[1]) };
}

/** The orphan's line, seen or inferred: its pid (unnamed when nothing read tells its name then: see the double fork). */
const ORPHAN_LINE = /\] (\d+)(?: \((?:sleep|sh)\))? (?:orphaned|first seen already adopted)/;
/** The zombie's line: its parent's pid. */
const ZOMBIE_LINE = /became a zombie: parent (\d+)/;

const has = (lines: readonly string[], pattern: RegExp): boolean => lines.some((line) => pattern.test(line));

describe.skipIf(!kernel.ok)('procview run --plain, kernel source', () => {
  it('an orphan: the child under the sh that forked it, then orphaned and adopted by init (5×)', async () => {
    for (let i = 0; i < 5; i += 1) {
      const { code, lines, sh } = await run('kernel', PATTERNS.orphan.held, ORPHAN_LINE);
      expect(code).toBe(0);
      // The program's start is stamped before the fork, so never after its exec (a kernel time).
      const stampOf = (pattern: RegExp): number => Number(/^\[\+([\d.]+)s\]/.exec(lines.find((line) => pattern.test(line)) ?? '')?.[1]);
      expect(stampOf(new RegExp(`\\] ${sh} \\(node\\) started`)), lines.join('\n')).toBeLessThanOrEqual(stampOf(new RegExp(`\\] ${sh} exec: `)));
      // Read before it exec'd sleep (a loaded machine), the child is still named sh.
      const child = lines.map((line) => new RegExp(`(\\d+) \\((sleep|sh)\\) started, child of ${sh}\\b`).exec(line)?.[1]).find((pid) => pid !== undefined);
      expect(child, lines.join('\n')).toBeDefined();
      expect(lines.join('\n')).toMatch(new RegExp(`${child} \\((sleep|sh)\\) orphaned: parent ${sh}( \\(sh\\))? exited, adopted by ${INIT}`));
      // Its end: an exit line, or a zombie line when a read caught it before our wait reaped it.
      expect(has(lines, new RegExp(`${sh} \\(sh\\) (exited 0|became a zombie: .*\\(exited 0\\))`)), lines.join('\n')).toBe(true);
      // The orphan, killed once seen, is waited for until its adopter reaps it (init here does so
      // a second or two late): its reap (or its exit, read gone at once) is said, or that procview
      // stopped waiting for it; never a zombie line as the last word.
      const orphan = lines.map((line) => ORPHAN_LINE.exec(line)?.[1]).find((pid) => pid !== undefined);
      const ended = new RegExp(`\\] ${orphan} \\((sleep|sh)\\) (reaped by 1\\b|killed by SIGKILL)|not waiting for ${orphan} to be reaped`);
      expect(has(lines, ended), lines.join('\n')).toBe(true);
    }
  }, 180_000);

  it("a parent gone within a millisecond: its child starts from the parent's program, named by it until its own exec (5×)", async () => {
    for (let i = 0; i < 5; i += 1) {
      // Nothing held: sh exits as soon as it has forked, mostly before any read.
      const { code, lines, sh } = await run('kernel', 'sleep 0.3 & exit 0');
      const text = lines.join('\n');
      expect(code, text).toBe(0);
      const child = lines
        .map((line) => new RegExp(`\\] (\\d+) \\((?:sh|sleep)\\) started, child of ${sh}\\b`).exec(line)?.[1])
        .find((pid) => pid !== undefined);
      expect(child, text).toBeDefined();
      const execAt = lines.findIndex((line) => line.includes(`] ${child} exec: `));
      expect(lines[execAt], text).toMatch(new RegExp(`\\] ${child} exec: sh -c .*sleep 0\\.3 & exit 0 → sleep 0\\.3$`));
      // Until that exec it ran sh: no line before it calls it sleep.
      expect(
        lines.slice(0, execAt).filter((line) => line.includes(`] ${child} (sleep)`)),
        text,
      ).toEqual([]);
    }
  }, 120_000);

  it('a program that execs its own binary again: the second exec names the new command line, not the first one (3×)', async () => {
    for (let i = 0; i < 3; i += 1) {
      // sh, read while its child sleeps, execs sh: the name stays `sh`, the command line changes; the
      // second lives 0.3 s, read for sure.
      const { code, lines, sh } = await run('kernel', "sleep 0.2; exec sh -c 'sleep 0.3; exit 0' second");
      expect(code, lines.join('\n')).toBe(0);
      const execs = lines.filter((line) => line.includes(`] ${sh} exec: `));
      expect(execs.at(-1), lines.join('\n')).toMatch(/→ sh -c sleep 0\.3; exit 0 second$/u);
      // Two execs, two lines: not the second named after the first, then a third when a later read saw the change.
      expect(execs, lines.join('\n')).toHaveLength(2);
    }
  }, 60_000);

  it('a program that renames itself: a rename line with the old and new name, not an exec', async () => {
    // Node's process.title calls prctl(PR_SET_NAME): the kernel reports the new name (PROC_EVENT_COMM).
    const { code, stdout } = await runCli([
      'run',
      '--plain',
      '--events',
      'kernel',
      '--',
      process.execPath,
      '-e',
      "process.title = 'pvrenamed'; setTimeout(() => {}, 300)",
    ]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/\] \d+ renamed: node → pvrenamed \(its name only, no exec/);
    expect(stdout).not.toMatch(/exec: [^\n]*→ pvrenamed/);
  }, 60_000);

  it('a double fork: the grandchild orphaned by the child sh', async () => {
    const { code, lines } = await run('kernel', PATTERNS.doubleFork.held, ORPHAN_LINE);
    expect(code).toBe(0);
    // The child sh exec'd and exited within a millisecond, its program not read; the grandchild, read
    // after its own exec but before that exec's report (PF_FORKNOEXEC clear), is unnamed at its
    // orphaning: it was either sh's copy or sleep by then, and nothing read says which.
    expect(lines.join('\n')).toMatch(new RegExp(`\\d+( \\((sleep|sh)\\))? orphaned: parent \\d+( \\(sh\\))? exited, adopted by ${INIT}`));
  }, 60_000);

  it('a zombie, with the exit status; an exec chain; a kill by signal; a core dump', async () => {
    const zombie = await run('kernel', PATTERNS.zombie.held, ZOMBIE_LINE);
    expect(zombie.lines.join('\n')).toMatch(/\(sleep\) became a zombie: parent \d+ \(\w+\) has not reaped it \(exited 0\)/);
    // The program (the zombie's parent, killed once the zombie was seen) ends with its exit, or with
    // its reap by procview (seen as a zombie, or inferred: gone by the read after its exit): a zombie
    // line is never its last.
    const program = zombie.lines.filter((line) => line.includes(`] ${zombie.sh} `));
    expect(program.at(-1), zombie.lines.join('\n')).toMatch(/killed by SIGKILL|reaped by (its parent )?\d+/);
    // sh, then sh again, then sleep: three execs of one pid (the first is the program's own start).
    // Released once all three are out: the kernel's events for the last two can come in a batch
    // after the read that already shows sleep, and are reported then (test/inspect/events covers
    // a process that dies before they come).
    const chain = await run('kernel', PATTERNS.execChain.held, (lines) => {
      const execs = lines.map((line) => /\] (\d+) exec: /.exec(line)?.[1]).filter((pid) => pid !== undefined);
      const last = execs.at(-1);
      return last !== undefined && execs.filter((pid) => pid === last).length >= 3 && lines.some((line) => /exec: .*sleep 300/.test(line)) ? last : undefined;
    });
    expect(chain.lines.filter((line) => line.includes(`] ${chain.sh} exec:`)).length, chain.lines.join('\n')).toBe(3);
    const killed = await run('kernel', PATTERNS.killed.script);
    // Killed right after the fork: it may have died before it exec'd sleep (then it is still sh).
    // Its end is an exit line, or a zombie line when a read caught it before sh's wait reaped it.
    const ended = (status: string): RegExp => new RegExp(`\\] \\d+( \\((sleep|sh)\\))? (${status}|became a zombie: .*\\(${status}\\))`);
    expect(has(killed.lines, ended('killed by SIGKILL')), killed.lines.join('\n')).toBe(true);
    const core = await run('kernel', PATTERNS.coreDump.script);
    expect(has(core.lines, ended('killed by SIGSEGV, dumped core')), core.lines.join('\n')).toBe(true);
  }, 120_000);
});

describe('procview run --plain, polling forced', () => {
  it('a process left behind stopped is said to be stopped, not running', async () => {
    // Stopped by its parent before the parent exits: still stopped when procview stops waiting (the group goes with the test, SIGCONT first).
    const { code, lines } = await run('polling', 'sleep 300 & kill -STOP $!; exit 0');
    expect(code).toBe(0);
    expect(lines.at(-1), lines.join('\n')).toMatch(/procview run: not waiting for \d+ \(stopped, left behind by the program: kill -CONT resumes/);
    expect(lines.join('\n')).not.toContain('still running');
  }, 60_000);

  it("a daemon a fast double fork left in a session of its own is the program's, by the environment it inherited", async () => {
    // setsid's sh forks sleep and exits at once: sleep is under init, in another session and process
    // group, before the first scan; polling sees no fork, only the PROCVIEW_RUN entry it inherited.
    const kinLine = /procview run: (\d+) \(sleep\) comes from the program \(inferred: its environment holds PROCVIEW_RUN/;
    let daemon: number | undefined;
    try {
      const { code, lines } = await run('polling', `setsid sh -c 'sleep 307 & echo held $!; exit 0'; exit 0`, (seen) => {
        daemon ??= Number(/stdout: held (\d+)/.exec(seen.at(-1) ?? '')?.[1] ?? Number.NaN) || undefined;
        return kinLine.exec(seen.at(-1) ?? '')?.[1];
      });
      const text = lines.join('\n');
      expect(code).toBe(0);
      expect(daemon, text).toBeDefined();
      expect(kinLine.exec(text)?.[1], text).toBe(String(daemon));
      expect(text).toMatch(new RegExp(`\\] ${daemon} \\(sleep\\) first seen`));
    } finally {
      // In a session of its own, it is in no group the test tracks.
      if (daemon !== undefined) {
        try {
          process.kill(daemon, 'SIGKILL');
        } catch {
          // Killed once seen, as it should be.
        }
      }
    }
  }, 60_000);

  it('says nothing of the environment about the program itself or a child it was seen forking', async () => {
    const { code, lines } = await run('polling', 'sleep 1.2; sleep 1.2; echo done');
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toMatch(/\((sleep|sh)\) started, child of/);
    expect(text).not.toContain('comes from the program');
  }, 60_000);

  it('an orphan is reported orphaned, seen or marked inferred with its evidence (5×)', async () => {
    for (let i = 0; i < 5; i += 1) {
      // The orphan lives until procview has reported it: polling sees it after its parent is gone.
      const { code, lines } = await run('polling', PATTERNS.orphan.held, ORPHAN_LINE);
      expect(code).toBe(0);
      const text = lines.join('\n');
      // The scoped tracker may see the child under its parent before it exec'd sleep: then it is still sh.
      expect(text).toMatch(
        new RegExp(
          `\\((sleep|sh)\\) (orphaned: parent \\d+.* exited, adopted by ${INIT}|first seen already adopted by 1; its process group \\d+ has no leader any more.*: probably orphaned before procview looked \\(inferred\\))`,
        ),
      );
      expect(text).not.toContain('kernel');
    }
  }, 180_000);

  it("the program's reap is procview's own wait, said as seen with the status it gave, never inferred (3× each)", async () => {
    for (const [script, status] of [
      ['kill -KILL $$', 'killed by SIGKILL'],
      ['exit 3', 'exited 3'],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const { lines, sh } = await run('kernel', script);
        const procview = /procview pid (\d+)\)$/.exec(lines[0] ?? '')?.[1];
        const reaps = lines.filter((line) => new RegExp(`\\] ${sh} \\(sh\\) (reaped|is gone)`).test(line));
        expect(reaps, lines.join('\n')).toEqual([expect.stringMatching(new RegExp(`\\] ${sh} \\(sh\\) reaped by ${procview} \\(node\\) \\(${status}\\)$`))]);
      }
    }
  }, 90_000);

  it('a zombie and an exit by signal', async () => {
    const zombie = await run('polling', PATTERNS.zombie.held, ZOMBIE_LINE);
    expect(zombie.lines.join('\n')).toMatch(/\(sleep\) became a zombie: parent \d+ \(sleep\) has not reaped it/);
    const killed = await run('polling', 'kill -KILL $$');
    expect(killed.code).toBe(137);
    expect(has(killed.lines, new RegExp(`${killed.sh} \\(sh\\) killed by SIGKILL`))).toBe(true);
  }, 90_000);
});

describe('procview run --plain: the program itself', () => {
  it('interleaves its stdout and stderr (marked, made inert) and exits with its status', async () => {
    const { code, lines } = await run('polling', "echo hello; echo oops >&2; printf '\\033]0;pwned\\007x\\n'; exit 3");
    expect(code).toBe(3);
    expect(has(lines, /\] stdout: hello$/)).toBe(true);
    expect(has(lines, /\] stderr: oops$/)).toBe(true);
    expect(has(lines, /\] stdout: \?\]0;pwned\?x$/)).toBe(true);
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(has(lines, /\(sh\) exited 3/)).toBe(true);
  });

  it('ends when it stops waiting, though what the program left running still holds its output pipes', async () => {
    // The sleeper keeps the program's stdout and stderr open; the test's cleanup ends its group.
    const { code, lines } = await run('polling', 'sleep 300 & exit 4');
    expect(code).toBe(4);
    expect(has(lines, /procview run: not waiting for \d+ \(still running/)).toBe(true);
  }, 30_000);

  it('says what is wrong with the command line, and when the program cannot start', async () => {
    expect((await runCli(['run', '--plain'])).code).toBe(2);
    expect((await runCli(['run', '--bogus', 'true'])).stderr).toContain("unknown option '--bogus'");
    expect((await runCli(['run', '--events', 'sometimes', 'true'])).code).toBe(2);
    // As a shell says it (POSIX 2.8.2): 127 not found, 126 found but not runnable.
    const missing = await runCli(['run', '--plain', '--events', 'polling', '--', '/nonexistent/program']);
    expect(missing.code).toBe(127);
    // A path that is not there, as sh says it; a name not found in PATH.
    expect(missing.stderr).toContain('cannot start /nonexistent/program: no such file or directory (ENOENT)');
    const unknown = await runCli(['run', '--plain', '--events', 'polling', '--', 'procview-no-such-command']);
    expect(unknown.code).toBe(127);
    expect(unknown.stderr).toContain('cannot start procview-no-such-command: command not found (ENOENT)');
    const notRunnable = await runCli(['run', '--plain', '--events', 'polling', '--', REPO_ROOT]);
    expect(notRunnable.code).toBe(126);
    expect(notRunnable.stderr).toContain(`cannot start ${REPO_ROOT}: permission denied (EACCES)`);
    // The name is quoted text: its line break and escape are marked, and the error stays one line.
    const hostile = await runCli(['run', '--plain', '--events', 'polling', '--', 'no-such\ncommand\u001b[31m']);
    expect(hostile.code).toBe(127);
    expect(hostile.stderr).toBe('procview: cannot start no-such?command?[31m: command not found (ENOENT)\n');
  });
});
