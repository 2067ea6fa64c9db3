// The lessons about what parents learn (fork, exit, wait, waitpid) and the
// Unix socket lesson, run for real and checked from outside.
import { existsSync, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoRun, defined, sameProcess, type Observed } from './harness.js';

describe('lessons run end to end', () => {
  it('fork: the child runs under the parent, and the memory stays separate', async ({ onTestFinished }) => {
    const demo = DemoRun.start('fork', onTestFinished);
    const child = await demo.observed(/the child; its PPID is the parent's PID/u);
    expect((await demo.finished()).code).toBe(0);
    expect(demo.sampler.saw(child.pid, (row) => row.ppid === child.ppid && row.args.includes('role=child'))).toBe(true);
    expect(demo.output).toMatch(/child: counter = 42[\s\S]*parent: counter = 1/u);
    await demo.expectNothingLeft();
  });

  it('exit: five endings reported as WEXITSTATUS or WTERMSIG', async ({ onTestFinished }) => {
    const demo = DemoRun.start('exit', onTestFinished);
    const children: Observed[] = [];
    for (let index = 0; index < 5; index += 1) children.push(await demo.observed(/alive, a child of/u));
    expect((await demo.finished()).code).toBe(0);
    for (const child of children) expect(demo.sampler.saw(child.pid, (row) => row.ppid === child.ppid)).toBe(true);
    const out = demo.output;
    expect(out).toMatch(/\(exit\(0\)\) exited with status 0: WIFEXITED, WEXITSTATUS = 0/u);
    expect(out).toMatch(/\(exit\(3\)\) exited with status 3/u);
    expect(out).toMatch(/\(sys\.exit\(message\)\) exited with status 1/u);
    // Said with its writer's pid and name, though every process of the lesson shares that stderr pipe.
    const writer = children.find((child) => child.note.includes('end by sys.exit(message)'));
    expect(writer, out).toBeDefined();
    expect(out).toContain(`] pid ${writer?.pid} (sleeper sys.exit(message)) on stderr: cannot open settings.conf`);
    expect(out).toMatch(/\(SIGTERM\) killed by SIGTERM: WIFSIGNALED, WTERMSIG = 15/u);
    expect(out).toMatch(/\(SIGKILL\) killed by SIGKILL: WIFSIGNALED, WTERMSIG = 9/u);
    await demo.expectNothingLeft();
  });

  it('wait: the blocked parent gets pid and status 3, and no zombie remains', async ({ onTestFinished }) => {
    const demo = DemoRun.start('wait', onTestFinished);
    const child = await demo.observed(/the child, working/u);
    const parent = await demo.observed(/asleep in its wait/u);
    const returned = await demo.next(/spawnSync\(\) returned/u);
    expect(returned).toContain(`with pid ${child.pid}`);
    expect(returned).toContain('WEXITSTATUS = 3');
    // Gone: no process with the child's pid *and* start time (the pid itself may already be someone else's).
    expect(sameProcess(child.pid, demo.sampler.startOf(child.pid))).toBeUndefined();
    expect((await demo.finished()).code).toBe(0);
    expect(demo.sampler.saw(child.pid, (row) => row.ppid === parent.pid && row.state !== 'Z')).toBe(true);
    await demo.expectNothingLeft();
  });

  it('waitpid: three children collected in the order they end while the parent works', async ({ onTestFinished }) => {
    const demo = DemoRun.start('waitpid', onTestFinished);
    const children = [await demo.observed(/child working/u), await demo.observed(/child working/u), await demo.observed(/child working/u)];
    expect((await demo.finished()).code).toBe(0);
    for (const child of children) expect(demo.sampler.saw(child.pid, (row) => row.ppid === child.ppid)).toBe(true);
    const collected = [...demo.output.matchAll(/collected child (\d+).*?(\d+) units of work/gu)];
    expect(collected.map((match) => Number(match[1]))).toEqual(children.map((child) => child.pid));
    const [first, second, third] = collected.map((match) => Number(match[2]));
    expect(defined(first, 'work at the first collection')).toBeLessThan(defined(second, 'work at the second'));
    expect(defined(second, 'work at the second collection')).toBeLessThan(defined(third, 'work at the third'));
    // Each report is printed when the parent sends it: before the next child even ends, since the parent
    // tells the next one to end only after reporting (waitpid-parent.ts), so before the table shows it gone.
    const lineOf = (pattern: RegExp): number => demo.lines.findIndex((line) => pattern.test(line));
    for (const [index, child] of children.entries()) {
      const next = children[index + 1];
      if (next === undefined) continue;
      const reported = lineOf(new RegExp(`collected child ${child.pid}\\b`, 'u'));
      const nextGone = lineOf(new RegExp(`observed: pid ${next.pid}, .*STAT -: gone`, 'u'));
      expect(reported, demo.output).toBeGreaterThanOrEqual(0);
      expect(reported, demo.output).toBeLessThan(nextGone);
    }
    expect(demo.output).toContain('result: the lesson was observed.');
    await demo.expectNothingLeft();
  });

  it('unix-socket: a socket file (type s) in a private directory, stale one replaced, none at the end', async ({ onTestFinished }) => {
    const demo = DemoRun.start('unix-socket', onTestFinished);
    const listing = await demo.next(/^\[.*\] ls -ln: s/u);
    const path = defined(/(\/\S+\.sock)$/u.exec(listing)?.[1], `a socket path in ${JSON.stringify(listing)}`);
    expect(path).toContain(String(demo.pid));
    // Only its owner may enter the directory: nobody else can plant a file at that name.
    const dir = lstatSync(dirname(path));
    expect(dir.isDirectory()).toBe(true);
    expect(dir.mode & 0o777).toBe(0o700);
    expect(dir.uid).toBe(process.getuid?.());
    await demo.next(/server: bind\(\) failed with EADDRINUSE/u);
    const client = await demo.observed(/the client: connected/u);
    expect(lstatSync(path).isSocket()).toBe(true);
    expect((await demo.finished()).code).toBe(0);
    expect(demo.sampler.saw(client.pid, (row) => row.args.includes(demo.marker))).toBe(true);
    expect(demo.output).toMatch(/server → client: .*hello #3/u);
    expect(demo.output).toMatch(/a new socket file \(inode \d+, made \d+ ms after the stale one\)/u);
    expect(demo.output).toContain('result: the lesson was observed.');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(dirname(path))).toBe(false);
    await demo.expectNothingLeft();
  });
});
