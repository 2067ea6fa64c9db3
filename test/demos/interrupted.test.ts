// Cleanliness: a lesson interrupted halfway (SIGINT like Ctrl-C, SIGTERM, or
// procview killed outright) leaves nothing running — not the zombie's parent,
// not the orphan outside our tree, not the stopped process, not the busy loops.
import { describe, expect, it } from 'vitest';
import { DemoRun, procRow } from './harness.js';

describe('interrupted lessons leave nothing behind', () => {
  it('SIGINT while the zombie is held: exit 130, parent and zombie gone', async ({ onTestFinished }) => {
    const demo = DemoRun.start('zombie', onTestFinished, ['--plain', '--hold', '1']);
    const zombie = await demo.observed(/STAT Z\S*: ZOMBIE/u);
    await demo.rows();
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    expect(demo.output).toContain('Interrupted');
    expect(demo.output).toContain('none of the lesson\'s processes is left running');
    expect(procRow(zombie.ppid ?? -1)).toBeUndefined();
    await demo.expectNothingLeft();
  });

  it('SIGINT after the orphan was adopted: the orphan, outside our tree, ends too', async ({ onTestFinished }) => {
    const demo = DemoRun.start('orphan', onTestFinished, ['--plain', '--hold', '1']);
    const orphan = await demo.observed(/reparented/u);
    await demo.rows();
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    const row = procRow(orphan.pid);
    expect(row === undefined || (row.state === 'Z' && row.ppid === 1)).toBe(true);
    await demo.expectNothingLeft();
  });

  it('SIGTERM while a process is stopped (T): exit 143, the stopped one is gone too', async ({ onTestFinished }) => {
    const demo = DemoRun.start('states', onTestFinished, ['--plain', '--hold', '1']);
    const stopped = await demo.observed(/T = stopped/u);
    await demo.rows();
    demo.child.kill('SIGTERM');
    expect((await demo.finished()).code).toBe(143);
    expect(demo.sampler.saw(stopped.pid, (row) => row.state === 'T')).toBe(true);
    await demo.expectNothingLeft();
  });

  it('SIGINT while the busy loops compete: every loop is gone', async ({ onTestFinished }) => {
    const demo = DemoRun.start('nice', onTestFinished, ['--plain', '--hold', '1']);
    await demo.observed(/NI 10: a busy loop/u);
    await demo.rows();
    demo.child.kill('SIGINT');
    expect((await demo.finished()).code).toBe(130);
    await demo.expectNothingLeft();
  });

  it('procview killed with SIGKILL: the adopted grandchild notices and ends by itself', async ({ onTestFinished }) => {
    const demo = DemoRun.start('double-fork', onTestFinished, ['--plain', '--hold', '1']);
    const grandchild = await demo.observed(/the grandchild, adopted by/u);
    await demo.rows();
    demo.child.kill('SIGKILL');
    await demo.finished();
    await demo.expectNothingLeft();
    const row = procRow(grandchild.pid);
    expect(row === undefined || row.state === 'Z').toBe(true);
  });
});
