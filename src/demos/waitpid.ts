// Lesson: waitpid with WNOHANG. The parent never blocks: it keeps working and
// collects each child as it ends.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';
import { stillThere } from './watch.js';

export const waitpidDemo = defineDemo({
  name: 'waitpid',
  summary: 'non-blocking waitpid(WNOHANG): the parent keeps working while three children end at different times',
  async teach({ lab, watch, holdMs, say, see, seeGone, seeReaped, check }) {
    say(
      'waitpid(-1, &status, WNOHANG) asks "has a child ended?" and returns at once: a pid and status if one has, 0 if ' +
        'not. A parent calls it in its main loop or when SIGCHLD arrives, and does its own work in between.',
    );
    say(
      'That is what Node does for you: libuv turns SIGCHLD into an event-loop task that calls waitpid(pid, &status, ' +
        "WNOHANG) for each child it started, and you get an 'exit' event. This parent counts units of work on a timer " +
        'meanwhile.',
    );

    const parent = lab.start('waitpid-parent');
    await lab.hello(parent.pid);
    const plan = new Map<number, { after: number; code: number }>();
    for (let index = 0; index < 3; index += 1) {
      const planned = await lab.message('planned', (m) => m.pid === parent.pid);
      plan.set(requireNumber(planned, 'child'), { after: requireNumber(planned, 'after'), code: requireNumber(planned, 'code') });
    }
    const rows = await watch.until('three children running', (snapshot) =>
      rowsOf(snapshot, [parent.pid, ...plan.keys()], (row) => row.pid === parent.pid || row.ppid === parent.pid),
    );
    const children = rows.slice(1);
    for (const row of children) {
      const { after, code } = plan.get(row.pid) ?? { after: 0, code: 0 };
      see(row, `child working; it will exit with status ${code} after ${(after / 1000).toFixed(1)} s`);
    }
    const [parentRow] = rows;
    parent.command('go');

    // Watch the children leave the table: the look at which each was first missing.
    const leftAt = new Map<number, number>();
    let looks = 0;
    await watch.until(
      'all three children collected',
      (snapshot) => {
        looks += 1;
        for (const row of children) {
          if (leftAt.has(row.pid) || stillThere(snapshot, row.pid, row)) continue;
          leftAt.set(row.pid, looks);
          const by = watch.reaperOf(row.pid);
          if (check(by === parent.pid, `child ${row.pid} left the table, but the inspector saw it reaped by ${String(by)}`)) {
            seeGone(row.pid, row, `gone, reaped by the parent ${parent.pid} while it kept working`);
          } else {
            seeGone(row.pid, row, `gone from the table (reaped by ${String(by)}, not by the parent)`);
          }
        }
        return leftAt.size === children.length ? true : undefined;
      },
      holdMs * 3 + 10_000,
    );
    /** Does `order` agree with what the table showed (a later one never seen leaving earlier)? */
    const agrees = (order: readonly number[]): boolean => {
      const at = order.map((pid) => leftAt.get(pid) ?? Number.NaN);
      return at.every((look, index) => index === 0 || (at[index - 1] ?? Number.NaN) <= look);
    };
    const plannedOrder = [...plan].sort(([, a], [, b]) => a.after - b.after).map(([pid]) => pid);
    check(agrees(plannedOrder), `the children left the table out of their planned order: ${[...leftAt].map(([pid, at]) => `${pid} at look ${at}`).join(', ')}`);
    const ties = new Set(leftAt.values()).size < leftAt.size;

    let lastWork = -1;
    const reportedOrder: number[] = [];
    for (let index = 0; index < children.length; index += 1) {
      const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
      const pid = requireNumber(reaped, 'child');
      const work = requireNumber(reaped, 'work');
      reportedOrder.push(pid);
      say(
        `parent: collected child ${pid}, which ${describeExit(reaped.code, reaped.signal)}; ` +
          `${work} units of work done so far, still running: ${String(reaped.running)}`,
      );
      check(reaped.code === plan.get(pid)?.code, `child ${pid} ended with ${String(reaped.code)}, not ${String(plan.get(pid)?.code)}`);
      check(work > lastWork, 'the parent did no work between two children ending');
      lastWork = work;
    }
    check(agrees(reportedOrder), `the parent reported the children in the order ${reportedOrder.join(', ')}, which the table contradicts`);
    say(
      "The children left the table as they ended, each reaped by the parent, and the parent's work count " +
        `kept growing in between: it never blocked.${ties ? ' (Some left between the same two looks at the table: too close together to order by sight.)' : ''}`,
    );

    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, 'the parent exited; procview, its parent, reaped it');
  },
});
