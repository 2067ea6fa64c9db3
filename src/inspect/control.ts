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
import { t } from '../text/i18n/message.js';

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
  const action = verbWords(verb);
  const who = label(target);
  if (code === 'EPERM') return { ok: false, reason: 'EPERM', message: t('control.eperm', { action, who }) };
  if (code === 'ESRCH') return { ok: false, reason: 'ESRCH', message: t('control.esrch', { who, exited }) };
  return { ok: false, reason: 'error', message: t('control.failed', { action, who, why: String((error as Error).message ?? error) }) };
}

/** `signal` and `renice` (the verbs of checkTarget's callers) in the reader's language; another verb as given. */
function verbWords(verb: string): string {
  return verb === 'signal' ? t('control.verb.signal') : verb === 'renice' ? t('control.verb.renice') : verb;
}

/**
 * The pids never signalled nor reniced, whoever asks: PID 1 (everything depends on it) and procview
 * itself (q quits). Undefined when `pid` is neither; else the refusal in words. Synchronous, so the
 * dashboard refuses as the key is pressed, before a menu opens.
 */
export function refusedPid(pid: number, verb: string, selfPid: number = process.pid): string | undefined {
  const action = verbWords(verb);
  if (pid === 1) return t('control.init', { action });
  if (pid === selfPid) return t('control.self', { action });
  return undefined;
}

/** Undefined when `target` may be acted on; otherwise why not (refused, gone, changed). */
export async function checkTarget(target: ProcessIdentity, verb: string, options: ControlOptions): Promise<ControlOutcome | undefined> {
  const { pid } = target;
  const self = options.selfPid ?? process.pid;
  const action = verbWords(verb);
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    return { ok: false, reason: 'refused', message: t('control.notPid', { pid }) };
  }
  const refused = refusedPid(pid, verb, self);
  if (refused !== undefined) return { ok: false, reason: 'refused', message: refused };
  if (target.startTime === undefined) {
    return { ok: false, reason: 'refused', message: t('control.unconfirmed', { who: label(target) }) };
  }
  const now = await readStartTime(pid, options);
  if (now === undefined) return { ok: false, reason: 'gone', message: t('control.gone', { who: label(target), action }) };
  if (!provenSameProcess(target, { pid, startTime: now })) {
    return { ok: false, reason: 'changed', message: t('control.reused', { pid }) };
  }
  return undefined;
}

export async function sendSignal(target: ProcessIdentity, signal: ControlSignal, options: ControlOptions = {}): Promise<ControlOutcome> {
  try {
    const refused = await checkTarget(target, 'signal', options);
    if (refused !== undefined) return refused;
    const known = findSignal(signal);
    if (known === undefined) return { ok: false, reason: 'refused', message: t('control.noSignal', { signal }) };
    // By number: Node knows no names for the real-time signals.
    process.kill(target.pid, known.number);
    return { ok: true, message: t('control.sent', { signal, who: label(target) }) };
  } catch (error) {
    return failure(error, target, 'signal', t('control.arrived', { signal }));
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
    if (next === current) return { ok: false, reason: 'refused', message: t('control.limit', { who: label(target), nice: current }) };
    setPriority(target.pid, next);
    return { ok: true, message: t('control.reniced', { who: label(target), from: current, to: next }) };
  } catch (error) {
    if (errnoOf(error) === 'EACCES') {
      return { ok: false, reason: 'EACCES', message: t('control.eacces', { who: label(target) }) };
    }
    return failure(error, target, 'renice', t('control.couldRenice'));
  }
}
