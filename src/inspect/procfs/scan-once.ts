// The procfs scan of a command that reads the table once and exits
// (`procview ps`, `procview tree`). It reads what the first scan of the
// refreshing backend reads (stat, then status and cmdline unless a kernel
// thread) and builds the same records, but keeps nothing for a next scan: no
// entries, no stat copies to compare with, no kept files, no slices between
// macrotasks (nothing else waits on the event loop of a one-shot command). A
// first scan has no previous table, so nothing to settle (settle-reparented.ts)
// and no interval for %CPU (undefined, as on a first sight).
import { readdirSync } from 'node:fs';
import { SealedMap, sealSnapshot, unknownProc } from '../snapshot.js';
import type { ProcInfo, Snapshot } from '../types.js';
import { type Details, kernelThreadDetails, readDetails, type UidSource } from './details.js';
import type { ProcFiles } from './proc-files.js';
import { GONE } from './read-file.js';
import { procRecord } from './record.js';
import { isKernelThread, parseStatLine } from './stat-line.js';
import { readUptimeClock, type SystemFacts } from './system.js';
import { decodeRange } from './text.js';
import { pidOf } from './pid-name.js';
import { listThreads } from './threads.js';
import { ttyName } from './tty.js';

/** What a one-shot scan reads besides stat (ProcfsOptions.commandLines and .fields). */
export interface ScanOnceWants {
  readonly commandLines: boolean;
  /** Where uid comes from: status, the owner of /proc/PID, or nowhere (InspectorOptions.fields). */
  readonly uidFrom: UidSource;
  /** List the threads of multi-threaded processes (threads.ts); undefined: none. */
  readonly threads: 'ids' | 'names' | undefined;
}

/**
 * One snapshot of `root`. Throws only when `root` cannot be listed; a process
 * that vanishes is left out, one whose stat cannot be read shows its pid alone.
 */
export function scanOnce(root: string, facts: SystemFacts, files: ProcFiles, wants: ScanOnceWants): Snapshot {
  const procs = new SealedMap<number, ProcInfo>();
  const ttys = new Map<number, string>();
  for (const name of readdirSync(root)) {
    const pid = pidOf(name);
    if (pid < 0) continue;
    const info = readOne(root, name, pid, facts, files, wants, ttys);
    if (info !== undefined) procs.set(pid, info);
  }
  const threads = wants.threads === undefined ? undefined : listThreads(root, procs, wants.threads === 'names');
  return sealSnapshot(Date.now(), procs, readUptimeClock(root, facts.bootTimeMs), threads);
}

/** The record of one pid, or undefined when it is gone or its stat is malformed. */
function readOne(
  root: string,
  name: string,
  pid: number,
  facts: SystemFacts,
  files: ProcFiles,
  wants: ScanOnceWants,
  ttys: Map<number, string>,
): ProcInfo | undefined {
  const dir = `${root}/${name}`;
  const length = files.readStat(pid, `${dir}/stat`);
  if (length === GONE) return undefined;
  if (length < 0) return unknownProc(pid);
  const bytes = files.stat.bytes;
  const fields = parseStatLine(bytes, length);
  if (fields === undefined) return undefined;
  // Decoded before status and cmdline are read: they have scratch buffers of their own, but the fields point into this one.
  const comm = decodeRange(bytes, fields.commStart, fields.commEnd);
  const details = detailsOf(files, dir, fields.rssPages * facts.pageSize, fields.state, isKernelThread(fields), wants);
  if (details === undefined) return undefined;
  let tty = ttys.get(fields.ttyNr);
  if (tty === undefined) {
    tty = ttyName(fields.ttyNr, facts.ttyDrivers);
    ttys.set(fields.ttyNr, tty);
  }
  const { uid } = details;
  return procRecord(
    pid,
    fields,
    {
      args: details.args,
      uid,
      lockedKb: details.lockedKb,
      rssBytes: details.rssBytes,
      comm,
      user: uid === undefined ? undefined : facts.userName(uid),
      tty,
      cpuPercent: undefined,
    },
    facts,
  );
}

/** status and cmdline as a first scan reads them (backend.ts #details, #statDetails); kernel threads need neither. */
function detailsOf(files: ProcFiles, dir: string, statRssBytes: number, state: string, kernelThread: boolean, wants: ScanOnceWants): Details | undefined {
  if (kernelThread) return kernelThreadDetails(statRssBytes);
  return readDetails(files, dir, undefined, statRssBytes, wants.commandLines, state, wants.uidFrom);
}
