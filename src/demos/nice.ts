// Lesson: nice. CPU-bound children at nice 0 and 10, more of them than CPUs,
// so the scheduler must share and the NI column decides the shares.
import { availableParallelism } from 'node:os';
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
  summary: 'busy children at nice 0 and nice 10, more than the CPUs: NI and CPU shares differ',
  async teach({ lab, watch, holdMs, say, see, check }) {
    const cpus = availableParallelism();
    const perLevel = Math.min(MAX_PER_LEVEL, Math.ceil((cpus + 1) / 2));
    const saturated = perLevel * 2 > cpus;
    say(
      'The nice value (ps column NI) runs from -20 (least nice, most CPU) to 19 (nicest). It only matters when ' +
        'processes compete for a CPU: the scheduler gives each a weight, about 10% less per step, so nice 0 (weight 1024) ' +
        'gets roughly nine times the CPU of nice 10 (weight 110). STAT shows N for nice > 0 and < for nice < 0.',
    );
    say(
      `This machine offers ${cpus} CPU(s) (os.availableParallelism()). The parent starts ${perLevel} busy loop(s) at ` +
        `nice 0 and ${perLevel} it renices to 10 (like renice -n 10 -p PID): ${perLevel * 2} loops for ${cpus} CPU(s).`,
    );
    if (!saturated) say('With this many CPUs the loops cannot all be kept busy; the shares may not differ.');

    const parent = lab.start('nice-parent', [`per-level=${perLevel}`]);
    await lab.hello(parent.pid);
    const burners: number[] = [];
    for (let index = 0; index < perLevel * 2; index += 1) {
      burners.push(await lab.spawnedBy(parent.pid));
    }
    const wanted = new Map(burners.map((pid, index) => [pid, index < perLevel ? 0 : NICER]));
    for (let index = 0; index < perLevel; index += 1) {
      const reniced = await lab.message('reniced', (m) => m.pid === parent.pid);
      if (!check(reniced.ok === true, `renice to 10 failed: ${stringField(reniced, 'message') ?? '?'}`)) return;
    }

    const [parentRow, ...rows] = await watch.until('every loop with its nice value', (snapshot) =>
      rowsOf(snapshot, [parent.pid, ...burners], (row) => row.pid === parent.pid || row.nice === wanted.get(row.pid)),
    );
    for (const row of rows) see(row, `NI ${String(row.nice)}: a busy loop${row.nice === NICER ? ' (N in STAT: niced)' : ''}`);

    say(`Measuring CPU use over ${holdMs / 1000} s with a fresh pair of snapshots (CPU time used / wall time, as top does)...`);
    const measured = await watch.measure(holdMs);
    const shares = new Map<number, number[]>([
      [0, []],
      [NICER, []],
    ]);
    for (const pid of burners) {
      const row = measured.procs.get(pid);
      if (row?.cpuPercent === undefined) continue;
      see(row, `NI ${String(row.nice)}: ${row.cpuPercent.toFixed(0)}% of a CPU over the last ${holdMs / 1000} s`);
      shares.get(row.nice ?? -1)?.push(row.cpuPercent);
    }
    const plain = mean(shares.get(0) ?? []);
    const nicer = mean(shares.get(NICER) ?? []);
    const ratio = nicer > 0 ? `${(plain / nicer).toFixed(1)}×` : 'far more than';
    say(`On average a nice-0 loop got ${plain.toFixed(0)}% of a CPU and a nice-10 loop ${nicer.toFixed(0)}%: ${ratio} as much.`);
    if (saturated) check(plain > nicer * MIN_RATIO, `nice 0 got ${plain.toFixed(0)}% and nice 10 ${nicer.toFixed(0)}%: no visible difference`);

    const target = burners[perLevel];
    // The parent's effective uid as the table shows it (ps UID), not as it says.
    const uid = parentRow?.uid;
    say(
      `Raising a nice value is allowed to anyone for their own processes. Lowering it (more CPU for yourself) needs ` +
        `privilege: CAP_SYS_NICE, as root has, or an RLIMIT_NICE allowance. The parent (uid ${String(uid)}) now tries to ` +
        `lower pid ${String(target)} from 10 to 5.`,
    );
    parent.command('lower');
    const lowered = await lab.message('lowered', (m) => m.pid === parent.pid);
    if (lowered.ok === true && target !== undefined) {
      const row = await watch.proc(target, 'the lowered nice value', (r) => r.nice === 5);
      say(
        `Allowed: the parent runs as ${uid === 0 ? 'root (uid 0), which has CAP_SYS_NICE' : `uid ${String(uid)} with the privilege to do so`}. ` +
          'An ordinary user would get EACCES (setpriority: Permission denied).',
      );
      see(row, 'NI 5 now: lowered, because the parent was privileged');
    } else {
      const code = stringField(lowered, 'code') ?? '?';
      say(
        `Refused with ${code}: ${stringField(lowered, 'message') ?? ''}. ${
          code === 'EACCES'
            ? 'EACCES is the kernel saying "only a privileged process may lower a nice value".'
            : 'EPERM means the target belongs to another user.'
        }`,
      );
      check(code === 'EACCES' || code === 'EPERM', `lowering nice failed unexpectedly: ${code}`);
      if (target !== undefined) {
        const row = await watch.proc(target, 'the refused loop');
        check(row.nice === NICER, `after the refusal pid ${target} shows NI ${String(row.nice)}, not ${NICER}`);
        see(row, `NI ${String(row.nice)}: unchanged, the request was refused`);
      }
    }

    say('The parent now ends its loops and exits.');
    parent.command('exit');
    await watch.allGone(parentRow === undefined ? rows : [parentRow, ...rows], 'the parent and its loops gone');
    say(`parent ${parent.pid} and its ${burners.length} loops have left the process table.`);
  },
});
