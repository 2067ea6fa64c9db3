// Lesson: waitpid with WNOHANG. The parent never blocks: it keeps working and
// collects each child as it ends.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
import { defineDemo } from './lesson.js';
import type { ChildMessage } from './messages.js';
import { stillThere } from './watch.js';

/** The parent's report of one collection, in its words. */
function collectedWords(reaped: ChildMessage): string {
  const exit = describeExit(reaped.code, reaped.signal);
  return t('demo.waitpid.collected', { pid: requireNumber(reaped, 'child'), exit, work: requireNumber(reaped, 'work'), running: String(reaped.running) });
}

export const waitpidDemo = defineDemo({
  name: 'waitpid',
  summary: 'demo.waitpid.summary',
  async teach({ lab, watch, holdMs, say, see, seeGone, seeReaped, hear, check }) {
    say(t('demo.waitpid.intro1'));
    say(t('demo.waitpid.intro2'));

    const parent = lab.start('waitpid-parent');
    await lab.hello(parent.pid);
    const plan = new Map<number, { after: number; code: number }>();
    for (let index = 0; index < 3; index += 1) {
      const planned = await lab.message('planned', (m) => m.pid === parent.pid);
      plan.set(requireNumber(planned, 'child'), { after: requireNumber(planned, 'after'), code: requireNumber(planned, 'code') });
    }
    const rows = await watch.until(t('demo.watch.threeRunning'), (snapshot) =>
      rowsOf(snapshot, [parent.pid, ...plan.keys()], (row) => row.pid === parent.pid || row.ppid === parent.pid),
    );
    const children = rows.slice(1);
    for (const row of children) {
      const { after, code } = plan.get(row.pid) ?? { after: 0, code: 0 };
      see(row, t('demo.waitpid.child', { code, seconds: (after / 1000).toFixed(1) }));
    }
    const [parentRow] = rows;
    // Each collection is said the moment the parent reports it, among the table's "gone" lines:
    // read after the looks, all three stood at the end, as if the parent had reported at once.
    const timeoutMs = holdMs * 3 + 10_000;
    const reports = children.map(() => hear('reaped', (m) => m.pid === parent.pid, collectedWords, timeoutMs));
    parent.command('go');

    // Watch the children leave the table: the look at which each was first missing.
    const leftAt = new Map<number, number>();
    let looks = 0;
    await watch.until(
      t('demo.watch.threeCollected'),
      (snapshot) => {
        looks += 1;
        for (const row of children) {
          if (leftAt.has(row.pid) || stillThere(snapshot, row.pid, row)) continue;
          leftAt.set(row.pid, looks);
          const by = watch.reaperOf(row.pid);
          if (check(by === parent.pid, t('demo.check.reapedBy', { pid: row.pid, by: String(by) }))) {
            seeGone(row.pid, row, t('demo.waitpid.reaped', { parent: parent.pid }));
          } else {
            seeGone(row.pid, row, t('demo.waitpid.reapedOther', { by: String(by) }));
          }
        }
        return leftAt.size === children.length ? true : undefined;
      },
      timeoutMs,
    );
    /** Does `order` agree with what the table showed (a later one never seen leaving earlier)? */
    const agrees = (order: readonly number[]): boolean => {
      const at = order.map((pid) => leftAt.get(pid) ?? Number.NaN);
      return at.every((look, index) => index === 0 || (at[index - 1] ?? Number.NaN) <= look);
    };
    const plannedOrder = [...plan].sort(([, a], [, b]) => a.after - b.after).map(([pid]) => pid);
    check(agrees(plannedOrder), t('demo.check.order', { looks: [...leftAt].map(([pid, at]) => t('demo.check.atLook', { pid, look: at })).join(', ') }));
    const ties = new Set(leftAt.values()).size < leftAt.size;

    let lastWork = -1;
    const reportedOrder: number[] = [];
    for (const report of reports) {
      const reaped = await report;
      const pid = requireNumber(reaped, 'child');
      const work = requireNumber(reaped, 'work');
      reportedOrder.push(pid);
      check(reaped.code === plan.get(pid)?.code, t('demo.check.endedWith', { pid, got: String(reaped.code), expected: String(plan.get(pid)?.code) }));
      check(work > lastWork, t('demo.check.noWork'));
      lastWork = work;
    }
    check(agrees(reportedOrder), t('demo.check.reportedOrder', { order: reportedOrder.join(', ') }));
    say(t('demo.waitpid.conclusion', { ties: ties ? t('demo.waitpid.ties') : '' }));

    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, t('demo.parentExitedReaped'));
  },
});
