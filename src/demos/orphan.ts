// Lesson: orphan. The parent exits first; the kernel gives the still-running
// child a new parent, and procview sees who.
import { sameProcess } from '../inspect/identity.js';
import { seeAdoptedExit, seeAdoption, tellAdopter } from './adoption.js';
import { label, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
import { defineDemo } from './lesson.js';

export const orphanDemo = defineDemo({
  name: 'orphan',
  summary: 'demo.orphan.summary',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hear, hold, check } = lesson;
    say(t('demo.orphan.intro'));

    const parent = lab.start('orphan-parent');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    const before = await lab.hello(childPid);
    say(t('demo.orphan.before', { child: childPid, ppid: before.ppid }));
    const [parentRow, childRow] = await watch.until(t('demo.watch.childUnderParent'), (snapshot) =>
      rowsOf(snapshot, [parent.pid, childPid], (row) => row.pid === parent.pid || row.ppid === parent.pid),
    );
    see(parentRow, t('demo.orphan.parent'));
    see(childRow, t('demo.orphan.child', { parent: parent.pid }));
    await hold();

    say(t('demo.orphan.exits', { parent: parent.pid }));
    // The child's own word on its new parent is said when it comes, among what the table shows.
    const reparented = hear(
      'reparented',
      (m) => m.pid === childPid,
      (m) => t('demo.orphan.after', { child: childPid, to: String(m.to), from: String(m.from) }),
    );
    parent.command('exit');
    const adoption = await seeAdoption(lesson, childPid, parent.pid, [parent.pid], t('demo.watch.newParent'));
    const { row: orphan, adopter, snapshot } = adoption;
    // Judged on a settled table: the scan that first shows the adoption may have read the
    // parent a moment before it exited. Until it is gone or a zombie, look again.
    await watch.until(t('demo.watch.parentGone', { parent: parent.pid }), (table) => {
      const parentNow = table.procs.get(parent.pid);
      return parentNow === undefined || !sameProcess(parentNow, parentRow) || parentNow.state === 'Z' ? true : undefined;
    });
    const event = watch.event('reparent', childPid);
    const adoptedBy = adopter === 1 ? t('demo.orphan.byInit') : adopter === process.pid ? t('demo.orphan.bySelf') : t('demo.orphan.bySubreaper');
    see(
      orphan,
      t('demo.orphan.adopted', { from: parent.pid, to: String(adopter), adoptedBy, adopter: label(snapshot, adopter) }) +
        (event?.orphaned === true ? t('demo.orphan.event', { adopter: String(event.adopter) }) : ''),
    );
    await seeReaped(parent.pid, parentRow, process.pid, t('demo.orphan.parentReaped'));
    const after = await reparented;
    check(after.to === adopter, t('demo.check.getppid', { got: String(after.to), table: String(adopter) }));
    tellAdopter(lesson, adoption);
    await hold();

    say(t('demo.orphan.over'));
    await seeAdoptedExit(lesson, childPid, orphan, 'orphan');
  },
});
