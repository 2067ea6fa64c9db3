// Cleanliness: a lesson interrupted halfway (SIGINT like Ctrl-C, SIGTERM, or
// procview killed outright) leaves nothing running — not the zombie's parent,
// not the orphan outside our tree, not the stopped process, not the busy loops.
// Each test first confirms with ps that the process it cares about is there,
// so "nothing left" afterwards is not true merely because nothing was found.
import { describe, expect, it } from 'vitest';
import { DemoRun, defined, sameProcess } from './harness.js';
import { waitFor } from '../helpers/processes.js';

/** Not running: gone, or a zombie (of an adopter that reaps lazily; expectNothingLeft judges whose). */
function notRunning(pid: number, start: number): boolean {
  const row = sameProcess(pid, start);
  return row === undefined || row.state === 'Z';
}

/**
 * Still there, read from /proc at once: the signal must land while the state
 * is held, so nothing slow (a whole `ps -e`) comes between seeing it and
 * sending it. Holds are 3 s, many times what a loaded machine takes here.
 */
function present(pid: number, start: number): boolean {
  return sameProcess(pid, start) !== undefined;
}

describe('interrupted lessons leave nothing behind', () => {
  it('SIGINT while the zombie is held: exit 130, parent and zombie gone', async ({ onTestFinished }) => {
    const demo = DemoRun.start('zombie', onTestFinished, ['--plain', '--hold', '3']);
    const zombie = await demo.observed(/STAT Z\S*: ZOMBIE/u);
    const parent = defined(zombie.ppid, "the zombie's ppid");
    const parentStart = demo.sampler.startOf(parent);
    expect(present(parent, parentStart)).toBe(true);
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    expect(demo.output).toContain('Interrupted');
    expect(demo.output).toContain("none of the lesson's processes is left running");
    expect(sameProcess(parent, parentStart)).toBeUndefined();
    await demo.expectNothingLeft();
  });

  it('SIGINT after the orphan was adopted: the orphan, outside our tree, ends too', async ({ onTestFinished }) => {
    const demo = DemoRun.start('orphan', onTestFinished, ['--plain', '--hold', '3']);
    const orphan = await demo.observed(/reparented/u);
    const start = demo.sampler.startOf(orphan.pid);
    expect(present(orphan.pid, start)).toBe(true);
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    // Gone, or a zombie its adopter has yet to reap (init reaps lazily on some machines).
    const row = sameProcess(orphan.pid, start);
    expect(row === undefined || (row.state === 'Z' && row.ppid === orphan.ppid)).toBe(true);
    await demo.expectNothingLeft();
  });

  it('SIGTERM while a process is stopped (T): exit 143, the stopped one is gone too', async ({ onTestFinished }) => {
    const demo = DemoRun.start('states', onTestFinished, ['--plain', '--hold', '3']);
    const stopped = await demo.observed(/T = stopped/u);
    const start = demo.sampler.startOf(stopped.pid);
    expect(present(stopped.pid, start)).toBe(true);
    // The test's own sampler sees it stopped before the signal (the lesson saw it first; under load the sampler lags).
    await waitFor(() => demo.sampler.saw(stopped.pid, (row) => row.state === 'T'), { what: 'the sampler to see the stopped process' });
    demo.child.kill('SIGTERM');
    expect((await demo.finished()).code).toBe(143);
    expect(notRunning(stopped.pid, start)).toBe(true);
    await demo.expectNothingLeft();
  });

  it('SIGINT while the busy loops compete: every loop is gone', async ({ onTestFinished }) => {
    const demo = DemoRun.start('nice', onTestFinished, ['--plain', '--hold', '3']);
    const loop = await demo.observed(/NI 10: a busy loop/u);
    const start = demo.sampler.startOf(loop.pid);
    expect(present(loop.pid, start)).toBe(true);
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    expect(notRunning(loop.pid, start)).toBe(true);
    await demo.expectNothingLeft();
  });

  it('procview killed with SIGKILL: the adopted grandchild notices and ends by itself', async ({ onTestFinished }) => {
    const demo = DemoRun.start('double-fork', onTestFinished, ['--plain', '--hold', '3']);
    const grandchild = await demo.observed(/the grandchild, adopted by/u);
    const start = demo.sampler.startOf(grandchild.pid);
    expect(present(grandchild.pid, start)).toBe(true);
    demo.child.kill('SIGKILL');
    await demo.finished();
    await demo.expectNothingLeft();
    expect(notRunning(grandchild.pid, start)).toBe(true);
  });
});
