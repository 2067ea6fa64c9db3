// Lesson: zombie. A child exits while its parent does not call wait(): it
// stays in the table as Z <defunct> until the parent finally reaps it.
import { t } from '../text/i18n/message.js';
import { describeExit } from './facts.js';
import { defineDemo } from './lesson.js';

export const zombieDemo = defineDemo({
  name: 'zombie',
  summary: 'demo.zombie.summary',
  async teach({ lab, watch, holdMs, say, see, seeReaped, hold, check }) {
    say(t('demo.zombie.intro1'));
    say(t('demo.zombie.intro2'));

    const parent = lab.start('zombie-parent');
    await lab.hello(parent.pid);
    const childPid = await lab.spawnedBy(parent.pid);
    await lab.message('blocking', (m) => m.pid === parent.pid);
    say(t('demo.zombie.started', { parent: parent.pid, child: childPid }));
    const childRow = await watch.proc(childPid, t('demo.watch.childInTable'));
    if (childRow.state !== 'Z') see(childRow, t('demo.zombie.childRunning', { seconds: holdMs / 1000 }));

    const [zombie, parentRow] = await watch.until(
      t('demo.watch.zombieUnderParent'),
      (snapshot) => {
        const z = snapshot.procs.get(childPid);
        const p = snapshot.procs.get(parent.pid);
        return z?.state === 'Z' && p !== undefined && p.state !== 'Z' ? ([z, p] as const) : undefined;
      },
      holdMs + 10_000,
    );
    see(zombie, t('demo.zombie.seen', { ppid: String(zombie.ppid), comm: zombie.comm ?? '?' }));
    check(zombie.ppid === parent.pid, t('demo.check.zombiePpid', { ppid: String(zombie.ppid), parent: parent.pid }));
    see(parentRow, t('demo.zombie.parentAlive', { how: parentRow.state === 'S' ? t('demo.zombie.asleep') : `STAT ${String(parentRow.stat)}` }));
    const since = Date.now();
    await hold();

    const still = await watch.proc(childPid, t('demo.watch.zombieStill'), () => true, 1_000);
    check(still.state === 'Z', t('demo.check.noLongerZombie', { stat: String(still.stat) }));
    see(still, t('demo.zombie.still', { seconds: ((Date.now() - since) / 1000).toFixed(1) }));

    say(t('demo.zombie.release'));
    parent.command('release');
    const reaped = await lab.message('reaped', (m) => m.pid === parent.pid);
    say(t('demo.zombie.reaped', { child: childPid, exit: describeExit(reaped.code, reaped.signal) }));
    await seeReaped(childPid, zombie, parent.pid, t('demo.zombie.gone', { parent: parent.pid }));
    await hold();

    parent.command('exit');
    if (await seeReaped(parent.pid, parentRow, process.pid, t('demo.parentReapedByUs'))) {
      say(t('demo.noZombieLeft'));
    }
  },
});
