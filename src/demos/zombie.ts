// Lesson: zombie. A child exits while its parent does not call wait(): it
// stays in the table as Z <defunct> until the parent finally reaps it.
import { describeExit } from './facts.js';
import { defineDemo } from './lesson.js';

export const zombieDemo = defineDemo({
  name: 'zombie',
  summary: 'a child exits while its busy parent does not reap it: Z <defunct>, then reaped',
  async teach({ lab, watch, holdMs, say, see, seeReaped, hold, check }) {
    say(
      'When a process exits, the kernel frees its memory but keeps its entry in the process table — pid and exit ' +
        'status — until the parent collects it with wait()/waitpid(). Until then it is a zombie: STAT Z, shown by ps as ' +
        '"<defunct>".',
    );
    say(
      'Node normally reaps for you: libuv catches SIGCHLD and calls waitpid() from the event loop. So this parent ' +
        'stops its event loop instead — its JavaScript sits in a synchronous Atomics.wait() loop, like a C program busy ' +
        'with something else that never calls wait().',
    );

    const parent = lab.start('zombie-parent');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    await lab.message('blocking', (m) => m.pid === parent.pid);
    say(`parent ${parent.pid}: started child ${childPid}, and now my event loop is stopped.`);
    const childRow = await watch.proc(childPid, 'the child in the process table');
    if (childRow.state !== 'Z') see(childRow, `the child, running; it will exit in ${holdMs / 1000} s`);

    const [zombie, parentRow] = await watch.until(
      'the child as a zombie under its live parent',
      (snapshot) => {
        const z = snapshot.procs.get(childPid);
        const p = snapshot.procs.get(parent.pid);
        return z?.state === 'Z' && p !== undefined && p.state !== 'Z' ? ([z, p] as const) : undefined;
      },
      holdMs + 10_000,
    );
    see(
      zombie,
      `ZOMBIE: the child has exited, but its parent ${String(zombie.ppid)} has not called waitpid(); ` + `ps shows it as "[${zombie.comm ?? '?'}] <defunct>"`,
    );
    check(zombie.ppid === parent.pid, `the zombie's PPID was ${String(zombie.ppid)}, not the parent ${parent.pid}`);
    see(
      parentRow,
      `the parent is alive (${parentRow.state === 'S' ? 'asleep in Atomics.wait' : `STAT ${String(parentRow.stat)}`}), ` +
        'its event loop stopped: nobody reaps the child',
    );
    const since = Date.now();
    await hold();

    const still = await watch.proc(childPid, 'the zombie still there', () => true, 1_000);
    check(still.state === 'Z', `the child was no longer a zombie after the hold (STAT ${String(still.stat)})`);
    see(
      still,
      `still a zombie after ${((Date.now() - since) / 1000).toFixed(1)} s: it uses no memory or CPU, ` +
        'only a slot in the process table (too many of them and fork() fails)',
    );

    say('procview now lets the parent return to its event loop: libuv handles the pending SIGCHLD and calls waitpid().');
    parent.command('release');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(`parent: reaped child ${childPid}, which ${describeExit(reaped.code, reaped.signal)}`);
    await seeReaped(childPid, zombie, parent.pid, `reaped by ${parent.pid}: the zombie is gone from the process table`);
    await hold();

    parent.command('exit');
    if (await seeReaped(parent.pid, parentRow, process.pid, 'the parent exited and procview, its parent, reaped it')) {
      say('No zombie is left.');
    }
  },
});
