// The ps-list backend, for platforms with neither /proc nor a BSD/procps ps.
// ps-list knows pid, ppid, name, cmd, %cpu, %mem, and on Unix also uid and
// the start time (whole seconds); everything else (STAT, nice, PGID, SID,
// TTY, …) is undefined — shown as `?`, never guessed. Its %CPU is ps's
// (CPU time over lifetime), not top's interval figure: the only one it has.
import type { Backend } from '../backend.js';
import { psStandIn } from '../ps/parse.js';
import { freezeProc, SealedMap, sealSnapshot } from '../snapshot.js';
import type { ProcInfo, Snapshot } from '../types.js';

/** The subset of ps-list's ProcessDescriptor we read. */
export interface PsListProcess {
  readonly pid: number;
  readonly ppid?: number;
  readonly name: string;
  readonly cmd?: string;
  readonly cpu?: number;
  readonly memory?: number;
  readonly uid?: number;
  readonly startTime?: Date;
}

/** ps-list is ESM-only and only needed here: load it on first use. */
export async function listProcesses(): Promise<PsListProcess[]> {
  const { default: psList } = await import('ps-list');
  return psList();
}

/** ProcInfo.startTime from ps-list's Date (undefined, or an Invalid Date, when ps did not say). */
function startTimeOf(p: PsListProcess): number | undefined {
  const time = p.startTime?.getTime();
  return time === undefined || Number.isNaN(time) ? undefined : time;
}

export function fromPsList(p: PsListProcess): ProcInfo {
  return freezeProc({
    pid: p.pid,
    ppid: p.ppid,
    uid: p.uid,
    startTime: startTimeOf(p),
    cpuPercent: p.cpu,
    memPercent: p.memory,
    comm: p.name,
    args: commandLine(p),
  });
}

/**
 * ps-list passes ps's text on, where `[name]` stands for a missing command
 * line (see realArgs in ../ps/parse.ts) but may also be a real argv; without
 * STAT or VSZ the two cannot be told apart, so the command line is unknown.
 * `[name] <defunct>` is ps's zombie marking (a zombie has no command line):
 * ''. Left ambiguous: a live process whose argv is that very text.
 */
function commandLine(p: PsListProcess): string | undefined {
  if (p.cmd === undefined) return undefined;
  const standIn = psStandIn(p.cmd, p.name);
  if (standIn === 'bare') return undefined;
  return standIn === 'defunct' ? '' : p.cmd;
}

export class PsListBackend implements Backend {
  async snapshot(): Promise<Snapshot> {
    const list = await listProcesses();
    const procs = new SealedMap<number, ProcInfo>();
    for (const p of list) {
      // ps-list's own `ps` runs are our tools, not part of the picture.
      if (p.ppid === process.pid && p.name === 'ps') continue;
      procs.set(p.pid, fromPsList(p));
    }
    return sealSnapshot(Date.now(), procs);
  }

  async startTime(pid: number): Promise<number | undefined> {
    try {
      const found = (await listProcesses()).find((p) => p.pid === pid);
      return found === undefined ? undefined : startTimeOf(found);
    } catch {
      return undefined;
    }
  }

  /** Nothing is kept open between calls. */
  close(): void {}
}
