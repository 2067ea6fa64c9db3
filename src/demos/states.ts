// Lesson: states. One process per letter of ps's STAT column — R, S, T, Z —
// and the modifiers that show up beside them.
import { sendSignal } from '../inspect/control.js';
import { modifierWords } from '../inspect/stat-words.js';
import type { ProcInfo } from '../inspect/types.js';
import { LessonProblem } from './problem.js';
import { describeExit } from './facts.js';
import { defineDemo, type Lesson } from './lesson.js';

function explainModifiers(stat: string | undefined): string {
  const words = [...(stat ?? '').slice(1)].map((letter) => `${letter} = ${modifierWords(letter) ?? 'see ps(1)'}`);
  return words.length === 0 ? 'no modifiers' : words.join('; ');
}

async function childWithRole(lesson: Lesson, parent: number, role: string): Promise<number> {
  const hello = await lesson.lab.message('hello', (m) => m.ppid === parent && m.role === role);
  return hello.pid;
}

async function signal(row: ProcInfo, name: 'STOP' | 'CONT'): Promise<void> {
  // The inspection core's control checks pid + start time again right before the kill.
  const outcome = await sendSignal({ pid: row.pid, startTime: row.startTime, comm: row.comm }, name);
  if (!outcome.ok) throw new LessonProblem(outcome.message);
}

export const statesDemo = defineDemo({
  name: 'states',
  summary: 'processes held in R (busy), S (sleeping), T (stopped) and Z (zombie), with STAT modifiers explained',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hold, check } = lesson;
    say("ps's STAT column is one state letter followed by modifier letters. This lesson holds one process in each of " + 'the common states.');

    const parent = lab.start('states-parent');
    await lab.hello(parent.pid);
    const busy = await childWithRole(lesson, parent.pid, 'busy');
    const sleeper = await childWithRole(lesson, parent.pid, 'sleeper');
    const stopped = await childWithRole(lesson, parent.pid, 'stopped');
    const reniced = await lab.message('reniced', (m) => m.pid === parent.pid);
    check(reniced.ok === true, 'could not renice the sleeping child');

    const rows = await watch.until('R, S and S with N', (snapshot) => {
      const found = [parent.pid, busy, sleeper, stopped, process.pid].map((pid) => snapshot.procs.get(pid));
      const [p, b, s, t, self] = found;
      const ready = p?.state === 'S' && b?.state === 'R' && s?.state === 'S' && s.nice === 5 && t?.state === 'S' && self !== undefined;
      return ready ? { p, b, s, t, self } : undefined;
    });
    see(rows.b, `R = running or runnable (on a CPU or waiting for one): a busy loop. ${explainModifiers(rows.b.stat)}`);
    see(rows.s, `S = interruptible sleep, waiting for an event (its event loop sits in epoll_wait). ${explainModifiers(rows.s.stat)}`);
    see(rows.p, `the parent, also S. ${explainModifiers(rows.p.stat)}`);
    see(
      rows.self,
      `procview itself. ${
        rows.self.stat?.includes('+') === true
          ? explainModifiers(rows.self.stat)
          : `${explainModifiers(rows.self.stat)}. No + here: procview is not in its terminal's foreground group (its output ` +
            'goes to a pipe, or it has no terminal); started from an interactive shell it shows +'
      }. The lesson's processes never show +: their own session has no terminal at all.`,
    );
    await hold();

    say(`procview sends SIGSTOP to ${stopped} (kill -STOP ${stopped}; Ctrl-Z in a shell sends SIGTSTP, which stops the same way).`);
    await signal(rows.t, 'STOP');
    const stoppedRow = await watch.proc(stopped, 'the stopped child', (row) => row.state === 'T');
    see(
      stoppedRow,
      'T = stopped by a job-control signal: it keeps its memory but gets no CPU until SIGCONT ' + '(a lower-case t would mean stopped by a debugger)',
    );
    await hold();
    await signal(stoppedRow, 'CONT');
    const continued = await watch.proc(stopped, 'the continued child', (row) => row.state !== 'T');
    see(continued, `SIGCONT: continued, no longer T${continued.state === 'S' ? ': back to sleeping' : ''}`);

    say(
      'Z: the parent starts a child that exits at once, while the parent keeps its event loop stopped so that ' +
        'Node cannot reap it (see the zombie lesson).',
    );
    parent.command('zombie');
    const zombiePid = await childWithRole(lesson, parent.pid, 'zombie');
    const zombie = await watch.proc(zombiePid, 'the zombie child', (row) => row.state === 'Z');
    see(zombie, `Z = zombie ("<defunct>"): exited, waiting for its parent ${String(zombie.ppid)} to collect the status`);
    check(zombie.ppid === parent.pid, `the zombie's parent was ${String(zombie.ppid)}`);
    await hold();
    parent.command('release');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(`parent: reaped child ${zombiePid}, which ${describeExit(reaped.code, reaped.signal)}`);
    await seeReaped(zombiePid, zombie, parent.pid, 'reaped: its parent collected the status, and the Z is gone');

    say(
      'Other letters you may meet: D = uninterruptible sleep (usually waiting for a disk or network filesystem), ' +
        'I = idle kernel thread, t = stopped by a debugger, X = dead (never seen in practice); modifiers < (nice < 0) and ' +
        'L (locked pages).',
    );
    parent.command('exit');
    await watch.allGone([rows.p, rows.b, rows.s, continued], 'the parent and its children gone');
    say(`parent ${parent.pid} ended its children and exited: all of them have left the process table.`);
  },
});
