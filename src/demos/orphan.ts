// Lesson: orphan. The parent exits first; the kernel gives the still-running
// child a new parent, and procview sees who.
import { sameProcess } from '../inspect/identity.js';
import { seeAdoptedExit, seeAdoption, tellAdopter } from './adoption.js';
import { label, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';

export const orphanDemo = defineDemo({
  name: 'orphan',
  summary: 'the parent exits first; the running child is adopted by PID 1 or a subreaper',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hold, check } = lesson;
    say(
      'Every process has a parent, which is told when it ends (SIGCHLD) and must collect its status. When a parent ' +
        'exits before its child, the child is an orphan: the kernel hands it to the nearest ancestor that declared itself a ' +
        '"child subreaper", or else to PID 1 (init), and that new parent reaps it later.',
    );

    const parent = lab.start('orphan-parent');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    const before = await lab.hello(childPid);
    say(`child ${childPid}: getppid() says my parent is ${before.ppid}`);
    const [parentRow, childRow] = await watch.until('the child under its parent', (snapshot) =>
      rowsOf(snapshot, [parent.pid, childPid], (row) => row.pid === parent.pid || row.ppid === parent.pid),
    );
    see(parentRow, 'the parent');
    see(childRow, `the child, running under its parent ${parent.pid}`);
    await hold();

    say(`The parent ${parent.pid} exits now, while its child keeps running.`);
    parent.command('exit');
    const adoption = await seeAdoption(lesson, childPid, parent.pid, [parent.pid], 'the child gets a new parent');
    const { row: orphan, adopter, snapshot } = adoption;
    // Judged on a settled table: the scan that first shows the adoption may have read the
    // parent a moment before it exited. Until it is gone or a zombie, look again.
    await watch.until(`the parent ${parent.pid} to be gone or a zombie`, (table) => {
      const parentNow = table.procs.get(parent.pid);
      return parentNow === undefined || !sameProcess(parentNow, parentRow) || parentNow.state === 'Z' ? true : undefined;
    });
    const event = watch.event('reparent', childPid);
    const kind = adopter === 1 ? 'PID 1 (init)' : adopter === process.pid ? 'procview itself, a child subreaper' : 'a child subreaper';
    see(
      orphan,
      `reparented ${parent.pid} → ${String(adopter)}: adopted by ${kind}, ${label(snapshot, adopter)}` +
        (event?.orphaned === true ? ` (the inspector's event: orphaned, adopter ${String(event.adopter)})` : ''),
    );
    await seeReaped(parent.pid, parentRow, process.pid, 'the parent has exited, and procview, its own parent, reaped it');
    const after = await lab.message('reparented', (m) => m.pid === childPid);
    say(`child ${childPid}: getppid() now says ${String(after.to)} (it was ${String(after.from)})`);
    check(after.to === adopter, `the child's getppid() (${String(after.to)}) disagrees with the process table (${String(adopter)})`);
    tellAdopter(lesson, adoption);
    await hold();

    say('The lesson is over: procview closes the pipe the orphan watches (its stdin), and the orphan exits by itself. ' + 'Its new parent must now reap it.');
    await seeAdoptedExit(lesson, childPid, orphan, 'orphan');
  },
});
