// Lesson: waitpid with WNOHANG. The parent never blocks: it keeps working and
// collects each child as it ends.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';

export const waitpidDemo = defineDemo({
  name: 'waitpid',
  summary: 'non-blocking waitpid(WNOHANG): the parent keeps working while three children end at different times',
  async teach({ lab, watch, holdMs, say, see, seeGone, check }) {
    say('waitpid(-1, &status, WNOHANG) asks "has a child ended?" and returns at once: a pid and status if one has, 0 if ' +
      'not. A parent calls it in its main loop or when SIGCHLD arrives, and does its own work in between.');
    say('That is what Node does for you: libuv turns SIGCHLD into an event-loop task that calls waitpid(pid, &status, ' +
      'WNOHANG) for each child it started, and you get an \'exit\' event. This parent counts units of work on a timer ' +
      'meanwhile.');

    const parent = lab.start('waitpid-parent');
    await lab.message('hello', (m) => m.pid === parent.pid);
    const plan = new Map<number, { after: number; code: number }>();
    for (let index = 0; index < 3; index += 1) {
      const planned = await lab.message('planned', (m) => m.pid === parent.pid);
      plan.set(requireNumber(planned, 'child'), { after: requireNumber(planned, 'after'), code: requireNumber(planned, 'code') });
    }
    const rows = await watch.until('three children running', (snapshot) =>
      rowsOf(snapshot, plan.keys(), (row) => row.ppid === parent.pid),
    );
    for (const row of rows) {
      const { after, code } = plan.get(row.pid) ?? { after: 0, code: 0 };
      see(row, `child working; it will exit with status ${code} after ${(after / 1000).toFixed(1)} s`);
    }
    parent.command('go');

    let lastWork = -1;
    const order: number[] = [];
    for (let index = 0; index < rows.length; index += 1) {
      const reaped = await lab.message('reaped', (m) => m.pid === parent.pid, holdMs * 3 + 10_000);
      const pid = requireNumber(reaped, 'child');
      const work = requireNumber(reaped, 'work');
      order.push(pid);
      say(`parent: collected child ${pid}, which ${describeExit(reaped.code, reaped.signal)}; ` +
        `${work} units of work done so far, still running: ${String(reaped.running)}`);
      check(reaped.code === plan.get(pid)?.code, `child ${pid} ended with ${String(reaped.code)}, not ${String(plan.get(pid)?.code)}`);
      check(work > lastWork, 'the parent did no work between two children ending');
      lastWork = work;
      const row = rows.find((candidate) => candidate.pid === pid);
      await watch.gone(pid, `child ${pid} leaves the process table`, row);
      seeGone(pid, row, 'gone: collected while the parent kept working, never left as a zombie');
    }
    const expectedOrder = [...plan].sort(([, a], [, b]) => a.after - b.after).map(([pid]) => pid);
    check(order.join() === expectedOrder.join(), `children were collected in the order ${order.join(', ')}`);
    say('Each child was collected as soon as it ended, in the order they ended, and the work count kept growing in ' +
      'between: the parent never blocked.');

    parent.command('exit');
    await watch.gone(parent.pid, 'the parent leaves the process table');
    say(`parent ${parent.pid} exited; procview reaped it.`);
  },
});
