// Lesson: double fork. The daemon recipe: parent → child → grandchild, the
// child exits at once and is reaped, the grandchild lives on, adopted.
import type { ProcInfo } from '../inspect/types.js';
import { adopterStory, describeExit, label, requireNumber } from './facts.js';
import { defineDemo } from './lesson.js';

export const doubleForkDemo = defineDemo({
  name: 'double-fork',
  summary: 'parent → child → grandchild; the child exits at once, the grandchild is adopted and keeps working',
  async teach({ lab, watch, say, see, seeGone, hold, check }) {
    say('A daemon should not stay the child of whoever started it, and that starter should not have to reap it. The ' +
      'classic recipe forks twice: the child forks a grandchild and exits at once; the parent reaps the child right ' +
      'away; the grandchild, now an orphan, is adopted by init (or a subreaper) and does the work.');
    say('In C the child also calls setsid() between the two forks to leave the terminal\'s session. This lesson already ' +
      'runs in a session of its own (procview started it with setsid()), so the grandchild stays in it: that is how ' +
      'procview finds and ends it afterwards.');

    const parent = lab.start('double-fork');
    await lab.message('hello', (m) => m.pid === parent.pid);
    const childPid = requireNumber(await lab.message('spawned', (m) => m.pid === parent.pid), 'child');
    const grandPid = requireNumber(await lab.message('spawned', (m) => m.pid === childPid), 'child');
    const grandHello = await lab.message('hello', (m) => m.pid === grandPid);
    say(`parent ${parent.pid} → child ${childPid} → grandchild ${grandPid} (whose getppid() said ${grandHello.ppid} at start)`);
    // The child lives only until the grandchild runs: look once, it may already be gone.
    const childRow = (await watch.snapshot()).procs.get(childPid);
    if (childRow !== undefined) see(childRow, 'the child, about to exit now that the grandchild runs');
    await lab.message('exiting', (m) => m.pid === childPid);
    say(`child ${childPid}: the grandchild runs, so I exit now.`);

    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(`parent: reaped child ${childPid}, which ${describeExit(reaped.code, reaped.signal)}; nothing left to wait for`);
    await watch.gone(childPid, 'the child leaves the process table', childRow);
    seeGone(childPid, childRow, 'the child is gone: reaped at once by the parent, so no zombie');

    const orphan = await watch.proc(grandPid, 'the grandchild adopted', (row) => row.ppid !== childPid);
    const snapshot = await watch.snapshot();
    const adopter = orphan.ppid;
    see(orphan, `the grandchild, adopted by ${label(snapshot, adopter)}: its parent is neither the child nor the original parent`);
    check(adopter !== undefined && adopter !== childPid && adopter !== parent.pid, `the grandchild's parent is ${String(adopter)}`);
    if (adopter !== undefined) for (const line of adopterStory(snapshot, adopter)) say(line);
    const tick = await lab.message('tick', (m) => m.pid === grandPid);
    say(`grandchild ${grandPid}: working (unit ${String(tick.units)}), my parent is now ${tick.ppid}`);

    const zombies = [...snapshot.procs.values()].filter((row: ProcInfo) => row.state === 'Z' && lab.isOurs(row));
    check(zombies.length === 0, `zombies of this lesson: ${zombies.map((row) => row.pid).join(', ')}`);
    const parentRow = snapshot.procs.get(parent.pid);
    if (parentRow !== undefined) see(parentRow, 'the original parent: no child left, no zombie to reap');
    await hold();

    say('The lesson is over: procview closes the pipe the grandchild watches, and it exits by itself.');
    lab.endLifelines();
    const end = await watch.until('the grandchild exits', (s) => {
      const row = s.procs.get(grandPid);
      return row === undefined || row.state === 'Z' ? { row } : undefined;
    });
    if (end.row === undefined) seeGone(grandPid, orphan, `the grandchild exited and its adopter ${String(adopter)} reaped it`);
    else see(end.row, `the grandchild exited; its adopter ${String(end.row.ppid)} has yet to reap it (init's job, not a leak)`);
  },
});
