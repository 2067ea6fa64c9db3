// One process's record (ProcInfo) from its stat fields and what status,
// cmdline and the previous scan added.
import { niceApplies, policyName } from '../sched-policy.js';
import { FORKED_NO_EXEC } from '../fork-mark.js';
import { freezeProc } from '../snapshot.js';
import { statLetters } from '../stat-letters.js';
import type { ProcInfo } from '../types.js';
import { NOT_READ } from '../unread.js';
import type { Details } from './details.js';
import { isForkedNoExec, type StatFields } from './stat-line.js';
import { CLOCK_TICKS, startTimeMs, type SystemFacts } from './system.js';

/** What a record takes beyond its stat fields and the system facts. */
export interface RecordParts extends Details {
  readonly comm: string | undefined;
  readonly user: string | undefined;
  readonly tty: string;
  /** Undefined on first sight of the process: there is no interval yet. */
  readonly cpuPercent: number | undefined;
}

/** %MEM as procps computes it: resident bytes over MemTotal; unknown without MemTotal. */
export function memPercentOf(rssBytes: number, facts: SystemFacts): number | undefined {
  return facts.memTotalBytes === undefined ? undefined : (rssBytes * 100) / facts.memTotalBytes;
}

export function procRecord(pid: number, fields: StatFields, parts: RecordParts, facts: SystemFacts): ProcInfo {
  const policy = policyName(fields.policy);
  return freezeProc({
    pid,
    ppid: fields.ppid,
    pgid: fields.pgid,
    sid: fields.sid,
    tty: parts.tty,
    tpgid: fields.tpgid,
    state: fields.state,
    stat: parts.lockedKb === undefined ? undefined : statLetters(fields, parts.lockedKb),
    // NI as procps shows it: none where the policy (field 41) gives nice no say. The
    // backend reuses a record while fields 1–24 and 41 stand still (entry.ts samePolicy).
    nice: niceApplies(policy) ? fields.nice : undefined,
    priority: fields.priority,
    threads: fields.threads,
    policy,
    uid: parts.uid,
    user: parts.user,
    startTime: startTimeMs(facts.bootTimeMs, fields.startTicks),
    cpuPercent: parts.cpuPercent,
    memPercent: memPercentOf(parts.rssBytes, facts),
    rssBytes: parts.rssBytes,
    vszBytes: fields.vszBytes,
    // fields 14 + 15, utime + stime
    timeSeconds: fields.cpuTicks / CLOCK_TICKS,
    comm: parts.comm,
    args: parts.args,
    [NOT_READ]: parts.notRead === true ? true : undefined,
    [FORKED_NO_EXEC]: isForkedNoExec(fields),
  });
}
