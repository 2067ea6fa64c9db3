// What every backend (procfs, ps, ps-list) gives the layers above: a whole
// snapshot, one pid's start time, and a way to let go. Each lives in its own
// directory, and only backends.ts chooses between them.
//
// An event source (events/: the kernel telling us about fork, exec, exit) is
// not a backend: a backend says what *is*, a source says what *happened*. The
// inspector merges the two; a source is opened beside the backend, not instead.
import type { ProcInfo, Snapshot } from './types.js';

export interface Backend {
  /**
   * One scan of the whole process table. Rejects only when the table itself
   * cannot be listed; a process that vanishes or cannot be read never makes
   * it fail. Calls never overlap (the inspector queues them).
   */
  snapshot(): Promise<Snapshot>;
  /**
   * One scan for a caller that takes no other (a one-shot command): the
   * records snapshot() would give on its first call, without what it keeps
   * for the next. Absent where snapshot() keeps nothing worth skipping.
   */
  snapshotOnce?(): Promise<Snapshot>;
  /**
   * The start time of `pid` now, in the units of ProcInfo.startTime of this
   * backend's snapshots (ms since the epoch), or undefined when the process is
   * gone or its start time cannot be read. The identity check before a kill.
   */
  startTime(pid: number): Promise<number | undefined>;
  /**
   * `pid` as it is now, read alone between full scans (the processes an event
   * names): a record, or undefined when it is gone. `previous` is the caller's
   * last record of it, so what did not change (command line, user) is not read
   * again. Synchronous, a few small reads. Absent where a process cannot be read
   * alone (ps, ps-list): an event stream then asks for a full scan instead.
   */
  reread?(pid: number, previous: ProcInfo | undefined): ProcInfo | undefined;
  /**
   * Reads status and cmdline of each record of `procs` that is not read yet
   * (InspectorOptions.details 'on-demand', unread.ts), so withDetails() gives
   * it whole; a process gone meanwhile gets them unknown. Synchronous, two small
   * reads a record. Absent where every record is whole from the scan.
   */
  readDetails?(procs: Iterable<ProcInfo>): void;
  /**
   * Whether `pid` ignores SIGCHLD now (proc(5) status SigIgn): then the kernel
   * reaps its children itself as they exit, and none is ever a zombie. Undefined
   * when it is gone or cannot be read. Absent where no such read exists.
   */
  ignoresChildSignal?(pid: number): boolean | undefined;
  /**
   * Whether `pid`'s environment holds the string `entry` (`NAME=value`), as it
   * was exec'd with (proc(5) environ). Undefined when it is gone or cannot be
   * read (another user's). Absent where no such read exists.
   */
  carriesEnvironment?(pid: number, entry: string): boolean | undefined;
  /**
   * Told that `pid` exec'd (a kernel exec event): what the backend keeps of its program (command
   * line, status) is read again at its next scan, though its name may not have changed. Absent
   * where nothing is kept between scans.
   */
  programChanged?(pid: number): void;
  /** Gives back what the backend keeps open; a later snapshot() may open it again. */
  close(): void;
}
