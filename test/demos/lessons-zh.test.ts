// Every lesson in Chinese (`--plain --lang zh`), run for real: the narration
// and the `观察到：` lines are Chinese, every observed pid was a real process of
// the run (the sampler read it from /proc), and the lesson is still observed.
// What the lesson's own processes say (the words sent over the socket, an
// error message on stderr) is Chinese too: procview hands them its language.
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

/** A line without its `[+1.600s] ` time. */
function text(line: string): string {
  return line.replace(/^\[\+[\d.]+s\] /u, '');
}

describe("the lesson's own processes speak Chinese too", () => {
  it('unix-socket: what client and server send each other', async ({ onTestFinished }) => {
    const demo = DemoRun.start('unix-socket', onTestFinished, ['--plain', '--hold', '1', '--lang', 'zh']);
    const end = await demo.finished();
    expect(end.code, `${demo.output}\n${demo.stderr}`).toBe(0);
    const talk = demo.lines.map(text).filter((line) => line.startsWith('客户端 → 服务器：') || line.startsWith('服务器 → 客户端：'));
    expect(talk.length, demo.output).toBeGreaterThanOrEqual(2);
    expect(talk.find((line) => line.startsWith('客户端 → 服务器：'))).toMatch(/^客户端 → 服务器："客户端 pid \d+ 的第 1 条问候"$/u);
    // Nothing English in them but the word pid.
    expect(talk.filter((line) => /[A-Za-z]/u.test(line.replaceAll('pid', '')))).toEqual([]);
    await demo.expectNothingLeft();
  }, 60_000);

  it('exit: the message a child writes to stderr before sys.exit', async ({ onTestFinished }) => {
    const demo = DemoRun.start('exit', onTestFinished, ['--plain', '--hold', '0.5', '--lang', 'zh']);
    const end = await demo.finished();
    expect(end.code, `${demo.output}\n${demo.stderr}`).toBe(0);
    // Said with its writer, the child that ends by sys.exit(message), as the other lines name processes.
    const writer = /观察到：pid (\d+)，[^：]*：将以 sys\.exit\(message\) 结束的子进程/u.exec(demo.output)?.[1];
    expect(writer, demo.output).toBeDefined();
    expect(demo.lines.map(text)).toContain(`pid ${writer}（sleeper sys.exit(message)）在 stderr 上输出：无法打开 settings.conf`);
    expect(demo.output).not.toContain('cannot open');
    await demo.expectNothingLeft();
  }, 60_000);
});
