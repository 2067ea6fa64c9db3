// Honest gaps: transitions nobody saw, said as inferred with their evidence.
// A process first seen already under PID 1 while it is not the leader of its
// own process group was, most likely, orphaned before anyone looked (a daemon
// that detached on purpose leads its own group and session; `sleep 2 &` in a
// script stays in the script's group): it never claims a parent it did not
// see. A reap is never reported by the kernel; one too quick to read is said
// from the exit the kernel did report and the tables around it.
import { isKernelThreadRecord } from '../kernel-thread.js';
import type { ExitStatus, ProcEvent, Snapshot } from '../types.js';
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

/**
 * A zombie's reap that nobody saw, in the step its parent `parent` exited in (at `parentExitAt`):
 * the parent waited for it and then exited (the usual end of a program that waits), or exited
 * first, and the kernel handed the zombie to an adopter (exit_notify) that reaped it before any
 * read (systemd does so at once; this machine's PID 1 takes seconds). Said as both, inferred, at
 * the parent's exit (explain.ts puts it before that exit's line); the reaper stays unknown (`by`).
 */
export function reapedByParentOrAdopter(reap: ProcEvent & { readonly kind: 'reap' }, parent: number, parentExitAt: number): ProcEvent {
  return {
    ...reap,
    by: undefined,
    lastParent: parent,
    at: Math.min(reap.at, parentExitAt),
    inferred: `found gone as its parent ${parent} exited: reaped by ${parent} before that exit, or by its adopter after (not seen which)`,
  };
}

/**
 * A process gone by the first read after its exit, never read as a zombie. The kernel names the
 * parent at exit only while the process is not yet released (cn_proc.c proc_exit_connector:
 * pid_alive); a child its parent does not wait for (SIGCHLD ignored, SA_NOCLDWAIT) is released
 * inside exit_notify before that report, so its exit names no parent: when its parent, read as the
 * exit came in, ignores SIGCHLD (ExitFact.kernelReapedFor), the kernel reaped it at exit; else
 * (SA_NOCLDWAIT, or a waiting parent that got there first) nothing is inferred. A
 * parent named there was alive at the exit: if it still lives, it reaped the child (the double
 * fork's middle child, any child waited for at once), said at the read that found it gone, like
 * every reap (the kernel reports none); if it exited in the same step, the reaper is it or its
 * adopter (reapedByParentOrAdopter).
 */
export function reapedUnseen(
  exited: { readonly pid: number; readonly comm: string | undefined },
  exit: { readonly at: number; readonly parent: number | undefined; readonly status: ExitStatus; readonly kernelReapedFor?: number },
  next: Snapshot,
  exits: ReadonlyMap<number, { readonly at: number }>,
): ProcEvent | undefined {
  if (next.procs.has(exited.pid)) return undefined;
  const forParent = exit.kernelReapedFor;
  if (forParent !== undefined) {
    // Released inside its own exit (exit_notify autoreap), so at its exit's time.
    return {
      kind: 'reap',
      at: exit.at,
      pid: exited.pid,
      comm: exited.comm,
      by: undefined,
      kernelReapedFor: forParent,
      status: exit.status,
      inferred: `its exit report named no parent (already released) and its parent ${forParent} ignores SIGCHLD (SigIgn, read as the exit came in): the kernel reaped it at exit, never a zombie`,
    };
  }
  const by = exit.parent;
  if (by === undefined) return undefined;
  const reap = { kind: 'reap' as const, at: next.takenAt, pid: exited.pid, comm: exited.comm, by, status: exit.status };
  const parentExit = exits.get(by);
  if (parentExit !== undefined) return reapedByParentOrAdopter(reap, by, parentExit.at);
  const parent = next.procs.get(by);
  if (parent === undefined || parent.state === 'Z' || parent.state === 'X') return undefined;
  // English in the event itself (its JSON is language-neutral); the sentence is event.reapUnseen.
  return { ...reap, inferred: 'gone by the first read after its exit, never read as a zombie, while its parent lived' };
}
