// Lesson: wait. The parent blocks until its child ends, then has its pid and
// status — and the same call removed the zombie.
import { describeExit, requireNumber } from './facts.js';
import { defineDemo } from './lesson.js';

const EXPECTED_STATUS = 3;

export const waitDemo = defineDemo({
  name: 'wait',
  summary: 'the parent blocks in wait() until its child exits with status 3; no zombie is left',
  async teach({ lab, watch, holdMs, say, see, seeGone, hold, check }) {
    say('wait() puts the parent to sleep until one of its children ends, then returns that child\'s pid and status, ' +
      'and in the same step removes the child from the process table. A parent that waits leaves no zombie.');
    say('In Node the blocking form is child_process.spawnSync(): it starts the child and returns only after the child ' +
      'has exited and been reaped (libuv calls waitpid() inside), with its pid and status. The parent runs no JavaScript ' +
      'meanwhile. (Asynchronous code would `await once(child, \'exit\')` and keep its event loop running — see the ' +
      'waitpid lesson.)');

    const parent = lab.start('wait-parent');
    await lab.message('hello', (m) => m.pid === parent.pid);
    await lab.message('waiting', (m) => m.pid === parent.pid);
    // spawnSync gives the parent no pid before it returns; the child announces itself.
    const childHello = await lab.message('hello', (m) => m.ppid === parent.pid);
    const childPid = childHello.pid;
    say(`parent ${parent.pid}: in spawnSync(), waiting. child ${childPid}: working until told to exit(${EXPECTED_STATUS}).`);

    const [parentRow, childRow] = await watch.until('parent and child', (snapshot) => {
      const p = snapshot.procs.get(parent.pid);
      const c = snapshot.procs.get(childPid);
      return p !== undefined && c !== undefined ? ([p, c] as const) : undefined;
    });
    see(childRow, `the child, working; its parent is ${String(childRow.ppid)}`);
    see(parentRow, 'the parent, asleep in its wait (spawnSync): no JavaScript runs in it until the child is gone');
    check(childRow.ppid === parent.pid, `the child's PPID was ${String(childRow.ppid)}, not ${parent.pid}`);
    await hold();
    // The parent cannot pass anything on while it waits: the child reads procview's commands itself.
    say(`procview tells the child to finish; it exits with status ${EXPECTED_STATUS}.`);
    parent.command('finish');

    let zombieSightings = 0;
    await watch.until('the child ends', (snapshot) => {
      const row = snapshot.procs.get(childPid);
      if (row?.state === 'Z') zombieSightings += 1;
      return row === undefined ? true : undefined;
    }, holdMs + 10_000);
    const waited = await lab.message('waited', (m) => m.pid === parent.pid);
    const seconds = (requireNumber(waited, 'waitedMs') / 1000).toFixed(1);
    say(`parent: spawnSync() returned after ${seconds} s with pid ${String(waited.child)}: the child ${describeExit(waited.code, waited.signal)}`);
    check(waited.child === childPid, `the wait returned pid ${String(waited.child)}, not ${childPid}`);
    check(waited.code === EXPECTED_STATUS, `the wait returned status ${String(waited.code)}, not ${EXPECTED_STATUS}`);
    seeGone(childPid, childRow, zombieSightings === 0
      ? 'gone without ever showing as Z: the wait collected it the moment it exited'
      : `gone; it was a zombie only for the instant between its exit and the wait (seen ${zombieSightings}×)`);

    parent.command('exit');
    await watch.gone(parent.pid, 'the parent leaves the process table', parentRow);
    say(`parent ${parent.pid} exited; procview reaped it. No zombie is left.`);
  },
});
