// "Not read yet": a record whose status and cmdline the backend left for later
// (InspectorOptions.details 'on-demand'), so a dashboard of thousands of
// processes reads them for the rows it shows rather than for every process.
// Distinct from unknown: such a record's uid, user, stat and args are
// undefined only because nobody asked yet (RSS is stat's field 24 until then),
// and it must never reach the screen as a value; Inspector.readDetails reads
// it, and withDetails gives the record as read.
//
// The mark is a symbol-keyed field of the record itself (freezeProc copies it),
// so a copy made for another reason (%CPU settled to 0, a parent turned zombie)
// stays not read, and marking costs nothing beside building the record (a
// WeakSet of thousands of records did: 4–50 ms a scan). JSON, Object.keys and
// structured clones never see it. What was read after the scan is kept beside
// the records (few: the rows on screen), so a record read once stays read
// wherever the stream and the view hold it.
import type { ProcInfo } from './types.js';

/** The mark of a record not read yet (snapshot.ts freezeProc copies it; true or absent). */
export const NOT_READ: unique symbol = Symbol('procview.notRead');

/** A record as freezeProc takes it: its fields and the mark. */
export type MaybeNotRead = { readonly [NOT_READ]?: true | undefined };

const readAs = new WeakMap<ProcInfo, ProcInfo>();

/** Whether `proc`'s status and cmdline fields were not read yet (and no read version of it exists). */
export function isNotRead(proc: ProcInfo): boolean {
  return (proc as MaybeNotRead)[NOT_READ] === true && !readAs.has(proc);
}

/** Records `read` as what `proc` is once its details are read (backends only). */
export function noteRead(proc: ProcInfo, read: ProcInfo): void {
  readAs.set(proc, read);
}

/** `proc` with its details read, when they were read since it was built; else `proc` itself. */
export function withDetails(proc: ProcInfo): ProcInfo {
  return readAs.get(proc) ?? proc;
}
