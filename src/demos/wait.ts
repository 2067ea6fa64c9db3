// Lesson: wait. The parent blocks until its child ends, then has its pid and
// status — and the same call removed the zombie.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
import { defineDemo } from './lesson.js';
import type { ChildMessage } from './messages.js';
import { stillThere } from './watch.js';

const EXPECTED_STATUS = 3;

/** What the parent reports once spawnSync() returns. */
function returnWords(waited: ChildMessage): string {
  const seconds = (requireNumber(waited, 'waitedMs') / 1000).toFixed(1);
  return t('demo.wait.returned', { seconds, child: String(waited.child), exit: describeExit(waited.code, waited.signal) });
}

export const waitDemo = defineDemo({
  name: 'wait',
  summary: 'demo.wait.summary',
  async teach({ lab, watch, holdMs, say, see, seeReaped, hear, hold, check }) {
    say(t('demo.wait.intro1'));
    say(t('demo.wait.intro2'));

    const parent = lab.start('wait-parent');
    await lab.hello(parent.pid);
    await lab.message('waiting', (m) => m.pid === parent.pid);
    // spawnSync gives the parent no pid before it returns; the child announces itself.
    const childHello = await lab.message('hello', (m) => m.ppid === parent.pid);
    const childPid = childHello.pid;
    say(t('demo.wait.waiting', { parent: parent.pid, child: childPid, status: EXPECTED_STATUS }));

    // The parent sleeps in the kernel for the whole wait: S.
    const [parentRow, childRow] = await watch.until(t('demo.watch.parentChild'), (snapshot) =>
      rowsOf(snapshot, [parent.pid, childPid], (row) => row.pid !== parent.pid || row.state === 'S'),
    );
    see(childRow, t('demo.wait.seeChild', { ppid: String(childRow.ppid) }));
    see(parentRow, t('demo.wait.seeParent'));
    check(childRow.ppid === parent.pid, t('demo.check.childPpidNot', { ppid: String(childRow.ppid), parent: parent.pid }));
    await hold();
    // The parent cannot pass anything on while it waits: the child reads procview's commands itself.
    say(t('demo.wait.finish', { status: EXPECTED_STATUS }));
    // Its return is said when the parent reports it, while the table is watched for the child's end.
    const timeoutMs = holdMs + 10_000;
    const returned = hear('waited', (m) => m.pid === parent.pid, returnWords, timeoutMs);
    parent.command('finish');

    let looks = 0;
    let zombieSightings = 0;
    await watch.until(
      t('demo.watch.childEnds'),
      (snapshot) => {
        const row = snapshot.procs.get(childPid);
        looks += 1;
        if (row?.state === 'Z') zombieSightings += 1;
        return stillThere(snapshot, childPid, childRow) ? undefined : true;
      },
      timeoutMs,
    );
    const waited = await returned;
    check(waited.child === childPid, t('demo.check.waitPid', { got: String(waited.child), expected: childPid }));
    check(waited.code === EXPECTED_STATUS, t('demo.check.waitStatus', { got: String(waited.code), expected: EXPECTED_STATUS }));
    await seeReaped(
      childPid,
      childRow,
      parent.pid,
      zombieSightings === 0 ? t('demo.wait.neverZ', { looks }) : t('demo.wait.seenZ', { times: zombieSightings, looks }),
    );

    parent.command('exit');
    if (await seeReaped(parent.pid, parentRow, process.pid, t('demo.parentExitedReaped'))) {
      say(t('demo.noZombieLeft'));
    }
  },
});
