// Lesson: exit. Five children end five ways; the parent learns each way from
// the status wait() gives it, and procview sees each one leave the table.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
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
  summary: 'demo.exit.summary',
  async teach({ lab, watch, say, see, seeReaped, hold, check }) {
    say(t('demo.exit.intro1'));
    say(t('demo.exit.intro2'));

    const parent = lab.start('exit-parent');
    await lab.hello(parent.pid);
    const plans = new Map<number, string>();
    for (let index = 0; index < Object.keys(EXPECTED).length; index += 1) {
      const planned = await lab.message('planned', (m) => m.pid === parent.pid);
      plans.set(requireNumber(planned, 'child'), stringField(planned, 'way') ?? '?');
    }
    say(t('demo.exit.started', { parent: parent.pid, plans: [...plans].map(([pid, way]) => t('demo.exit.plan', { pid, way })).join(t('demo.listSeparator')) }));

    const [parentRow, ...rows] = await watch.until(t('demo.watch.fiveChildren'), (snapshot) => {
      const children = rowsOf(snapshot, [...plans.keys()], (row) => row.ppid === parent.pid);
      const p = snapshot.procs.get(parent.pid);
      return children !== undefined && p !== undefined ? [p, ...children] : undefined;
    });
    for (const row of rows) see(row, t('demo.exit.alive', { way: plans.get(row.pid) ?? '?', parent: parent.pid }));
    await hold();

    say(t('demo.exit.ending'));
    parent.command('end');
    for (let index = 0; index < plans.size; index += 1) {
      const status = await lab.message('status', (m) => m.pid === parent.pid);
      const pid = requireNumber(status, 'child');
      const way = plans.get(pid) ?? '?';
      say(t('demo.exit.status', { pid, way, exit: describeExit(status.code, status.signal) }));
      const expected = EXPECTED[way];
      check(
        expected !== undefined && status.code === expected.code && status.signal === expected.signal,
        t('demo.check.exitReported', { pid, way, code: String(status.code), signal: String(status.signal) }),
      );
    }
    for (const row of rows) {
      await seeReaped(row.pid, row, parent.pid, t('demo.exit.gone', { way: plans.get(row.pid) ?? '?' }));
    }
    await hold();
    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, t('demo.exit.parentGone'));
    // Gone from the table means reaped, so procview's own wait has its status by now.
    const parentEnd = await parent.exited;
    say(t('demo.exit.ownWait', { parent: parent.pid, exit: describeExit(parentEnd.code, parentEnd.signal) }));
  },
});
