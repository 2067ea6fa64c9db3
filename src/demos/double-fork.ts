// Lesson: double fork. The daemon recipe: parent → child → grandchild, the
// child exits and is reaped, the grandchild lives on, adopted.
import { seeAdoptedExit, seeAdoption, tellAdopter } from './adoption.js';
import { describeExit, label, rowsOf } from './facts.js';
import { t } from '../text/i18n/message.js';
import { defineDemo } from './lesson.js';

export const doubleForkDemo = defineDemo({
  name: 'double-fork',
  summary: 'demo.double-fork.summary',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hold, check } = lesson;
    say(t('demo.doubleFork.intro1'));
    say(t('demo.doubleFork.intro2'));

    const parent = lab.start('double-fork');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    const grandPid = await lab.spawnedBy(childPid);
    const grandHello = await lab.hello(grandPid);
    say(t('demo.doubleFork.generations', { parent: parent.pid, child: childPid, grand: grandPid, ppid: grandHello.ppid }));
    const parentOf = new Map([
      [childPid, parent.pid],
      [grandPid, childPid],
    ]);
    const [childRow, grandRow] = await watch.until(t('demo.watch.threeGenerations'), (snapshot) =>
      rowsOf(snapshot, [childPid, grandPid], (row) => row.ppid === parentOf.get(row.pid)),
    );
    see(childRow, t('demo.doubleFork.seeChild', { parent: parent.pid }));
    see(grandRow, t('demo.doubleFork.seeGrand', { child: childPid }));
    say(t('demo.doubleFork.wait'));
    await hold();

    parent.command('end-child');
    await lab.message('exiting', (m) => m.pid === childPid);
    say(t('demo.doubleFork.childExits', { child: childPid }));
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(t('demo.doubleFork.reaped', { child: childPid, exit: describeExit(reaped.code, reaped.signal) }));
    await seeReaped(childPid, childRow, parent.pid, t('demo.doubleFork.childGone', { parent: parent.pid }));

    const adoption = await seeAdoption(lesson, grandPid, childPid, [childPid, parent.pid], t('demo.watch.grandAdopted'));
    const { row: orphan, adopter, snapshot } = adoption;
    see(orphan, t('demo.doubleFork.adopted', { adopter: label(snapshot, adopter) }));
    tellAdopter(lesson, adoption);
    // A tick sent after the adoption: the grandchild's own getppid() then names the adopter.
    const tick = await lab.message('tick', (m) => m.pid === grandPid && m.ppid !== childPid);
    say(t('demo.doubleFork.working', { grand: grandPid, units: String(tick.units), ppid: tick.ppid }));

    const now = await watch.snapshot();
    const ours = [...now.procs.values()].filter((row) => lab.isOurs(row));
    const zombies = ours.filter((row) => row.state === 'Z');
    check(zombies.length === 0, t('demo.check.zombiesLeft', { pids: zombies.map((row) => row.pid).join(', ') }));
    const children = [...now.procs.values()].filter((row) => row.ppid === parent.pid);
    check(children.length === 0, t('demo.check.stillChildren', { pids: children.map((row) => row.pid).join(', ') }));
    const parentRow = now.procs.get(parent.pid);
    if (parentRow !== undefined && children.length === 0) see(parentRow, t('demo.doubleFork.parentAlone'));
    await hold();

    say(t('demo.doubleFork.over'));
    await seeAdoptedExit(lesson, grandPid, orphan, 'grandchild');
  },
});
