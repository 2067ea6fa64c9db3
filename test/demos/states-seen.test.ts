// The lessons that promise a state in the process table. The oracle is
// /proc read directly by the test (not procview's inspector): a sampler
// follows procview's process tree from the start, orphans included, so a state
// the lesson holds for a second is caught even when the test is slow to read
// the line that announced it. Nothing of the lesson may be left after.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DemoRun, defined, procRow, procUntil, sameProcess, type Observed } from './harness.js';

describe('lessons seen from outside', () => {
  it('zombie: the child is Z with an empty command line under its live parent, then reaped', async ({ onTestFinished }) => {
    const demo = DemoRun.start('zombie', onTestFinished);
    const zombie = await demo.observed(/STAT Z\S*: ZOMBIE/u);
    // The parent outlives the zombie by a hold: it is alive, ours, and not a zombie.
    const parent = procRow(defined(zombie.ppid, "the zombie's ppid"));
    expect(parent?.state).toMatch(/^[RS]$/u);
    expect(parent?.args).toContain(demo.marker);
    await demo.observed(new RegExp(`reaped by ${String(zombie.ppid)}: the zombie is gone`, 'u'));
    expect(sameProcess(zombie.pid, demo.sampler.startOf(zombie.pid))).toBeUndefined();
    expect((await demo.finished()).code).toBe(0);
    expect(demo.output).toContain('result: the lesson was observed.');
    // Z, with no command line left (what ps shows as <defunct>), under that parent.
    expect(demo.sampler.saw(zombie.pid, (row) => row.state === 'Z' && row.ppid === zombie.ppid && row.args === '')).toBe(true);
    expect(demo.sampler.saw(zombie.pid, (row) => row.state !== 'Z' && row.args.includes(demo.marker))).toBe(true);
    await demo.expectNothingLeft();
  });

  it('orphan: the child under its parent, then under the adopter the lesson names', async ({ onTestFinished }) => {
    const demo = DemoRun.start('orphan', onTestFinished);
    const child = await demo.observed(/the child, running under its parent/u);
    const adopted = await demo.observed(/reparented/u);
    const parentPid = defined(child.ppid, "the child's first ppid");
    const oldParent = sameProcess(parentPid, demo.sampler.startOf(parentPid));
    expect(oldParent === undefined || oldParent.state === 'Z').toBe(true);
    expect(adopted.ppid).not.toBe(child.ppid);
    expect(adopted.note).toContain(adopted.ppid === 1 ? 'PID 1 (init)' : 'subreaper');
    expect((await demo.finished()).code).toBe(0);
    const parents = demo.sampler
      .rows(child.pid)
      .filter((row) => row.state !== 'Z')
      .map((row) => row.ppid);
    expect(parents[0]).toBe(child.ppid);
    expect(parents.at(-1)).toBe(adopted.ppid);
    await demo.expectNothingLeft();
  });

  it('states: R, S with nice 5, T then continued, and Z under the parent', async ({ onTestFinished }) => {
    const demo = DemoRun.start('states', onTestFinished);
    const busy = await demo.observed(/R = running/u);
    // The busy loop stays R for the whole lesson, so a direct look is safe.
    await procUntil(busy.pid, (row) => row.state === 'R', 'the busy child in R', 2_000);
    const sleeper = await demo.observed(/S = interruptible sleep/u);
    expect(sleeper.stat).toMatch(/^SN/u);
    const parent = await demo.observed(/the parent, also S/u);
    expect(parent.stat).toMatch(/^S.*s/u);
    const stopped = await demo.observed(/T = stopped/u);
    await demo.observed(/SIGCONT/u);
    const zombie = await demo.observed(/Z = zombie/u);
    expect((await demo.finished()).code).toBe(0);
    const { sampler } = demo;
    expect(sampler.saw(sleeper.pid, (row) => row.state === 'S' && row.nice === 5)).toBe(true);
    // s: the parent leads its own session, so its group is its pid.
    expect(sampler.saw(parent.pid, (row) => row.state === 'S' && row.pgid === parent.pid)).toBe(true);
    const stops = sampler.rows(stopped.pid);
    const at = stops.findIndex((row) => row.state === 'T');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(stops.slice(at + 1).some((row) => row.state === 'S' || row.state === 'R')).toBe(true);
    expect(sampler.saw(zombie.pid, (row) => row.state === 'Z' && row.ppid === parent.pid)).toBe(true);
    await demo.expectNothingLeft();
  });

  it('nice: NI 0 and NI 10 on the busy children, and the lesson sees the shares differ', async ({ onTestFinished }) => {
    const demo = DemoRun.start('nice', onTestFinished);
    // The lesson starts ceil((cpus + 1) / 2) loops per level (capped at 16): more loops than CPUs.
    const perLevel = Math.min(16, Math.ceil((availableParallelism() + 1) / 2));
    const loops: Observed[] = [];
    for (let index = 0; index < perLevel * 2; index += 1) loops.push(await demo.observed(/NI \d+: a busy loop/u));
    expect((await demo.finished()).code).toBe(0);
    for (const loop of loops) {
      const wanted = Number(/NI (\d+)/u.exec(loop.note)?.[1]);
      expect(demo.sampler.saw(loop.pid, (row) => row.nice === wanted && row.state === 'R' && row.args.includes(demo.marker))).toBe(true);
      expect(loop.stat.includes('N')).toBe(wanted > 0);
    }
    const levels = loops.map((loop) => /NI (\d+)/u.exec(loop.note)?.[1]);
    expect(levels.filter((level) => level === '0').length).toBe(perLevel);
    expect(levels.filter((level) => level === '10').length).toBe(perLevel);
    expect(demo.output).toMatch(/a nice-0 loop got \d+% of a CPU and a nice-10 loop \d+%/u);
    expect(demo.output).toMatch(/Allowed|Refused with E(ACCES|PERM)/u);
    await demo.expectNothingLeft();
  });

  it('double-fork: three generations, the child reaped by the parent, the grandchild lives on under the adopter', async ({ onTestFinished }) => {
    const demo = DemoRun.start('double-fork', onTestFinished);
    const middle = await demo.observed(/the child, under the parent/u);
    const grandchildUnderChild = await demo.observed(/the grandchild, under the child/u);
    expect(grandchildUnderChild.ppid).toBe(middle.pid);
    const child = await demo.observed(/the child is gone: reaped by the parent/u);
    expect(child.pid).toBe(middle.pid);
    expect(sameProcess(child.pid, demo.sampler.startOf(child.pid))).toBeUndefined();
    const grandchild = await demo.observed(/the grandchild, adopted by/u);
    expect(grandchild.ppid).not.toBe(child.pid);
    expect((await demo.finished()).code).toBe(0);
    const { sampler } = demo;
    const parents = sampler
      .rows(grandchild.pid)
      .filter((row) => row.state !== 'Z')
      .map((row) => row.ppid);
    expect(parents.at(-1)).toBe(grandchild.ppid);
    expect(sampler.saw(grandchild.pid, (row) => row.args.includes(demo.marker))).toBe(true);
    // Three generations, seen from outside: the grandchild first under the child, the child under the parent.
    expect(sampler.saw(grandchild.pid, (row) => row.ppid === child.pid)).toBe(true);
    expect(sampler.saw(child.pid, (row) => row.ppid === child.ppid)).toBe(true);
    await demo.expectNothingLeft();
  });
});
