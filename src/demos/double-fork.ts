// Lesson: double fork. The daemon recipe: parent → child → grandchild, the
// child exits and is reaped, the grandchild lives on, adopted.
import { seeAdoptedExit, seeAdoption, tellAdopter } from './adoption.js';
import { describeExit, label, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';

export const doubleForkDemo = defineDemo({
  name: 'double-fork',
  summary: 'parent → child → grandchild; the child exits and is reaped, the grandchild is adopted and keeps working',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hold, check } = lesson;
    say(
      'A daemon should not stay the child of whoever started it, and that starter should not have to reap it. The ' +
        'classic recipe forks twice: the child forks a grandchild and exits at once; the parent reaps the child right ' +
        'away; the grandchild, now an orphan, is adopted by init (or a subreaper) and does the work.',
    );
    say(
      "In C the child also calls setsid() between the two forks to leave the terminal's session. This lesson already " +
        'runs in a session of its own (procview started it with setsid()), so the grandchild stays in it: that is how ' +
        'procview finds and ends it afterwards.',
    );

    const parent = lab.start('double-fork');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    const grandPid = await lab.spawnedBy(childPid);
    const grandHello = await lab.hello(grandPid);
    say(`parent ${parent.pid} → child ${childPid} → grandchild ${grandPid} (whose getppid() said ${grandHello.ppid} at start)`);
    const parentOf = new Map([
      [childPid, parent.pid],
      [grandPid, childPid],
    ]);
    const [childRow, grandRow] = await watch.until('three generations', (snapshot) =>
      rowsOf(snapshot, [childPid, grandPid], (row) => row.ppid === parentOf.get(row.pid)),
    );
    see(childRow, `the child, under the parent ${parent.pid}`);
    see(grandRow, `the grandchild, under the child ${childPid}`);
    say('In C the child would exit right after the second fork(); this one waits a moment so that the three ' + 'generations can be seen first.');
    await hold();

    parent.command('end-child');
    await lab.message('exiting', (m) => m.pid === childPid);
    say(`child ${childPid}: the grandchild runs and procview has seen it, so I exit now.`);
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(`parent: reaped child ${childPid}, which ${describeExit(reaped.code, reaped.signal)}; nothing left to wait for`);
    await seeReaped(childPid, childRow, parent.pid, `the child is gone: reaped by the parent ${parent.pid}, so no zombie stays`);

    const adoption = await seeAdoption(lesson, grandPid, childPid, [childPid, parent.pid], 'the grandchild adopted');
    const { row: orphan, adopter, snapshot } = adoption;
    see(orphan, `the grandchild, adopted by ${label(snapshot, adopter)}: its parent is neither the child nor the original parent`);
    tellAdopter(lesson, adoption);
    // A tick sent after the adoption: the grandchild's own getppid() then names the adopter.
    const tick = await lab.message('tick', (m) => m.pid === grandPid && m.ppid !== childPid);
    say(`grandchild ${grandPid}: working (unit ${String(tick.units)}), my parent is now ${tick.ppid}`);

    const now = await watch.snapshot();
    const ours = [...now.procs.values()].filter((row) => lab.isOurs(row));
    const zombies = ours.filter((row) => row.state === 'Z');
    check(zombies.length === 0, `zombies of this lesson: ${zombies.map((row) => row.pid).join(', ')}`);
    const children = [...now.procs.values()].filter((row) => row.ppid === parent.pid);
    check(children.length === 0, `the parent still has children: ${children.map((row) => row.pid).join(', ')}`);
    const parentRow = now.procs.get(parent.pid);
    if (parentRow !== undefined && children.length === 0) see(parentRow, 'the original parent: no child left, no zombie to reap');
    await hold();

    say('The lesson is over: procview closes the pipe the grandchild watches, and it exits by itself.');
    await seeAdoptedExit(lesson, grandPid, orphan, 'grandchild');
  },
});
