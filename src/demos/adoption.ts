// What the orphan and double-fork lessons share: seeing an orphan adopted, and
// seeing it end when the lesson is over. What its adopter does with it then
// depends on the machine (a prompt init, a lazy one, a subreaper), so the
// narration says only what the table showed.
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';
import { adopterStory, label } from './facts.js';
import type { Lesson } from './lesson.js';
import { stillThere } from './watch.js';

export interface Adoption {
  /** The orphan's first row under its new parent. */
  readonly row: ProcInfo;
  readonly adopter: number | undefined;
  /** The table at that moment (for names). */
  readonly snapshot: Snapshot;
}

/**
 * Waits until `pid` no longer has `from` as its parent, checks the new parent
 * is none of `formerParents`, and tells who adopted it and why.
 */
export async function seeAdoption(lesson: Lesson, pid: number, from: number, formerParents: readonly number[], what: string): Promise<Adoption> {
  const found = await lesson.watch.until(what, (snapshot) => {
    const row = snapshot.procs.get(pid);
    return row !== undefined && row.ppid !== from ? { row, snapshot } : undefined;
  });
  const adopter = found.row.ppid;
  lesson.check(adopter !== undefined && !formerParents.includes(adopter), t('demo.check.noNewParent', { pid, parent: String(adopter) }));
  return { ...found, adopter };
}

/** The narration for `adoption`: who the adopter is, PID 1 or a subreaper. */
export function tellAdopter(lesson: Lesson, adoption: Adoption): void {
  if (adoption.adopter === undefined) return;
  for (const line of adopterStory(adoption.snapshot, adoption.adopter)) lesson.say(line);
}

/**
 * Ends the lifelines, so the adopted process `pid` (last seen as `last`)
 * exits by itself, and reports what its adopter was seen doing: reaping it at
 * once, after a while, or not within a hold (a lazy init; not our leak).
 */
export async function seeAdoptedExit(lesson: Lesson, pid: number, last: ProcInfo, who: 'orphan' | 'grandchild'): Promise<void> {
  const { lab, watch, holdMs, say, see, seeGone } = lesson;
  const whoWords = who === 'orphan' ? t('demo.adopted.orphan') : t('demo.adopted.grandchild');
  lab.endLifelines();
  const end = await watch.until(t('demo.watch.exits', { who: whoWords }), (snapshot) => {
    const row = snapshot.procs.get(pid);
    if (!stillThere(snapshot, pid, last)) return { zombie: undefined, snapshot };
    return row?.state === 'Z' ? { zombie: row, snapshot } : undefined;
  });
  if (end.zombie === undefined) {
    const by = watch.reaperOf(pid);
    seeGone(
      pid,
      last,
      by === undefined ? t('demo.adopted.goneUnseen', { who: whoWords }) : t('demo.adopted.goneBy', { who: whoWords, adopter: label(end.snapshot, by) }),
    );
    return;
  }
  const { zombie } = end;
  const adopter = label(end.snapshot, zombie.ppid);
  see(zombie, t('demo.adopted.zombie', { who: whoWords, adopter }));
  if (zombie.ppid === process.pid) {
    // Node cannot waitpid() a process it did not spawn: waiting would only show it never happens.
    say(t('demo.adopted.selfZombie'));
    return;
  }
  const since = Date.now();
  const gone = await watch.within(holdMs, (snapshot) => (stillThere(snapshot, pid, last) ? undefined : true));
  const waited = t('demo.seconds', { seconds: ((Date.now() - since) / 1000).toFixed(1) });
  if (gone === undefined) {
    say(t('demo.adopted.lazy', { waited, adopter }));
    return;
  }
  const by = watch.reaperOf(pid);
  seeGone(
    pid,
    zombie,
    by === undefined ? t('demo.adopted.zombieGoneUnseen', { waited }) : t('demo.adopted.zombieReaped', { adopter: label(end.snapshot, by), waited }),
  );
}
