// Re-reading chosen processes between full scans: the pids a kernel event
// names, or the subtree the scoped tracker follows. One stat read per pid;
// status and cmdline only when the process is new to the caller, exec'd (comm
// changed) or died (a zombie's command line reads empty), the backend's rule;
// so a watched subtree costs one small read per process.
// A process the caller holds as not read yet (InspectorOptions.details
// 'on-demand', ../unread.ts) stays so while it is the same program: an event
// about it (a fork, a stop) costs its stat alone, as in a scan; a new process
// or an exec is read whole, for the event lines' command lines.
// %CPU is not measured over such short intervals: the previous sighting's
// value is kept (undefined for a new process) until the next full scan.
import { sameStartTime } from '../identity.js';
import type { ProcInfo } from '../types.js';
import { isNotRead } from '../unread.js';
import { type Details, kernelThreadDetails, notReadDetails, readDetails, type UidSource } from './details.js';
import { ProcFiles } from './proc-files.js';
import { procRecord } from './record.js';
import { isKernelThread, parseStatLine, type StatFields } from './stat-line.js';
import { startTimeMs, type SystemFacts } from './system.js';
import { decodeRange } from './text.js';
import { ttyName } from './tty.js';

/** What the backend reads besides stat (ProcfsOptions.commandLines and .fields), so a record read alone matches a scan's. */
export interface RereadWants {
  readonly commandLines: boolean;
  readonly uidFrom: UidSource;
}

export class ProcessRereader {
  readonly #root: string;
  readonly #facts: () => SystemFacts;
  readonly #wants: RereadWants;
  // Scratch buffers of its own (never kept files): a reread may come between two slices of a scan.
  readonly #files: ProcFiles;

  /**
   * `facts`: the backend's own (boot time, page size, users, terminals), so a
   * record read alone has the start time a scan gives the same process: btime
   * read twice could differ after the wall clock was stepped, and the process
   * would then look like a new one (identity is pid + start time).
   */
  constructor(procRoot: string, facts: () => SystemFacts, wants: RereadWants) {
    this.#root = procRoot;
    this.#facts = facts;
    this.#wants = wants;
    this.#files = new ProcFiles(procRoot);
  }

  /**
   * `pid` as it is now: a record, or undefined when it is gone (or its stat is
   * malformed). `previous` is the caller's last record of that pid, if any.
   * The record is built as a scan builds it (record.ts procRecord), so NI,
   * the policy and STAT follow the same rules either way.
   */
  read(pid: number, previous: ProcInfo | undefined): ProcInfo | undefined {
    const facts = this.#facts();
    const dir = `${this.#root}/${pid}`;
    const length = this.#files.readStat(pid, `${dir}/stat`);
    if (length < 0) return undefined;
    const bytes = this.#files.stat.bytes;
    const fields = parseStatLine(bytes, length);
    if (fields === undefined) return undefined;
    const comm = decodeRange(bytes, fields.commStart, fields.commEnd);
    const same = previous !== undefined && sameStartTime(previous.startTime, startTimeMs(facts.bootTimeMs, fields.startTicks)) ? previous : undefined;
    const unchanged = same !== undefined && same.comm === comm && (same.state === 'Z') === (fields.state === 'Z');
    const details = this.#details(dir, fields, fields.rssPages * facts.pageSize, unchanged ? same : undefined);
    if (details === undefined) return undefined;
    const { uid } = details;
    return procRecord(
      pid,
      fields,
      {
        ...details,
        comm,
        user: uid === undefined ? undefined : uid === same?.uid ? same.user : facts.userName(uid),
        tty: ttyName(fields.ttyNr, facts.ttyDrivers),
        // Not measured over the short time since the last sighting: that sighting's value stands until the next scan.
        cpuPercent: same?.cpuPercent,
      },
      facts,
    );
  }

  /** status and cmdline facts for `fields` (`statRssBytes`: field 24 in bytes); `unchanged`: the caller's record of the same program, if any. */
  #details(dir: string, fields: StatFields, statRssBytes: number, unchanged: ProcInfo | undefined): Details | undefined {
    if (isKernelThread(fields)) return kernelThreadDetails(statRssBytes);
    // Still not read: stat's fields now, the rest left for later (RSS from stat's field 24 meanwhile).
    if (unchanged !== undefined && isNotRead(unchanged)) return notReadDetails(statRssBytes);
    // The same program as last read, its command line known (or not wanted): nothing is read again at this pace.
    if (unchanged !== undefined && (unchanged.args !== undefined || !this.#wants.commandLines)) {
      // Without status (fields 'stat', 'pstree'): the owner carried over, RSS from stat's field 24 (backend.ts #statDetails).
      if (this.#wants.uidFrom !== 'status') {
        return { args: unchanged.args, uid: this.#wants.uidFrom === 'owner' ? unchanged.uid : undefined, lockedKb: undefined, rssBytes: statRssBytes };
      }
      // status (uid, VmRSS, VmLck): RSS and the L of STAT stay as the last full read found them.
      if (unchanged.uid !== undefined && unchanged.stat !== undefined) {
        return { args: unchanged.args, uid: unchanged.uid, lockedKb: unchanged.stat.includes('L') ? 1 : 0, rssBytes: unchanged.rssBytes ?? statRssBytes };
      }
    }
    return readDetails(this.#files, dir, unchanged?.args, statRssBytes, this.#wants.commandLines, fields.state, this.#wants.uidFrom);
  }
}
