// Lesson: orphan. The parent exits first; the kernel gives the still-running
// child a new parent, and procview sees who.
import { adopterStory, label, requireNumber } from './facts.js';
import { defineDemo } from './lesson.js';

export const orphanDemo = defineDemo({
  name: 'orphan',
  summary: 'the parent exits first; the running child is adopted by PID 1 or a subreaper',
  async teach({ lab, watch, say, see, seeGone, hold, check }) {
    say('Every process has a parent, which is told when it ends (SIGCHLD) and must collect its status. When a parent ' +
      'exits before its child, the child is an orphan: the kernel hands it to the nearest ancestor that declared itself a ' +
      '"child subreaper", or else to PID 1 (init), and that new parent reaps it later.');

    const parent = lab.start('orphan-parent');
    await lab.message('hello', (m) => m.pid === parent.pid);
    const childPid = requireNumber(await lab.message('spawned', (m) => m.pid === parent.pid), 'child');
    const before = await lab.message('hello', (m) => m.pid === childPid);
    say(`child ${childPid}: getppid() says my parent is ${before.ppid}`);
    const [parentRow, childRow] = await watch.until('the child under its parent', (snapshot) => {
      const p = snapshot.procs.get(parent.pid);
      const c = snapshot.procs.get(childPid);
      return p !== undefined && c?.ppid === parent.pid ? ([p, c] as const) : undefined;
    });
    see(parentRow, 'the parent');
    see(childRow, `the child, running under its parent ${parent.pid}`);
    await hold();

    say(`The parent ${parent.pid} exits now, while its child keeps running.`);
    parent.command('exit');
    const orphan = await watch.proc(childPid, 'the child gets a new parent', (row) => row.ppid !== parent.pid);
    const snapshot = await watch.snapshot();
    const adopter = orphan.ppid;
    const parentGone = !snapshot.procs.has(parent.pid) || snapshot.procs.get(parent.pid)?.state === 'Z';
    check(parentGone, `the parent ${parent.pid} is still running although the child was reparented`);
    seeGone(parent.pid, parentRow, 'the parent has exited (procview, its own parent, reaps it)');
    const event = watch.event('reparent', childPid);
    const kind = adopter === 1 ? 'PID 1 (init)' : 'a child subreaper';
    see(orphan, `reparented ${parent.pid} → ${String(adopter)}: adopted by ${kind}, ${label(snapshot, adopter)}` +
      (event?.orphaned === true ? ` (the inspector's event: orphaned, adopter ${String(event.adopter)})` : ''));
    const after = await lab.message('reparented', (m) => m.pid === childPid);
    say(`child ${childPid}: getppid() now says ${String(after.to)} (it was ${String(after.from)})`);
    check(adopter !== undefined && adopter !== parent.pid, 'the orphan was not seen with a new parent');
    check(after.to === adopter, `the child's getppid() (${String(after.to)}) disagrees with the process table (${String(adopter)})`);
    if (adopter !== undefined) for (const line of adopterStory(snapshot, adopter)) say(line);
    await hold();

    say('The lesson is over: procview closes the pipe the orphan watches (its stdin), and the orphan exits by itself. ' +
      'Its new parent must now reap it.');
    lab.endLifelines();
    const end = await watch.until('the orphan exits', (s) => {
      const row = s.procs.get(childPid);
      return row === undefined || row.state === 'Z' ? { row } : undefined;
    });
    if (end.row === undefined) seeGone(childPid, orphan, `the orphan exited and its adopter ${String(adopter)} reaped it`);
    else {
      see(end.row, `the orphan exited; it is a zombie of its adopter ${String(end.row.ppid)} until that one calls wait() — ` +
        'init reaps lazily on some systems (here PID 1 takes a moment); that zombie is init\'s to collect, not a leak');
    }
  },
});
