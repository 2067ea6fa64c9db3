// Every lesson in Chinese (`--plain --lang zh`), run for real: the narration
// and the `观察到：` lines are Chinese, every observed pid was a real process of
// the run (the sampler read it from /proc), and the lesson is still observed.
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../src/demos/registry.js';
import { DemoRun } from './harness.js';

const HAN = /\p{Script=Han}/u;
/** Lines that quote a program's output as it is (`ls -ln` of the socket file). */
const QUOTED = /^\[\+[\d.]+s\] ls -ln: /u;

describe('lessons in Chinese', () => {
  for (const { name } of DEMOS) {
    it(`${name}: Chinese narration, still observed`, async ({ onTestFinished }) => {
      const demo = DemoRun.start(name, onTestFinished, ['--plain', '--hold', '1', '--lang', 'zh']);
      const end = await demo.finished();
      expect(end.code, `${demo.output}\n${demo.stderr}`).toBe(0);
      expect(demo.output).toContain('结果：本课的每一步都已观察到。');
      const english = demo.lines.filter((line) => !HAN.test(line) && !QUOTED.test(line));
      expect(english, 'lines without Chinese').toEqual([]);
      const observed = demo.lines.filter((line) => line.includes('观察到：pid '));
      expect(observed.length).toBeGreaterThan(0);
      const pids = [...new Set(observed.map((line) => Number(/观察到：pid (\d+)/u.exec(line)?.[1])))];
      // Each observed pid is procview or a process the sampler saw in this run's tree.
      for (const pid of pids) expect(pid === demo.pid || demo.sampler.saw(pid, () => true), `pid ${pid} seen in /proc`).toBe(true);
      await demo.expectNothingLeft();
    }, 60_000);
  }
});
