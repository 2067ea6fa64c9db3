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
import { freezeProc } from '../snapshot.js';
import { sameStartTime } from '../identity.js';
import { statLetters } from '../stat-letters.js';
import type { ProcInfo } from '../types.js';
import { isNotRead, NOT_READ } from '../unread.js';
import { argsAfterRead } from './cmdline.js';
import { GONE, Scratch } from './read-file.js';
import { memPercentOf } from './record.js';
import { isKernelThread, parseStatLine } from './stat-line.js';
import { parseStatus } from './status.js';
import { CLOCK_TICKS, readSystemFacts, startTimeMs, type SystemFacts } from './system.js';
import { decodeRange } from './text.js';
import { ttyName } from './tty.js';
import { PASSWD_PATH } from './users.js';

export class ProcessRereader {
  readonly #root: string;
  readonly #passwdPath: string;
  #facts: SystemFacts | undefined;
  readonly #stat = new Scratch(1024);
  readonly #status = new Scratch(4096);
  readonly #cmdline = new Scratch(16 * 1024);

  constructor(procRoot = '/proc', passwdPath = PASSWD_PATH) {
    this.#root = procRoot;
    this.#passwdPath = passwdPath;
  }

  /**
   * `pid` as it is now: a record, or undefined when it is gone (or its stat is
   * malformed). `previous` is the caller's last record of that pid, if any.
   */
  read(pid: number, previous: ProcInfo | undefined): ProcInfo | undefined {
    this.#facts ??= readSystemFacts(this.#root, this.#passwdPath);
    const facts = this.#facts;
    const dir = `${this.#root}/${pid}`;
    const length = this.#stat.readWhole(`${dir}/stat`);
    if (length < 0) return undefined;
    const fields = parseStatLine(this.#stat.bytes, length);
    if (fields === undefined) return undefined;
    const startTime = startTimeMs(facts.bootTimeMs, fields.startTicks);
    const comm = decodeRange(this.#stat.bytes, fields.commStart, fields.commEnd);
    const same = previous !== undefined && sameStartTime(previous.startTime, startTime) ? previous : undefined;
    const unchanged = same !== undefined && same.comm === comm && (same.state === 'Z') === (fields.state === 'Z');

    let args = unchanged ? same.args : undefined;
    let uid = unchanged ? same.uid : undefined;
    let lockedKb: number | undefined;
    let rssBytes: number | undefined = fields.rssPages * facts.pageSize;
    // Still not read: stat's fields now, the rest left for later (RSS from stat's field 24 meanwhile).
    const notRead = unchanged && !isKernelThread(fields) && isNotRead(same);
    if (notRead) {
      args = undefined;
      uid = undefined;
    } else if (isKernelThread(fields)) {
      args = '';
      uid = 0;
      lockedKb = 0;
    } else if (unchanged && same.uid !== undefined && same.stat !== undefined && same.args !== undefined) {
      // The same program as last read: status (uid, VmRSS, VmLck) is not read again at this pace;
      // RSS and the L of STAT stay as the last full read found them.
      rssBytes = same.rssBytes;
      lockedKb = same.stat.includes('L') ? 1 : 0;
    } else {
      const statusLength = this.#status.readWhole(`${dir}/status`);
      if (statusLength === GONE) return undefined;
      if (statusLength >= 0) {
        const status = parseStatus(this.#status.bytes, statusLength);
        uid = status.euid;
        lockedKb = status.lockedKb;
        rssBytes = status.rssKb * 1024;
      }
      if (args === undefined) {
        const cmdlineLength = this.#cmdline.readWhole(`${dir}/cmdline`);
        if (cmdlineLength === GONE) return undefined;
        if (cmdlineLength >= 0) args = argsAfterRead(this.#cmdline.bytes, cmdlineLength, fields.state);
      }
    }
    return freezeProc({
      pid,
      ppid: fields.ppid,
      pgid: fields.pgid,
      sid: fields.sid,
      tty: ttyName(fields.ttyNr, facts.ttyDrivers),
      tpgid: fields.tpgid,
      state: fields.state,
      stat: lockedKb === undefined ? undefined : statLetters(fields, lockedKb),
      nice: fields.nice,
      priority: fields.priority,
      threads: fields.threads,
      uid,
      user: uid === undefined ? undefined : uid === same?.uid ? same.user : facts.userName(uid),
      startTime,
      cpuPercent: same?.cpuPercent,
      memPercent: rssBytes === undefined ? undefined : memPercentOf(rssBytes, facts),
      rssBytes,
      vszBytes: fields.vszBytes,
      timeSeconds: fields.cpuTicks / CLOCK_TICKS,
      comm,
      args,
      [NOT_READ]: notRead ? true : undefined,
    });
  }
}
