// Signals and renice for library users. The same identity rule as the
// dashboard's (control.ts): the start time is read again right before acting,
// and a pid that now belongs to another process is left alone. Failures are
// thrown as ProcessControlError with a code a program can switch on; its
// message is the dashboard's sentence (control.*) in the reader's language.
import { constants, getPriority, setPriority } from 'node:os';
import { errnoOf } from '../process/errno.js';
import { t } from '../text/i18n/message.js';
import { checkTarget } from './control.js';
import type { BackendName, InspectorOptions } from './types.js';

/**
 * `refused`: not attempted (PID 1, not a pid, an unknown signal, a nice value
 * out of range); `gone`: the process has exited; `changed`: the pid now
 * belongs to another process; `EPERM`: another user's process; `EACCES`:
 * lowering a nice value needs privilege; `error`: anything else (see cause).
 */
export type ProcessControlErrorCode = 'refused' | 'gone' | 'changed' | 'EPERM' | 'EACCES' | 'error';

export class ProcessControlError extends Error {
  override readonly name = 'ProcessControlError';
  readonly code: ProcessControlErrorCode;
  readonly pid: number;

  constructor(code: ProcessControlErrorCode, pid: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.pid = pid;
  }
}

export interface ProcessControlOptions extends InspectorOptions {
  /** The backend the start time came from (default: this platform's): start times compare only within one. */
  readonly backend?: BackendName;
}

/** Nice values Linux accepts (setpriority(2)). */
const NICE_MIN = -20;
const NICE_MAX = 19;

async function confirm(pid: number, startTime: number, verb: string, options: ProcessControlOptions): Promise<void> {
  // selfPid 0 matches no pid: a library may act on its own process; only the dashboard refuses itself.
  const refused = await checkTarget({ pid, startTime }, verb, { ...options, selfPid: 0 });
  if (refused !== undefined)
    throw new ProcessControlError(refused.reason === 'gone' || refused.reason === 'changed' ? refused.reason : 'refused', pid, refused.message);
}

function failure(error: unknown, pid: number, verb: 'signal' | 'renice'): ProcessControlError {
  const code = errnoOf(error);
  // The dashboard's sentences (control.*), with the pid as the one who is meant.
  const who = String(pid);
  const action = t(verb === 'signal' ? 'control.verb.signal' : 'control.verb.renice');
  if (code === 'ESRCH') {
    const exited = t(verb === 'signal' ? 'control.couldSignal' : 'control.couldRenice');
    return new ProcessControlError('gone', pid, t('control.esrch', { who, exited }), { cause: error });
  }
  if (code === 'EPERM') return new ProcessControlError('EPERM', pid, t('control.eperm', { action, who }), { cause: error });
  if (code === 'EACCES') return new ProcessControlError('EACCES', pid, t('control.eacces', { who }), { cause: error });
  const why = error instanceof Error ? error.message : String(error);
  return new ProcessControlError('error', pid, t('control.failed', { action, who, why }), { cause: error });
}

/**
 * Sends `signal` (a name such as 'SIGTERM', or a number) to `pid` if it is
 * still the process that started at `startTime` (ProcInfo.startTime from a
 * snapshot of the same backend). Resolves when sent; throws ProcessControlError.
 */
export async function sendSignal(
  pid: number,
  startTime: number,
  signal: NodeJS.Signals | number = 'SIGTERM',
  options: ProcessControlOptions = {},
): Promise<void> {
  const known = typeof signal === 'number' ? Number.isSafeInteger(signal) && signal >= 0 : Object.hasOwn(constants.signals, signal);
  if (!known) throw new ProcessControlError('refused', pid, t('control.noSignal', { signal: String(signal) }));
  await confirm(pid, startTime, 'signal', options);
  try {
    process.kill(pid, signal);
  } catch (error) {
    throw failure(error, pid, 'signal');
  }
}

/**
 * Sets the nice value of `pid` (-20..19) if it is still the process that
 * started at `startTime`; resolves to the value before and after. Raising it
 * works for your own processes; lowering it needs privilege (EACCES).
 */
export async function renice(
  pid: number,
  startTime: number,
  nice: number,
  options: ProcessControlOptions = {},
): Promise<{ readonly from: number; readonly to: number }> {
  if (!Number.isSafeInteger(nice) || nice < NICE_MIN || nice > NICE_MAX) {
    throw new ProcessControlError('refused', pid, t('control.niceRange', { nice, min: NICE_MIN, max: NICE_MAX }));
  }
  await confirm(pid, startTime, 'renice', options);
  try {
    // setpriority(PRIO_PROCESS, pid) acts on the thread whose tid is pid, as renice(1) does.
    const from = getPriority(pid);
    if (from !== nice) setPriority(pid, nice);
    return Object.freeze({ from, to: nice });
  } catch (error) {
    throw failure(error, pid, 'renice');
  }
}
