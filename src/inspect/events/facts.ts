// What the kernel said between two steps of the stream, per process (tgid):
// who forked it, whether and how it exited, how often it exec'd, its last
// name. Thread events (pid !== tgid) are not about processes and are left out;
// so are the sid/uid/coredump kinds, whose effects the re-read shows (STAT s,
// the USER column) and whose status the exit event carries.
import type { EventSource, ExitStatus } from '../types.js';
import { decodeWaitStatus } from './exit-status.js';
import type { KernelEvent } from './kernel-event.js';

export interface ForkFact {
  /** The real parent: the process that called fork(), even if it is gone by the next read. */
  readonly parent: number;
  readonly at: number;
  /** How the parent was learnt: the kernel's fork event, or the children file of a watched parent. */
  readonly source: EventSource;
  /** Forked by a thread other than the parent's main one (the fork event's parent_pid !== parent_tgid):
   *  the child copied that thread's name, which may not be the process's (a thread renames itself
   *  with no event procview keeps). */
  readonly byOtherThread?: true;
}

export interface ExitFact {
  readonly at: number;
  readonly status: ExitStatus;
  /** The parent at exit (kernel >= 4.17), else undefined. */
  readonly parent: number | undefined;
  /**
   * Set when its parent, read as the exit came in, ignores SIGCHLD: the kernel reaped it itself for
   * that parent (exit_notify autoreap; for a process whose other threads outlived its main one, at
   * the last one's end: release_task, zap_leader). Its exit then names no parent, or, in that
   * threads case, the parent.
   */
  readonly kernelReapedFor?: number;
  /**
   * Set when the exit named no parent though exits do name theirs here (kernel >= 4.17): the process
   * was released before the report (cn_proc.c proc_exit_connector names one only while pid_alive),
   * and this parent, read then, does not ignore SIGCHLD: its wait() took the child at that moment,
   * or it set SA_NOCLDWAIT (not shown in /proc) and the kernel did.
   */
  readonly releasedFor?: number;
  /**
   * With releasedFor: that parent (its forker, or its parent in the table) had exited as well when
   * the report came in, so it could not be read: it released the child (SIGCHLD ignored,
   * SA_NOCLDWAIT, or its wait() at that moment), or, had it exited first, the child's adopter did.
   */
  readonly parentGone?: true;
  /**
   * The main thread ended alone (pthread_exit in main): the process read Zl after it, its other
   * threads running on. Its exit is its last thread's, whose report comes after the kernel makes the
   * process a zombie (exit_notify, then proc_exit_connector), so a read can show the end before it.
   * 'main': only the main thread's report came (code 0, not the process's). 'thread': a later
   * thread's report came and `status` is that one's, which a later report still replaces (a thread
   * that ended alone too says nothing of the last one's).
   */
  readonly leaderAlone?: 'main' | 'thread';
}

export interface ExecFact {
  /** When each exec happened (the kernel's time of its event), oldest first; never empty. */
  readonly times: readonly number[];
}

/** What a process ran, read as the batch with its exec came in (stream.ts #readExeced). */
export interface ProgramRead {
  readonly comm: string | undefined;
  readonly args: string | undefined;
  /** When it was read (ms since the epoch): it names the process's execs up to then, not a later one. */
  readonly at: number;
}

/** A child read under the name it was forked with (explain.ts namesFromChildren): it may name its parent's exec. */
export interface ForkedName {
  readonly parent: number;
  /** The kernel's time of the fork. */
  readonly at: number;
  readonly child: number;
  readonly comm: string;
}

export interface Facts {
  readonly forks: ReadonlyMap<number, ForkFact>;
  readonly exits: ReadonlyMap<number, ExitFact>;
  readonly execs: ReadonlyMap<number, ExecFact>;
  /** Last comm reported (PROC_EVENT_COMM: prctl), raw. */
  readonly comms: ReadonlyMap<number, string>;
  /** Every comm reported, oldest first, with the kernel's time (a rename line each). */
  readonly renames?: ReadonlyMap<number, readonly Rename[]>;
  /** The program of a process that exec'd, read as its batch came in, before the step (may be absent). */
  readonly programs?: ReadonlyMap<number, ProgramRead>;
  /** Children read in an earlier step under the names they were forked with, whose parents were carried. */
  readonly childNames?: readonly ForkedName[];
  /** Children read in an earlier step after an exec whose event had not come: what they were forked as (explain.ts). */
  readonly forkedAs?: ReadonlyMap<number, ForkedAs>;
  /**
   * Processes this step read gone after their exit was taken in, each with the parent its exit
   * named when that parent, read again after them, was alive (undefined when it read dead or
   * gone): stream.ts #proveReaps, explain.ts reapedUnseen.
   */
  readonly readGone?: ReadonlyMap<number, number | undefined>;
}

/** A new name the kernel reported for a process's main thread (PROC_EVENT_COMM). */
export interface Rename {
  readonly at: number;
  readonly comm: string;
}

/** What a child was at its fork (its parent's program then), and when it was forked. */
export interface ForkedAs {
  readonly comm: string | undefined;
  readonly args: string | undefined;
  readonly at: number;
}

export const NO_FACTS: Facts = { forks: new Map(), exits: new Map(), execs: new Map(), comms: new Map() };

/** An accumulator of facts between two steps; take() hands them out and starts afresh. */
export class FactBook {
  #forks = new Map<number, ForkFact>();
  #exits = new Map<number, ExitFact>();
  #execs = new Map<number, ExecFact>();
  #comms = new Map<number, string>();
  #renames = new Map<number, Rename[]>();
  #programs = new Map<number, ProgramRead>();
  #childNames: ForkedName[] = [];
  #forkedAs = new Map<number, ForkedAs>();
  #readGone = new Map<number, number | undefined>();

  get size(): number {
    return this.#forks.size + this.#exits.size + this.#execs.size + this.#comms.size;
  }

  /** Adds a batch; the pids it names go into `named` (children, exiting and exec'ing processes),
   *  the processes that exited also into `exited`, the forking parents into `parents` (or into
   *  `named` without it: forking changes nothing of the parent a read would show). */
  absorb(batch: readonly KernelEvent[], named: Set<number>, exited?: Set<number>, parents: Set<number> = named): void {
    for (const event of batch) {
      switch (event.kind) {
        case 'fork':
          // A new thread shares its tgid with the forking process: not a new process.
          if (event.childPid !== event.childTgid) break;
          this.#forks.set(
            event.childTgid,
            event.parentPid === event.parentTgid
              ? { parent: event.parentTgid, at: event.at, source: 'kernel' }
              : { parent: event.parentTgid, at: event.at, source: 'kernel', byOtherThread: true },
          );
          // A pid reused within one batch: the new process's facts start clean.
          this.#exits.delete(event.childTgid);
          this.#execs.delete(event.childTgid);
          this.#comms.delete(event.childTgid);
          this.#renames.delete(event.childTgid);
          this.#programs.delete(event.childTgid);
          named.add(event.childTgid);
          parents.add(event.parentTgid);
          break;
        case 'exit':
          // Each thread reports its exit; the process has ended when its leader (pid === tgid) has,
          // unless the leader ended alone (pthread_exit in main: it reads Z while its threads run
          // on): then it ends with its last thread, whose exit is the process's (the status wait()
          // gets is the group's exit code, which that thread's exit carries).
          if (event.pid !== event.tgid) {
            const leader = this.#exits.get(event.tgid);
            if (leader !== undefined) {
              // What was learnt of its release stays (kernelReapedFor, releasedFor).
              const alone = leader.leaderAlone === undefined ? {} : { leaderAlone: 'thread' as const };
              this.#exits.set(event.tgid, {
                ...leader,
                at: event.at,
                status: decodeWaitStatus(event.exitCode),
                parent: event.parentTgid ?? leader.parent,
                ...alone,
              });
              // A leader that ended alone may end with this thread: read it, and give a line waiting for its status this one.
              if (leader.leaderAlone !== undefined) {
                named.add(event.tgid);
                exited?.add(event.tgid);
              }
            }
            break;
          }
          this.#exits.set(event.tgid, { at: event.at, status: decodeWaitStatus(event.exitCode), parent: event.parentTgid });
          named.add(event.tgid);
          exited?.add(event.tgid);
          break;
        case 'exec': {
          const before = this.#execs.get(event.tgid);
          this.#execs.set(event.tgid, { times: before === undefined ? [event.at] : [...before.times, event.at] });
          named.add(event.tgid);
          break;
        }
        case 'comm':
          if (event.pid === event.tgid) {
            this.#comms.set(event.tgid, event.comm);
            const list = this.#renames.get(event.tgid) ?? [];
            list.push({ at: event.at, comm: event.comm });
            this.#renames.set(event.tgid, list);
          }
          named.add(event.tgid);
          break;
        case 'sid':
        case 'uid':
          named.add(event.tgid);
          break;
        case 'coredump':
          break;
      }
    }
  }

  /** What `pid` ran when read right after a batch with its exec came in. */
  addProgramRead(pid: number, read: ProgramRead): void {
    this.#programs.set(pid, read);
  }

  /** A child seen under a watched parent by the scoped polling tracker. */
  addSighting(child: number, parent: number, at: number): void {
    if (!this.#forks.has(child)) this.#forks.set(child, { parent, at, source: 'polling' });
  }

  /** When `pid` was forked, while that fork is known and not yet taken. */
  forkAt(pid: number): number | undefined {
    return this.#forks.get(pid)?.at;
  }

  /** The parent that forked `pid`, while that fork is known and not yet taken. */
  forkParent(pid: number): number | undefined {
    return this.#forks.get(pid)?.parent;
  }

  /** Whether a fork of `pid` is known and not yet taken. */
  hasFork(pid: number): boolean {
    return this.#forks.has(pid);
  }

  /** Whether an exec of `pid` is known and not yet taken. */
  hasExec(pid: number): boolean {
    return this.#execs.has(pid);
  }

  exitOf(pid: number): ExitFact | undefined {
    return this.#exits.get(pid);
  }

  /** The exits taken in and not yet taken. */
  exitEntries(): IterableIterator<[number, ExitFact]> {
    return this.#exits.entries();
  }

  /** What the parent of `pid`'s exit was found doing with SIGCHLD (ExitFact.kernelReapedFor, releasedFor). */
  markRelease(pid: number, release: { readonly kernelReapedFor: number } | { readonly releasedFor: number; readonly parentGone?: true }): void {
    const fact = this.#exits.get(pid);
    if (fact !== undefined) this.#exits.set(pid, { ...fact, ...release });
  }

  /** `pid` read gone in this step after its exit; `parentAlive`: its exit's parent read alive after it (Facts.readGone). */
  addReadGone(pid: number, parentAlive: number | undefined): void {
    this.#readGone.set(pid, parentAlive);
  }

  /** An exit status learnt another way (the program `procview run` started, from waitpid). */
  addExit(pid: number, fact: ExitFact): void {
    if (!this.#exits.has(pid)) this.#exits.set(pid, fact);
  }

  /** Puts back forks that could not be explained yet (a process not seen yet, whose exit has not come). */
  carry(
    forks: ReadonlyMap<number, ForkFact>,
    exits: ReadonlyMap<number, ExitFact> = new Map(),
    execs: ReadonlyMap<number, ExecFact> = new Map(),
    programs: ReadonlyMap<number, ProgramRead> = new Map(),
    childNames: readonly ForkedName[] = [],
    forkedAs: ReadonlyMap<number, ForkedAs> = new Map(),
    renames: ReadonlyMap<number, { readonly renames: readonly Rename[]; readonly comm: string }> = new Map(),
  ): void {
    this.#childNames.push(...childNames);
    for (const [pid, carried] of renames) {
      // Renames taken in since come after the carried ones, and name the process last.
      const newer = this.#renames.get(pid) ?? [];
      this.#renames.set(pid, [...carried.renames, ...newer]);
      if (!this.#comms.has(pid)) this.#comms.set(pid, carried.comm);
    }
    for (const [pid, was] of forkedAs) if (!this.#forks.has(pid)) this.#forkedAs.set(pid, was);
    // A read taken in since (this step's batch) is the newer one.
    for (const [pid, read] of programs) if (!this.#programs.has(pid)) this.#programs.set(pid, read);
    for (const [pid, fact] of forks) if (!this.#forks.has(pid)) this.#forks.set(pid, fact);
    for (const [pid, fact] of exits) if (!this.#exits.has(pid)) this.#exits.set(pid, fact);
    for (const [pid, fact] of execs) {
      // Execs carried from before come first.
      const newer = this.#execs.get(pid);
      this.#execs.set(pid, newer === undefined ? fact : { times: [...fact.times, ...newer.times] });
    }
  }

  take(): Facts {
    const facts = {
      forks: this.#forks,
      exits: this.#exits,
      execs: this.#execs,
      comms: this.#comms,
      renames: this.#renames,
      programs: this.#programs,
      childNames: this.#childNames,
      forkedAs: this.#forkedAs,
      readGone: this.#readGone,
    };
    this.#readGone = new Map();
    this.#childNames = [];
    this.#forkedAs = new Map();
    this.#forks = new Map();
    this.#exits = new Map();
    this.#execs = new Map();
    this.#comms = new Map();
    this.#renames = new Map();
    this.#programs = new Map();
    return facts;
  }
}
