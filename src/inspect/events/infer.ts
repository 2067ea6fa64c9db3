// Honest gaps: transitions nobody saw, said as inferred with their evidence.
// A process first seen already under PID 1 while it is not the leader of its
// own process group was, most likely, orphaned before anyone looked (a daemon
// that detached on purpose leads its own group and session; `sleep 2 &` in a
// script stays in the script's group): it never claims a parent it did not
// see. A reap is never reported by the kernel; one too quick to read is said
// from the exit the kernel did report and the tables around it.
import { isKernelThreadRecord } from '../kernel-thread.js';
import type { ProcEvent, Snapshot } from '../types.js';
import { type OrphanEvidence, orphanEvidenceWords } from './evidence.js';
import type { ExitFact, Facts } from './facts.js';

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
 * `at`; the reaper stays unknown (`by`).
 */
export function reapedByParentOrAdopter(reap: ProcEvent & { readonly kind: 'reap' }, parent: number, at: number): ProcEvent {
  return {
    ...reap,
    by: undefined,
    lastParent: parent,
    at,
    inferred: `found gone as its parent ${parent} exited: reaped by ${parent} before that exit, or by its adopter after (not seen which)`,
  };
}

/**
 * The reap of a process that was never read as a zombie, from what was learnt of its release:
 * - its parent ignores SIGCHLD (ExitFact.kernelReapedFor): the kernel reaped it, at its exit;
 * - its exit named no parent, where exits name theirs (ExitFact.releasedFor): it was released
 *   before the report (cn_proc.c proc_exit_connector names one only while pid_alive), by its
 *   parent's wait() at that moment or by the kernel for a parent with SA_NOCLDWAIT;
 * - this step read it gone after its exit, then read the parent its exit named alive after it
 *   (Facts.readGone): that parent reaped it (only a parent's own exit hands its children on), the
 *   double fork's middle child, any child waited for at once; said at that read, like every reap
 *   (the kernel reports none);
 * - read gone so, its parent having exited in the same step after it, or read dead after it: reaped
 *   by that parent before its exit, or by its adopter after (reapedByParentOrAdopter), said at that
 *   parent's exit (or that read).
 * Nothing otherwise: a table that merely lacks it (a scan listed /proc before the process was
 * forked) proves nothing.
 */
export function reapedUnseen(
  exited: { readonly pid: number; readonly comm: string | undefined },
  exit: ExitFact,
  next: Snapshot,
  facts: Facts,
): ProcEvent | undefined {
  if (next.procs.has(exited.pid)) return undefined;
  const base = { kind: 'reap' as const, pid: exited.pid, comm: exited.comm, status: exit.status };
  // Released inside its own exit (exit_notify autoreap, or a wait() at that moment), so at its exit's time.
  const release =
    exit.kernelReapedFor !== undefined
      ? {
          kernelReapedFor: exit.kernelReapedFor,
          inferred: `its parent ${exit.kernelReapedFor} ignores SIGCHLD (SigIgn, read as the exit came in): the kernel reaped it at exit, never a zombie`,
        }
      : exit.releasedFor !== undefined && exit.parentGone === true
        ? {
            releasedFor: exit.releasedFor,
            parentGone: true as const,
            inferred: `its exit report named no parent, so it was already released: by its parent ${exit.releasedFor} (SIGCHLD ignored, SA_NOCLDWAIT, or its wait() at that moment), or by its adopter if that parent exited first; that parent had exited too, so which was not read`,
          }
        : exit.releasedFor !== undefined
          ? {
              releasedFor: exit.releasedFor,
              inferred: `its exit report named no parent, so it was already released; its parent ${exit.releasedFor} does not ignore SIGCHLD, so that parent's wait() took the child at that moment, or that parent set SA_NOCLDWAIT and the kernel did`,
            }
          : undefined;
  if (release !== undefined) return { ...base, at: exit.at, by: undefined, source: 'kernel', ...release };
  const by = exit.parent;
  const proof = facts.readGone;
  if (by === undefined || proof?.has(exited.pid) !== true) return undefined;
  if (proof.get(exited.pid) === by) {
    // English in the event itself (its JSON is language-neutral); the sentence is event.reapUnseen.
    return {
      ...base,
      at: Math.max(next.takenAt, exit.at),
      by,
      inferred: 'gone by the first read after its exit, never read as a zombie, while its parent lived',
    };
  }
  const parentExit = facts.exits.get(by);
  // That parent read dead after it, its exit not taken in yet (it comes in a later batch): it exited
  // all the same, after the child (a parent's exit hands its children on, so the one named at the
  // child's exit was alive then). Said at that read.
  if (parentExit === undefined) return reapedByParentOrAdopter({ ...base, at: next.takenAt, by }, by, next.takenAt);
  if (parentExit.at < exit.at) return undefined;
  // At its parent's exit, the evidence (the read that found it gone came after): not at its own
  // exit, which would say it was never a zombie. A child its parent waited for long after its
  // exit was a zombie meanwhile, only not read so on a busy machine.
  const at = Math.min(next.takenAt, parentExit.at);
  return reapedByParentOrAdopter({ ...base, at, by }, by, at);
}
