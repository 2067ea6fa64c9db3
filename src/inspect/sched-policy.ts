// The scheduling policy (sched(7)): /proc/PID/stat field 41, the number
// sched_setscheduler(2) takes. Named as procps `ps -o policy` prints it.
import { type PlainMessageId, t } from '../text/i18n/message.js';

/** SCHED_OTHER, FIFO, RR, BATCH, ISO (never merged upstream), IDLE, DEADLINE. */
export type SchedPolicy = 'TS' | 'FF' | 'RR' | 'B' | 'ISO' | 'IDL' | 'DLN';

// Index = the policy number (include/uapi/linux/sched.h: SCHED_OTHER 0 … SCHED_DEADLINE 6).
const NAMES: readonly SchedPolicy[] = ['TS', 'FF', 'RR', 'B', 'ISO', 'IDL', 'DLN'];

/** The name of policy number `policy`; undefined when unknown (not read, or a number this table lacks). */
export function policyName(policy: number | undefined): SchedPolicy | undefined {
  return policy === undefined ? undefined : NAMES[policy];
}

/** The policy procps `ps -o policy` printed as `text`; undefined for `-`, `?` or anything else. */
export function policyNamed(text: string): SchedPolicy | undefined {
  return NAMES.find((name) => name === text);
}

/**
 * Whether the nice value takes part in scheduling: only for SCHED_OTHER and
 * SCHED_BATCH, the fair-class policies that weigh tasks by nice. procps prints
 * NI as `-` for every other policy (FIFO, RR, IDLE, DEADLINE), and so do we;
 * an unknown policy keeps the nice value (no backend but procfs knows it).
 */
export function niceApplies(policy: SchedPolicy | undefined): boolean {
  return policy === undefined || policy === 'TS' || policy === 'B';
}

/** Catalog ids of what each policy means (sched(7)). */
const WORDS: Readonly<Record<SchedPolicy, PlainMessageId>> = {
  TS: 'policy.TS',
  FF: 'policy.FF',
  RR: 'policy.RR',
  B: 'policy.B',
  ISO: 'policy.ISO',
  IDL: 'policy.IDL',
  DLN: 'policy.DLN',
};

/** What `policy` means, in the reader's language: the detail pane's line under NI, which says why NI shows `-`. */
export function policyWords(policy: SchedPolicy): string {
  return t(WORDS[policy]);
}
