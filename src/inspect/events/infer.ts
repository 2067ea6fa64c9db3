// Honest gaps: a process first seen already under PID 1 while it is not the
// leader of its own process group was, most likely, orphaned before anyone
// looked (a daemon that detached on purpose leads its own group and session;
// `sleep 2 &` in a script stays in the script's group). The event says so and
// shows the evidence; it never claims a parent it did not see.
import { isKernelThreadRecord } from '../kernel-thread.js';
import type { ProcEvent, Snapshot } from '../types.js';
import { type OrphanEvidence, orphanEvidenceWords } from './evidence.js';

function named(pid: number, comm: string | undefined): string {
  return comm === undefined || comm === '' ? String(pid) : `${pid} (${comm})`;
}

/**
 * For each spawn with no known forker (no `source`) whose process is under
 * PID 1 but not its group's leader: an inferred `orphaned` reparent after it,
 * with the evidence in words.
 */
export function inferOrphans(events: readonly ProcEvent[], prev: Snapshot, next: Snapshot): ProcEvent[] {
  const out: ProcEvent[] = [];
  for (const event of events) {
    out.push(event);
    if (event.kind !== 'spawn' || event.source !== undefined || event.ppid !== 1) continue;
    const evidence = orphanEvidence(event.pid, prev, next);
    if (evidence === undefined) continue;
    out.push({
      kind: 'reparent',
      at: event.at,
      pid: event.pid,
      comm: event.comm,
      from: undefined,
      to: 1,
      orphaned: true,
      adopter: 'init',
      // English in the event itself (its JSON is language-neutral); sentences use `evidence`.
      inferred: orphanEvidenceWords(evidence, 'en'),
      evidence,
    });
  }
  return out;
}

/** Why `pid`, under PID 1 in `next`, looks orphaned; undefined when nothing says so. */
function orphanEvidence(pid: number, prev: Snapshot, next: Snapshot): OrphanEvidence | undefined {
  const proc = next.procs.get(pid);
  const pgid = proc?.pgid;
  // Kernel threads (kernel-thread.ts) and group leaders (daemons detach that way) are left alone.
  if (proc === undefined || pgid === undefined || pgid === pid || pgid <= 1 || isKernelThreadRecord(proc)) return undefined;
  const leaderNow = next.procs.get(pgid);
  if (leaderNow === undefined || leaderNow.state === 'Z' || leaderNow.state === 'X') {
    const then = prev.procs.get(pgid);
    return { kind: 'no-leader', pgid, seenBefore: then === undefined ? undefined : named(pgid, then.comm) };
  }
  return { kind: 'leader-alive', leader: named(pgid, leaderNow.comm) };
}
