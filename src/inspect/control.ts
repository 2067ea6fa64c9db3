// Acting on a process from the dashboard: send a signal or renice it. Identity
// is pid + start time (psutil's rule), so the start time is read again right
// before acting: a pid that was reused since the row was drawn is refused, not
// signalled. PID 1 and procview itself are refused. Nothing here throws; every
// outcome, EPERM and ESRCH included, comes back as a sentence for the UI.
import { getPriority, setPriority } from 'node:os';
import { readStartTime } from './identity.js';
import type { BackendName, InspectorOptions } from './types.js';

export type ControlSignal = 'TERM' | 'KILL' | 'INT' | 'HUP' | 'STOP' | 'CONT';

export interface ProcessIdentity {
  readonly pid: number;
  /** As the row showed it; undefined means it cannot be confirmed, so nothing is done. */
  readonly startTime: number | undefined;
  readonly comm?: string | undefined;
}

export interface ControlOptions {
  /** Whose pid counts as "procview itself" (default: this process). */
  readonly selfPid?: number;
  /**
   * The backend whose snapshot the target's start time came from (default:
   * this platform's). Start times compare only within one backend: procfs
   * counts 10 ms ticks, ps and ps-list whole seconds.
   */
  readonly backend?: BackendName;
  readonly procRoot?: string;
}

export interface ControlOutcome {
  readonly ok: boolean;
  /** `refused`: never attempted; `gone`/`changed`: identity check failed; else the errno. */
  readonly reason?: 'refused' | 'gone' | 'changed' | 'EPERM' | 'EACCES' | 'ESRCH' | 'error';
  readonly message: string;
}

/** Nice values Linux accepts (setpriority(2)). */
const NICE_MIN = -20;
const NICE_MAX = 19;

function label(target: ProcessIdentity): string {
  return target.comm === undefined ? String(target.pid) : `${target.pid} (${target.comm})`;
}

function errnoOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; info?: { code?: unknown } };
  // os.setPriority wraps the errno in ERR_SYSTEM_ERROR with `info.code`.
  if (typeof e.info?.code === 'string') return e.info.code;
  return typeof e.code === 'string' ? e.code : undefined;
}

function identityOptions({ backend, procRoot }: ControlOptions): InspectorOptions {
  return { ...(backend === undefined ? {} : { backend }), ...(procRoot === undefined ? {} : { procRoot }) };
}

async function checkTarget(target: ProcessIdentity, verb: string, options: ControlOptions): Promise<ControlOutcome | undefined> {
  const { pid } = target;
  const self = options.selfPid ?? process.pid;
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    return { ok: false, reason: 'refused', message: `refused: ${pid} is not a process id` };
  }
  if (pid === 1) return { ok: false, reason: 'refused', message: `refused to ${verb} PID 1 (init): everything depends on it` };
  if (pid === self) return { ok: false, reason: 'refused', message: `refused to ${verb} procview itself (use q to quit)` };
  if (target.startTime === undefined) {
    return { ok: false, reason: 'refused', message: `refused: cannot confirm ${label(target)} is the process shown (start time unknown)` };
  }
  const now = await readStartTime(pid, identityOptions(options));
  if (now === undefined) return { ok: false, reason: 'gone', message: `${label(target)} has exited; nothing to ${verb}` };
  if (now !== target.startTime) {
    return { ok: false, reason: 'changed', message: `not done: pid ${pid} now belongs to a different process (pid reused)` };
  }
  return undefined;
}

export async function sendSignal(target: ProcessIdentity, signal: ControlSignal, options: ControlOptions = {}): Promise<ControlOutcome> {
  try {
    const refused = await checkTarget(target, 'signal', options);
    if (refused !== undefined) return refused;
    process.kill(target.pid, `SIG${signal}`);
    return { ok: true, message: `sent SIG${signal} to ${label(target)}` };
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EPERM') return { ok: false, reason: 'EPERM', message: `not permitted to signal ${label(target)}: it belongs to another user (EPERM)` };
    if (code === 'ESRCH') return { ok: false, reason: 'ESRCH', message: `${label(target)} exited before SIG${signal} arrived` };
    return { ok: false, reason: 'error', message: `could not signal ${label(target)}: ${String((error as Error).message ?? error)}` };
  }
}

/** Changes nice by `delta` (+1 = nicer, lower priority), clamped to -20..19. */
export async function renice(target: ProcessIdentity, delta: number, options: ControlOptions = {}): Promise<ControlOutcome> {
  try {
    const refused = await checkTarget(target, 'renice', options);
    if (refused !== undefined) return refused;
    // setpriority(PRIO_PROCESS, pid) acts on the thread whose tid is pid, as renice(1) does.
    const current = getPriority(target.pid);
    const next = Math.max(NICE_MIN, Math.min(NICE_MAX, current + delta));
    if (next === current) return { ok: false, reason: 'refused', message: `${label(target)} is already at nice ${current}, the limit` };
    setPriority(target.pid, next);
    return { ok: true, message: `reniced ${label(target)}: nice ${current} → ${next}` };
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EACCES') {
      return { ok: false, reason: 'EACCES', message: `not permitted to lower the nice value of ${label(target)}: that needs root (EACCES)` };
    }
    if (code === 'EPERM') return { ok: false, reason: 'EPERM', message: `not permitted to renice ${label(target)}: it belongs to another user (EPERM)` };
    if (code === 'ESRCH') return { ok: false, reason: 'ESRCH', message: `${label(target)} exited before it could be reniced` };
    return { ok: false, reason: 'error', message: `could not renice ${label(target)}: ${String((error as Error).message ?? error)}` };
  }
}
