// Lesson: states. One process per letter of ps's STAT column — R, S, T, Z —
// and the modifiers that show up beside them.
import { sendSignal } from '../inspect/control.js';
import { modifierWords } from '../inspect/stat-words.js';
import type { ProcInfo } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';
import { LessonProblem } from './problem.js';
import { describeExit } from './facts.js';
import { defineDemo, type Lesson } from './lesson.js';

function explainModifiers(stat: string | undefined): string {
  const words = [...(stat ?? '').slice(1)].map((letter) => `${letter} = ${modifierWords(letter) ?? t('demo.states.seePs')}`);
  return words.length === 0 ? t('demo.states.noModifiers') : words.join(t('demo.states.separator'));
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
  summary: 'demo.states.summary',
  async teach(lesson) {
    const { lab, watch, say, see, seeReaped, hold, check } = lesson;
    say(t('demo.states.intro'));

    const parent = lab.start('states-parent');
    await lab.hello(parent.pid);
    const busy = await childWithRole(lesson, parent.pid, 'busy');
    const sleeper = await childWithRole(lesson, parent.pid, 'sleeper');
    const stopped = await childWithRole(lesson, parent.pid, 'stopped');
    const reniced = await lab.message('reniced', (m) => m.pid === parent.pid);
    check(reniced.ok === true, t('demo.check.reniceSleeper'));

    const rows = await watch.until(t('demo.watch.rss'), (snapshot) => {
      const found = [parent.pid, busy, sleeper, stopped, process.pid].map((pid) => snapshot.procs.get(pid));
      const [p, b, s, t, self] = found;
      const ready = p?.state === 'S' && b?.state === 'R' && s?.state === 'S' && s.nice === 5 && t?.state === 'S' && self !== undefined;
      return ready ? { p, b, s, t, self } : undefined;
    });
    see(rows.b, t('demo.states.r', { modifiers: explainModifiers(rows.b.stat) }));
    see(rows.s, t('demo.states.s', { modifiers: explainModifiers(rows.s.stat) }));
    see(rows.p, t('demo.states.parent', { modifiers: explainModifiers(rows.p.stat) }));
    see(
      rows.self,
      t('demo.states.self', {
        modifiers:
          rows.self.stat?.includes('+') === true ? explainModifiers(rows.self.stat) : t('demo.states.noPlus', { modifiers: explainModifiers(rows.self.stat) }),
      }),
    );
    await hold();

    say(t('demo.states.sigstop', { pid: stopped }));
    await signal(rows.t, 'STOP');
    const stoppedRow = await watch.proc(stopped, t('demo.watch.stopped'), (row) => row.state === 'T');
    see(stoppedRow, t('demo.states.t'));
    await hold();
    await signal(stoppedRow, 'CONT');
    const continued = await watch.proc(stopped, t('demo.watch.continued'), (row) => row.state !== 'T');
    see(continued, t('demo.states.continued', { sleeping: continued.state === 'S' ? t('demo.states.backToSleep') : '' }));

    say(t('demo.states.zIntro'));
    parent.command('zombie');
    const zombiePid = await childWithRole(lesson, parent.pid, 'zombie');
    const zombie = await watch.proc(zombiePid, t('demo.watch.zombieChild'), (row) => row.state === 'Z');
    see(zombie, t('demo.states.z', { ppid: String(zombie.ppid) }));
    check(zombie.ppid === parent.pid, t('demo.check.zombieParent', { ppid: String(zombie.ppid) }));
    await hold();
    parent.command('release');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(t('demo.zombie.reaped', { child: zombiePid, exit: describeExit(reaped.code, reaped.signal) }));
    await seeReaped(zombiePid, zombie, parent.pid, t('demo.states.reaped'));

    say(t('demo.states.others'));
    parent.command('exit');
    await watch.allGone([rows.p, rows.b, rows.s, continued], t('demo.watch.childrenGone'));
    say(t('demo.states.gone', { parent: parent.pid }));
  },
});
