// Lesson: fork. Two processes, two PIDs, and memory that is not shared.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
import { defineDemo } from './lesson.js';

export const forkDemo = defineDemo({
  name: 'fork',
  summary: 'demo.fork.summary',
  async teach({ lab, watch, say, see, seeReaped, hold, check }) {
    say(t('demo.fork.intro1'));
    say(t('demo.fork.intro2'));

    const parent = lab.start('fork-lesson');
    const parentHello = await lab.hello(parent.pid);
    say(t('demo.fork.parentHello', { pid: parent.pid, ppid: parentHello.ppid, counter: String(parentHello.counter) }));
    const childPid = requireNumber(await lab.message('forked', (m) => m.pid === parent.pid), 'child');
    say(t('demo.fork.started', { child: childPid }));
    const childHello = await lab.hello(childPid);
    say(t('demo.fork.childHello', { pid: childPid, ppid: childHello.ppid, counter: String(childHello.counter) }));
    say(t('demo.fork.order'));

    const [parentRow, childRow] = await watch.until(t('demo.watch.parentAndChild'), (snapshot) => rowsOf(snapshot, [parent.pid, childPid]));
    see(parentRow, t('demo.fork.seeParent', { ppid: String(parentRow.ppid) }));
    see(childRow, t('demo.fork.seeChild', { parent: parent.pid }));
    check(childRow.ppid === parent.pid, t('demo.check.childPpid', { ppid: String(childRow.ppid), parent: parent.pid }));
    check(parentRow.ppid === process.pid, t('demo.check.parentPpid', { ppid: String(parentRow.ppid) }));
    await hold();

    say(t('demo.fork.change'));
    parent.command('change');
    const changed = await lab.message('changed', (m) => m.pid === childPid);
    say(t('demo.fork.childCounter', { counter: String(changed.counter) }));
    const unchanged = await lab.message('unchanged', (m) => m.pid === parent.pid);
    say(t('demo.fork.parentCounter', { counter: String(unchanged.counter) }));
    check(changed.counter === 42 && unchanged.counter === 1, t('demo.check.counters'));
    say(t('demo.fork.separate'));
    await hold();

    parent.command('end-child');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(t('demo.fork.childEnded', { child: childPid, exit: describeExit(reaped.code, reaped.signal) }));
    await seeReaped(childPid, childRow, parent.pid, t('demo.fork.childGone'));
    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, t('demo.parentExitedReaped'));
  },
});
