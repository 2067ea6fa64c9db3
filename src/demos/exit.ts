// Lesson: exit. Five children end five ways; the parent learns each way from
// the status wait() gives it, and procview sees each one leave the table.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';
import { stringField } from './messages.js';

/** What the parent must get for each way (Node's exit event: code, signal). */
const EXPECTED: Readonly<Record<string, { code: number | null; signal: string | null }>> = {
  'exit(0)': { code: 0, signal: null },
  'exit(3)': { code: 3, signal: null },
  'sys.exit(message)': { code: 1, signal: null },
  SIGTERM: { code: null, signal: 'SIGTERM' },
  SIGKILL: { code: null, signal: 'SIGKILL' },
};

export const exitDemo = defineDemo({
  name: 'exit',
  summary: 'children end by exit(0), exit(3), sys.exit("msg"), SIGTERM and SIGKILL; the parent reads each status',
  async teach({ lab, watch, say, see, seeReaped, hold, check }) {
    say(
      'A process ends either by calling exit(status) or because a signal kills it. Its parent finds out which with ' +
        'wait(): WIFEXITED + WEXITSTATUS give the exit status (0-255), WIFSIGNALED + WTERMSIG the signal number.',
    );
    say("Node hands the parent the same two facts in the child's 'exit' event: (code, signal), exactly one of them set.");

    const parent = lab.start('exit-parent');
    await lab.hello(parent.pid);
    const plans = new Map<number, string>();
    for (let index = 0; index < Object.keys(EXPECTED).length; index += 1) {
      const planned = await lab.message('planned', (m) => m.pid === parent.pid);
      plans.set(requireNumber(planned, 'child'), stringField(planned, 'way') ?? '?');
    }
    say(`parent ${parent.pid} started five children: ${[...plans].map(([pid, way]) => `${pid} will end by ${way}`).join(', ')}.`);

    const [parentRow, ...rows] = await watch.until('all five children running under the parent', (snapshot) => {
      const children = rowsOf(snapshot, [...plans.keys()], (row) => row.ppid === parent.pid);
      const p = snapshot.procs.get(parent.pid);
      return children !== undefined && p !== undefined ? [p, ...children] : undefined;
    });
    for (const row of rows) see(row, `child that will end by ${plans.get(row.pid) ?? '?'}: alive, a child of ${parent.pid}`);
    await hold();

    say(
      "The parent now asks three children to exit — with 0, with 3, and with a message the way Python's " +
        'sys.exit("message") does it (message on stderr, status 1) — and sends SIGTERM and SIGKILL to the other two. ' +
        'SIGTERM could be caught for a clean shutdown (these children do not); SIGKILL can never be caught.',
    );
    parent.command('end');
    for (let index = 0; index < plans.size; index += 1) {
      const status = await lab.message('status', (m) => m.pid === parent.pid);
      const pid = requireNumber(status, 'child');
      const way = plans.get(pid) ?? '?';
      say(`parent: child ${pid} (${way}) ${describeExit(status.code, status.signal)}`);
      const expected = EXPECTED[way];
      check(
        expected !== undefined && status.code === expected.code && status.signal === expected.signal,
        `child ${pid} (${way}) reported code ${String(status.code)} signal ${String(status.signal)}`,
      );
    }
    for (const row of rows) {
      await seeReaped(row.pid, row, parent.pid, `the ${plans.get(row.pid) ?? '?'} child is gone: its parent collected the status`);
    }
    await hold();
    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, 'the parent is gone: procview, its parent, reaped it');
    // Gone from the table means reaped, so procview's own wait has its status by now.
    const parentEnd = await parent.exited;
    say(`procview's own wait for the parent ${parent.pid}: it ${describeExit(parentEnd.code, parentEnd.signal)}.`);
  },
});
