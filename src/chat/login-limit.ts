// How fast strangers may try to log in. Every login attempt from an address
// that is not a member costs a token of its address (key: addressKey) and one
// of all strangers together. Refusals are answers too, and UDP sources can be
// forged: without this, anyone could bounce "name taken" replies off the room
// at any address, as fast as they can send. Time is passed in (ms).
import { TokenBucket } from './flood.js';

export type LoginVerdict =
  | 'ok'
  /** This address ran out: the first refusal of a run earns it one notice… */
  | 'address-notice'
  /** …the rest of the run is dropped in silence. */
  | 'address-drop'
  /** All strangers together ran out: dropped in silence (an answer could go to a forged address). */
  | 'global-drop';

/** All strangers together may try this many times what one address may. */
export const GLOBAL_LOGIN_FACTOR = 10;
/** Addresses remembered at most; a forgotten one starts afresh, with a full bucket. */
const MAX_TRACKED = 4096;

export class LoginLimiter {
  private readonly addresses = new Map<string, TokenBucket>();
  private readonly global: TokenBucket;

  constructor(
    private readonly perMinute: number,
    now: number,
  ) {
    this.global = new TokenBucket(perMinute * GLOBAL_LOGIN_FACTOR, (perMinute * GLOBAL_LOGIN_FACTOR) / 60, now);
  }

  attempt(key: string, now: number): LoginVerdict {
    const known = this.addresses.get(key);
    // This address first: one address alone must not drain the budget of all.
    if (known !== undefined && !known.ready(now)) return known.attempt(now) === 'notice' ? 'address-notice' : 'address-drop';
    if (!this.global.take(now)) return 'global-drop';
    (known ?? this.track(key, now)).attempt(now);
    return 'ok';
  }

  /** Addresses remembered now (bounded by MAX_TRACKED). */
  get tracked(): number {
    return this.addresses.size;
  }

  private track(key: string, now: number): TokenBucket {
    if (this.addresses.size >= MAX_TRACKED) this.forget(now);
    const bucket = new TokenBucket(this.perMinute, this.perMinute / 60, now);
    this.addresses.set(key, bucket);
    return bucket;
  }

  /** Forgets every address whose bucket is full again (no different from a new one); if none, the oldest. */
  private forget(now: number): void {
    for (const [key, bucket] of this.addresses) if (bucket.isFull(now)) this.addresses.delete(key);
    if (this.addresses.size >= MAX_TRACKED) {
      const oldest = this.addresses.keys().next();
      if (oldest.done !== true) this.addresses.delete(oldest.value);
    }
  }
}
