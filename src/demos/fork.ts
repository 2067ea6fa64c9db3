// Lesson: fork. Two processes, two PIDs, and memory that is not shared.
import { describeExit, requireNumber, rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';

export const forkDemo = defineDemo({
  name: 'fork',
  summary: "a parent starts a child: two PIDs, the child's PPID is the parent, separate memory",
  async teach({ lab, watch, say, see, seeReaped, hold, check }) {
    say(
      'fork() in C or Python duplicates the running process: both copies continue from the same point with the same ' +
        "variables, in separate memory; fork() returns the child's PID in the parent and 0 in the child.",
    );
    say(
      'Node has no bare fork(). child_process.fork()/spawn() start a NEW Node process that runs a script from its first ' +
        'line (fork + exec in one step), so nothing is copied: the parent hands over what the child should know. Here the ' +
        "parent runs its own script again with role=child, which plays the part of fork()'s return value.",
    );

    const parent = lab.start('fork-lesson');
    const parentHello = await lab.hello(parent.pid);
    say(`parent: I am pid ${parent.pid}, my parent is ${parentHello.ppid} (procview); counter = ${String(parentHello.counter)}`);
    const childPid = requireNumber(await lab.message('forked', (m) => m.pid === parent.pid), 'child');
    say(`parent: started child ${childPid} and handed it counter = 1`);
    const childHello = await lab.hello(childPid);
    say(`child: I am pid ${childPid}, my parent is ${childHello.ppid}; counter = ${String(childHello.counter)}`);
    say(
      "The order of the parent's and the child's lines is not fixed: they are separate processes and the scheduler " +
        'runs them as it likes (here the child usually comes second because a new Node takes a moment to start).',
    );

    const [parentRow, childRow] = await watch.until('parent and child both in the process table', (snapshot) => rowsOf(snapshot, [parent.pid, childPid]));
    see(parentRow, `the parent; its PPID ${String(parentRow.ppid)} is procview, which started it`);
    see(childRow, `the child; its PPID is the parent's PID ${parent.pid}`);
    check(childRow.ppid === parent.pid, `the child's PPID was ${String(childRow.ppid)}, not the parent's PID ${parent.pid}`);
    check(parentRow.ppid === process.pid, `the parent's PPID was ${String(parentRow.ppid)}, not procview's PID`);
    await hold();

    say('Now the child changes its counter to 42, then the parent prints its own.');
    parent.command('change');
    const changed = await lab.message('changed', (m) => m.pid === childPid);
    say(`child: counter = ${String(changed.counter)}`);
    const unchanged = await lab.message('unchanged', (m) => m.pid === parent.pid);
    say(`parent: counter = ${String(unchanged.counter)}`);
    check(changed.counter === 42 && unchanged.counter === 1, 'the counters did not show separate memory');
    say(
      "Separate memory: the child's write is invisible to the parent. After a real fork() the child has a " +
        "copy-on-write copy of the parent's memory; here it has its own from the start. Either way, to share data " +
        'processes must talk (pipes, sockets, messages).',
    );
    await hold();

    parent.command('end-child');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(`parent: child ${childPid} ${describeExit(reaped.code, reaped.signal)}`);
    await seeReaped(childPid, childRow, parent.pid, 'the child is gone: the parent reaped it');
    parent.command('exit');
    await seeReaped(parent.pid, parentRow, process.pid, 'the parent exited; procview, its parent, reaped it');
  },
});
