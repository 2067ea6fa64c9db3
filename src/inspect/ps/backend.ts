// The ps backend (macOS, BSD; runs on Linux with procps too): one
// `ps -axww -o …` call per snapshot, command name and arguments last.
// STAT is whatever this system's ps prints; %CPU is computed as top does, from
// TIME deltas between snapshots (TIME has whole seconds on procps, hundredths on BSD).
import { childProcess } from '../../base/child-process.js';
import type { Backend } from '../backend.js';
import { sameStartTime } from '../identity.js';
import { cpuPercent, freezeProc, SealedMap, sealSnapshot } from '../snapshot.js';
import type { ProcInfo, Snapshot } from '../types.js';
import { columnsFor, psArguments, type Column } from './columns.js';
import { parsePsOutput, type PsRow } from './parse.js';
import { parseLstart } from './time.js';
import { t } from '../../text/i18n/message.js';

/** Large enough for tens of thousands of long command lines. */
const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * A UTF-8 locale with C conventions: English month names in lstart, and ps
 * escaping as procps does it in UTF-8 (controls and invalid bytes as `?`,
 * valid characters kept). Where it does not exist ps falls back to C.
 */
export function psLocale(platform: NodeJS.Platform = process.platform): string {
  return platform === 'linux' ? 'C.UTF-8' : 'en_US.UTF-8';
}

/** Runs ps in psLocale() and resolves its stdout and pid. */
export function runPs(args: readonly string[]): Promise<{ stdout: string; pid: number | undefined }> {
  return new Promise((resolve, reject) => {
    const child = childProcess().execFile(
      'ps',
      args,
      { encoding: 'utf8', maxBuffer: MAX_BUFFER, env: { ...process.env, LC_ALL: psLocale() } },
      (error, stdout) => {
        if (error !== null && stdout === '') reject(new Error(t('inspect.psFailed', { why: error.message })));
        else resolve({ stdout, pid: child.pid });
      },
    );
  });
}

interface CpuMark {
  readonly startTime: number | undefined;
  readonly timeSeconds: number;
  readonly at: number;
}

export class PsBackend implements Backend {
  readonly #columns: readonly Column[];
  readonly #args: string[];
  #marks = new Map<number, CpuMark>();

  constructor(platform: NodeJS.Platform = process.platform) {
    this.#columns = columnsFor(platform);
    this.#args = psArguments(this.#columns);
  }

  /** Rejects only when ps itself cannot run. */
  async snapshot(): Promise<Snapshot> {
    const { stdout, pid: psPid } = await runPs(this.#args);
    const now = performance.now();
    const rows = parsePsOutput(stdout, this.#columns);
    const procs = new SealedMap<number, ProcInfo>();
    const marks = new Map<number, CpuMark>();
    for (const row of rows) {
      // ps lists itself; it is our tool, not part of the picture.
      if (row.pid === psPid) continue;
      const previous = this.#marks.get(row.pid);
      const samePrevious = previous !== undefined && sameStartTime(previous.startTime, row.startTime) ? previous : undefined;
      if (row.timeSeconds !== undefined) marks.set(row.pid, { startTime: row.startTime, timeSeconds: row.timeSeconds, at: now });
      procs.set(row.pid, toProcInfo(row, samePrevious, now));
    }
    this.#marks = marks;
    return sealSnapshot(Date.now(), procs);
  }

  async startTime(pid: number): Promise<number | undefined> {
    try {
      const { stdout } = await runPs(['-o', 'lstart=', '-p', String(pid)]);
      const words = stdout.trim().split(/\s+/);
      return words.length === 5 ? parseLstart(words) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Nothing is kept open between calls. */
  close(): void {}
}

function toProcInfo(row: PsRow, previous: CpuMark | undefined, now: number): ProcInfo {
  return freezeProc({
    ...row,
    state: row.stat?.charAt(0) || undefined,
    cpuPercent: previous === undefined || row.timeSeconds === undefined ? undefined : cpuPercent(row.timeSeconds - previous.timeSeconds, now - previous.at),
  });
}
