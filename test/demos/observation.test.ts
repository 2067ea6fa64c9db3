// A lesson claims only what the inspection core saw. These run a tiny lesson
// of their own through the real lesson frame (built, with its real child
// scripts and real processes): a reap the inspector saw is reported; one it
// could not see is said to be unseen, and the lesson is then not observed.
import { describe, expect, it } from 'vitest';
import { defineDemo, type LessonSpec } from '../../dist/demos/lesson.js';
import type { DemoReporter, DemoResult } from '../../dist/demos/types.js';

async function runLesson(teach: LessonSpec['teach']): Promise<{ result: DemoResult; lines: string[] }> {
  const lines: string[] = [];
  const reporter: DemoReporter = {
    say: (text) => lines.push(text),
    observed: (fact) => lines.push(`observed ${fact.pid}: ${fact.note}`),
    track: () => undefined,
  };
  const demo = defineDemo({ name: 'observation-test', summary: 'demo.zombie.summary', teach });
  const result = await demo.run(reporter, new AbortController().signal, { holdMs: 100 });
  return { result, lines };
}

describe('claims come from the process table', () => {
  it('a reap seen by the inspector is reported with its reaper', async () => {
    let pid: number | undefined;
    const { result, lines } = await runLesson(async ({ lab, watch, seeReaped }) => {
      const child = lab.start('sleeper', ['on=command']);
      pid = child.pid;
      const row = await watch.proc(child.pid, 'the sleeper in the table');
      child.command('go');
      await seeReaped(child.pid, row, process.pid, 'reaped by procview');
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(lines).toContain(`observed ${String(pid)}: reaped by procview`);
  });

  it('a reap the inspector never saw is called unseen, and the lesson fails', async () => {
    let pid: number | undefined;
    const { result, lines } = await runLesson(async ({ lab, seeReaped }) => {
      const child = lab.start('sleeper', ['after=0']);
      pid = child.pid;
      // Exited and reaped by procview before the inspector ever looked at it.
      await child.exited;
      await seeReaped(child.pid, undefined, process.pid, 'reaped by procview');
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`pid ${String(pid)} left the process table, but the inspector did not see who reaped it (expected ${process.pid})`]);
    expect(lines.join('\n')).not.toContain('reaped by procview');
    expect(lines).toContain(`observed ${String(pid)}: gone from the process table, but the inspector did not see who reaped it (expected ${process.pid})`);
  });
});
