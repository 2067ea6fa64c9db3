// What the orphan and double-fork lessons share: seeing an orphan adopted, and
// seeing it end when the lesson is over. What its adopter does with it then
// depends on the machine (a prompt init, a lazy one, a subreaper), so the
// narration says only what the table showed.
import type { ProcInfo, Snapshot } from '../inspect/types.js';
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
  lesson.check(adopter !== undefined && !formerParents.includes(adopter), `pid ${pid} was not seen with a new parent (its parent is ${String(adopter)})`);
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
export async function seeAdoptedExit(lesson: Lesson, pid: number, last: ProcInfo, who: string): Promise<void> {
  const { lab, watch, holdMs, say, see, seeGone } = lesson;
  lab.endLifelines();
  const end = await watch.until(`the ${who} exits`, (snapshot) => {
    const row = snapshot.procs.get(pid);
    if (!stillThere(snapshot, pid, last)) return { zombie: undefined, snapshot };
    return row?.state === 'Z' ? { zombie: row, snapshot } : undefined;
  });
  if (end.zombie === undefined) {
    const by = watch.reaperOf(pid);
    seeGone(
      pid,
      last,
      by === undefined
        ? `the ${who} exited and left the table (who reaped it was not seen)`
        : `the ${who} exited and its adopter ${label(end.snapshot, by)} reaped it before procview looked again`,
    );
    return;
  }
  const { zombie } = end;
  const adopter = label(end.snapshot, zombie.ppid);
  see(zombie, `the ${who} exited: a zombie of its adopter ${adopter} until that one calls wait()`);
  if (zombie.ppid === process.pid) {
    // Node cannot waitpid() a process it did not spawn: waiting would only show it never happens.
    say(
      `That adopter is procview itself, which cannot wait() for a process it did not start. The zombie stays until ` +
        'procview exits; then it is orphaned once more, and its next adopter (PID 1 or a subreaper above) reaps it. ' +
        'This is what a subreaper that does not do its duty looks like.',
    );
    return;
  }
  const since = Date.now();
  const gone = await watch.within(holdMs, (snapshot) => (stillThere(snapshot, pid, last) ? undefined : true));
  const waited = `${((Date.now() - since) / 1000).toFixed(1)} s`;
  if (gone === undefined) {
    say(
      `After ${waited} ${adopter} has still not reaped it: this adopter reaps lazily. That zombie is its to collect, ` +
        'not a leak of the lesson: the process has exited and holds no memory, only its slot in the table until that wait().',
    );
    return;
  }
  const by = watch.reaperOf(pid);
  seeGone(
    pid,
    zombie,
    by === undefined
      ? `the zombie left the table within ${waited} (who reaped it was not seen)`
      : `reaped by its adopter ${label(end.snapshot, by)} within ${waited}`,
  );
}
