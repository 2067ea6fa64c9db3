// Lesson: wait. The parent blocks until its child ends, then has its pid and
// status — and the same call removed the zombie.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';
import { stillThere } from './watch.js';

const EXPECTED_STATUS = 3;

export const waitDemo = defineDemo({
  name: 'wait',
  summary: 'the parent blocks in wait() until its child exits with status 3; no zombie is left',
  async teach({ lab, watch, holdMs, say, see, seeReaped, hold, check }) {
    say(
      "wait() puts the parent to sleep until one of its children ends, then returns that child's pid and status, " +
        'and in the same step removes the child from the process table. A parent that waits leaves no zombie.',
    );
    say(
      'In Node the blocking form is child_process.spawnSync(): it starts the child and returns only after the child ' +
        'has exited and been reaped (libuv calls waitpid() inside), with its pid and status. The parent runs no JavaScript ' +
        "meanwhile. (Asynchronous code would `await once(child, 'exit')` and keep its event loop running — see the " +
        'waitpid lesson.)',
    );

    const parent = lab.start('wait-parent');
    await lab.hello(parent.pid);
    await lab.message('waiting', (m) => m.pid === parent.pid);
    // spawnSync gives the parent no pid before it returns; the child announces itself.
    const childHello = await lab.message('hello', (m) => m.ppid === parent.pid);
    const childPid = childHello.pid;
    say(`parent ${parent.pid}: in spawnSync(), waiting. child ${childPid}: working until told to exit(${EXPECTED_STATUS}).`);

    // The parent sleeps in the kernel for the whole wait: S.
    const [parentRow, childRow] = await watch.until('parent and child', (snapshot) =>
      rowsOf(snapshot, [parent.pid, childPid], (row) => row.pid !== parent.pid || row.state === 'S'),
    );
    see(childRow, `the child, working; its parent is ${String(childRow.ppid)}`);
    see(parentRow, 'the parent, asleep in its wait (spawnSync): no JavaScript runs in it until the child is gone');
    check(childRow.ppid === parent.pid, `the child's PPID was ${String(childRow.ppid)}, not ${parent.pid}`);
    await hold();
    // The parent cannot pass anything on while it waits: the child reads procview's commands itself.
    say(`procview tells the child to finish; it exits with status ${EXPECTED_STATUS}.`);
    parent.command('finish');

    let looks = 0;
    let zombieSightings = 0;
    await watch.until(
      'the child ends',
      (snapshot) => {
        const row = snapshot.procs.get(childPid);
        looks += 1;
        if (row?.state === 'Z') zombieSightings += 1;
        return stillThere(snapshot, childPid, childRow) ? undefined : true;
      },
      holdMs + 10_000,
    );
    const waited = await lab.message('waited', (m) => m.pid === parent.pid);
    const seconds = (requireNumber(waited, 'waitedMs') / 1000).toFixed(1);
    say(`parent: spawnSync() returned after ${seconds} s with pid ${String(waited.child)}: the child ${describeExit(waited.code, waited.signal)}`);
    check(waited.child === childPid, `the wait returned pid ${String(waited.child)}, not ${childPid}`);
    check(waited.code === EXPECTED_STATUS, `the wait returned status ${String(waited.code)}, not ${EXPECTED_STATUS}`);
    await seeReaped(
      childPid,
      childRow,
      parent.pid,
      zombieSightings === 0
        ? `gone, reaped by the parent; never seen as Z in ${looks} looks at the table: the wait collected it as it exited`
        : `gone, reaped by the parent; it was seen as Z ${zombieSightings}× in ${looks} looks, in the instant between its exit and the wait`,
    );

    parent.command('exit');
    if (await seeReaped(parent.pid, parentRow, process.pid, 'the parent exited; procview, its parent, reaped it')) {
      say('No zombie is left.');
    }
  },
});
