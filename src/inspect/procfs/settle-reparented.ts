// A scan reads /proc pid by pid, so it is not one instant: a parent (lower
// pid) can be read still running and its child, read a moment later, already
// under its adopter. Such a table shows a reparented child next to a parent
// that "still runs" — a state that never existed, and the very moment a
// reader decides "orphaned" (diff.ts) or "the parent is still running" (the
// orphan lesson). Before the snapshot is sealed, every parent that a child has
// just left while it looked alive is read again, and its record replaced by
// what it is now: gone, or a zombie.
// The parent is read again as any process read alone between scans is
// (reread.ts: the record a scan would build, by procRecord), so the zombie
// shows its final TIME, and what the backend was told to read or not.
import type { ProcInfo } from '../types.js';

/** Not running any more: a zombie (Z) or dead (X), by stat field 3. */
function ended(state: string | undefined): boolean {
  return state === 'Z' || state === 'X';
}

/** A process read alone now (ProcessRereader.read): its record, or undefined when it is gone. */
export type ReadAlone = (pid: number, previous: ProcInfo | undefined) => ProcInfo | undefined;

/**
 * `procs`: this scan's records, not yet sealed. `previous`: the last scan's.
 * Re-reads the old parent of each process whose ppid changed, when this scan
 * has that parent alive; drops it when it has left the table (or its pid is
 * someone else's now), and shows it as the zombie it became otherwise.
 */
export function settleReparented(procs: Map<number, ProcInfo>, previous: ReadonlyMap<number, ProcInfo> | undefined, readAlone: ReadAlone): void {
  if (previous === undefined) return;
  const reread = new Set<number>();
  // forEach, not for…of: no [pid, record] pair allocated per process on every scan.
  procs.forEach((info, pid) => {
    const before = previous.get(pid);
    // An unchanged record is the very same object (the backend reuses it): same ppid.
    if (before === undefined || before === info || before.startTime !== info.startTime) return;
    const from = before.ppid;
    if (from === undefined || from === info.ppid || reread.has(from)) return;
    const parent = procs.get(from);
    if (parent === undefined || ended(parent.state)) return;
    reread.add(from);
    const now = readAlone(from, parent);
    // Gone, or the pid is someone else's now (another start time): not in this table.
    if (now === undefined || now.startTime !== parent.startTime) procs.delete(from);
    else if (ended(now.state)) procs.set(from, now);
  });
}

/**
 * A first scan shared with a helper thread (read-ahead.ts) reads the back of
 * the listing early, so a child (higher pid) may be read before its parent,
 * which then exits before the scan reaches it: the child's record names a
 * parent that is gone, or a zombie, though the kernel had moved it to its
 * adopter by then (exit reparents the children first). Each such child is
 * read again, and its record replaced by what it is now (dropped when it is
 * gone too). A zombie thread-group leader whose other threads still run keeps
 * its children: read again, they name it still. (After the pids wrapped, a
 * parent may have a higher pid than its child, and the helper read it first:
 * that rarer case is left as a one-thread scan leaves its own.)
 */
export function settleEarlyChildren(procs: Map<number, ProcInfo>, readAlone: ReadAlone): void {
  const settle: number[] = [];
  procs.forEach((info, pid) => {
    const ppid = info.ppid;
    // 0: no parent in this pid namespace (PID 1, kthreadd, or one whose parent is outside).
    if (ppid === undefined || ppid === 0) return;
    const parent = procs.get(ppid);
    if (parent === undefined || ended(parent.state)) settle.push(pid);
  });
  for (const pid of settle) {
    const before = procs.get(pid);
    const now = readAlone(pid, before);
    if (now === undefined || now.startTime !== before?.startTime) procs.delete(pid);
    else procs.set(pid, now);
  }
}
