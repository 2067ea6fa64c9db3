// Acting on a process from the dashboard: send a signal or renice it. Identity
// is pid + start time (psutil's rule), so the start time is read again right
// before acting: a pid that was reused since the row was drawn is refused, not
// signalled. PID 1 and procview itself are refused. Nothing here throws; every
// outcome, EPERM and ESRCH included, comes back as a sentence for the UI.
import { getPriority, setPriority } from 'node:os';
import { provenSameProcess } from './identity.js';
import { readStartTime } from './inspector.js';
import { findSignal } from './signals.js';
import type { BackendName, InspectorOptions } from './types.js';
import { errnoOf } from '../process/errno.js';

/** A signal by its kill -l name without SIG (`TERM`, `RTMIN+3`): one of signals.ts's SIGNALS. */
export type ControlSignal = string;

export interface ProcessIdentity {
  readonly pid: number;
  /** As the row showed it; undefined means it cannot be confirmed, so nothing is done. */
  readonly startTime: number | undefined;
  readonly comm?: string | undefined;
}

/** Passed on as they are to readStartTime. */
export interface ControlOptions extends InspectorOptions {
  /** Whose pid counts as "procview itself" (default: this process). */
  readonly selfPid?: number;
  /**
   * The backend whose snapshot the target's start time came from (default:
   * this platform's). Start times compare only within one backend: procfs
   * counts 10 ms ticks, ps and ps-list whole seconds.
   */
  readonly backend?: BackendName;
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

/** What an errno from kill or setpriority means for `target`; `exited` ends "… exited before". */
function failure(error: unknown, target: ProcessIdentity, verb: string, exited: string): ControlOutcome {
  const code = errnoOf(error);
  if (code === 'EPERM') return { ok: false, reason: 'EPERM', message: `not permitted to ${verb} ${label(target)}: it belongs to another user (EPERM)` };
  if (code === 'ESRCH') return { ok: false, reason: 'ESRCH', message: `${label(target)} exited before ${exited}` };
  return { ok: false, reason: 'error', message: `could not ${verb} ${label(target)}: ${String((error as Error).message ?? error)}` };
}

/** Undefined when `target` may be acted on; otherwise why not (refused, gone, changed). */
export async function checkTarget(target: ProcessIdentity, verb: string, options: ControlOptions): Promise<ControlOutcome | undefined> {
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
  const now = await readStartTime(pid, options);
  if (now === undefined) return { ok: false, reason: 'gone', message: `${label(target)} has exited; nothing to ${verb}` };
  if (!provenSameProcess(target, { pid, startTime: now })) {
    return { ok: false, reason: 'changed', message: `not done: pid ${pid} now belongs to a different process (pid reused)` };
  }
  return undefined;
}

export async function sendSignal(target: ProcessIdentity, signal: ControlSignal, options: ControlOptions = {}): Promise<ControlOutcome> {
  try {
    const refused = await checkTarget(target, 'signal', options);
    if (refused !== undefined) return refused;
    const known = findSignal(signal);
    if (known === undefined) return { ok: false, reason: 'refused', message: `refused: no signal named ${signal} here` };
    // By number: Node knows no names for the real-time signals.
    process.kill(target.pid, known.number);
    return { ok: true, message: `sent SIG${signal} to ${label(target)}` };
  } catch (error) {
    return failure(error, target, 'signal', `SIG${signal} arrived`);
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
    if (errnoOf(error) === 'EACCES') {
      return { ok: false, reason: 'EACCES', message: `not permitted to lower the nice value of ${label(target)}: that needs root (EACCES)` };
    }
    return failure(error, target, 'renice', 'it could be reniced');
  }
}
