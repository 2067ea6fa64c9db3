// Lesson: nice. CPU-bound children at nice 0 and 10, more of them than CPUs,
// so the scheduler must share and the NI column decides the shares.
import { availableParallelism } from 'node:os';
import { t } from '../text/i18n/message.js';
import { rowsOf } from './facts.js';
import { defineDemo } from './lesson.js';
import { stringField } from './messages.js';

const MAX_PER_LEVEL = 16;
const NICER = 10;
/** nice 0 weighs 1024 and nice 10 weighs 110 in the kernel's table: ~9×. Demand clearly more than 1.5×. */
const MIN_RATIO = 1.5;

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export const niceDemo = defineDemo({
  name: 'nice',
  summary: 'demo.nice.summary',
  async teach({ lab, watch, holdMs, say, see, check }) {
    const cpus = availableParallelism();
    const perLevel = Math.min(MAX_PER_LEVEL, Math.ceil((cpus + 1) / 2));
    const saturated = perLevel * 2 > cpus;
    say(t('demo.nice.intro'));
    say(t('demo.nice.plan', { cpus, perLevel, loops: perLevel * 2 }));
    if (!saturated) say(t('demo.nice.notSaturated'));

    const parent = lab.start('nice-parent', [`per-level=${perLevel}`]);
    await lab.hello(parent.pid);
    const burners: number[] = [];
    for (let index = 0; index < perLevel * 2; index += 1) {
      burners.push(await lab.spawnedBy(parent.pid));
    }
    const wanted = new Map(burners.map((pid, index) => [pid, index < perLevel ? 0 : NICER]));
    for (let index = 0; index < perLevel; index += 1) {
      const reniced = await lab.message('reniced', (m) => m.pid === parent.pid);
      if (!check(reniced.ok === true, t('demo.check.reniceFailed', { why: stringField(reniced, 'message') ?? '?' }))) return;
    }

    const [parentRow, ...rows] = await watch.until(t('demo.watch.loops'), (snapshot) =>
      rowsOf(snapshot, [parent.pid, ...burners], (row) => row.pid === parent.pid || row.nice === wanted.get(row.pid)),
    );
    for (const row of rows) see(row, t('demo.nice.loop', { nice: String(row.nice), niced: row.nice === NICER ? t('demo.nice.niced') : '' }));

    say(t('demo.nice.measuring', { seconds: holdMs / 1000 }));
    const measured = await watch.measure(holdMs);
    const shares = new Map<number, number[]>([
      [0, []],
      [NICER, []],
    ]);
    for (const pid of burners) {
      const row = measured.procs.get(pid);
      if (row?.cpuPercent === undefined) continue;
      see(row, t('demo.nice.share', { nice: String(row.nice), percent: row.cpuPercent.toFixed(0), seconds: holdMs / 1000 }));
      shares.get(row.nice ?? -1)?.push(row.cpuPercent);
    }
    const plain = mean(shares.get(0) ?? []);
    const nicer = mean(shares.get(NICER) ?? []);
    const ratio = nicer > 0 ? t('demo.nice.times', { ratio: (plain / nicer).toFixed(1) }) : t('demo.nice.farMore');
    say(t('demo.nice.average', { plain: plain.toFixed(0), nicer: nicer.toFixed(0), ratio }));
    if (saturated) check(plain > nicer * MIN_RATIO, t('demo.check.noDifference', { plain: plain.toFixed(0), nicer: nicer.toFixed(0) }));

    const target = burners[perLevel];
    // The parent's effective uid as the table shows it (ps UID), not as it says.
    const uid = parentRow?.uid;
    say(t('demo.nice.lower', { uid: String(uid), target: String(target) }));
    parent.command('lower');
    const lowered = await lab.message('lowered', (m) => m.pid === parent.pid);
    if (lowered.ok === true && target !== undefined) {
      const row = await watch.proc(target, t('demo.watch.lowered'), (r) => r.nice === 5);
      say(t('demo.nice.allowed', { who: uid === 0 ? t('demo.nice.root') : t('demo.nice.privileged', { uid: String(uid) }) }));
      see(row, t('demo.nice.lowered'));
    } else {
      const code = stringField(lowered, 'code') ?? '?';
      say(
        t('demo.nice.refused', { code, message: stringField(lowered, 'message') ?? '', why: code === 'EACCES' ? t('demo.nice.eacces') : t('demo.nice.eperm') }),
      );
      check(code === 'EACCES' || code === 'EPERM', t('demo.check.lowerFailed', { code }));
      if (target !== undefined) {
        const row = await watch.proc(target, t('demo.watch.refusedLoop'));
        check(row.nice === NICER, t('demo.check.afterRefusal', { pid: target, nice: String(row.nice), expected: NICER }));
        see(row, t('demo.nice.unchanged', { nice: String(row.nice) }));
      }
    }

    say(t('demo.nice.ending'));
    parent.command('exit');
    await watch.allGone(parentRow === undefined ? rows : [parentRow, ...rows], t('demo.watch.loopsGone'));
    say(t('demo.nice.gone', { parent: parent.pid, loops: burners.length }));
  },
});
