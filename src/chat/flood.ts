// Flood control per sender: a token bucket. `capacity` messages may come at
// once, then `ratePerSecond` keep coming back. Time is passed in (ms), so the
// rule is tested with a hand-made clock.

/** What a sender's attempt earns: through, or refused with a notice (the first of a run), or dropped in silence. */
export type Admission = 'ok' | 'notice' | 'drop';

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** A refusal of the current run has been answered with a notice. */
  private noticed = false;

  constructor(
    private readonly capacity: number,
    private readonly ratePerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Spends one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Takes a token ('ok'), or refuses: the first refusal of a run earns one
   * notice, the rest are dropped; a run ends once the sender has been quiet
   * long enough to have a whole burst again.
   */
  attempt(now: number): Admission {
    if (this.noticed && this.isFull(now)) this.noticed = false;
    if (this.take(now)) return 'ok';
    if (this.noticed) return 'drop';
    this.noticed = true;
    return 'notice';
  }

  /** True when a token could be taken now (takes none). */
  ready(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** True once the sender has been quiet long enough to have a whole burst again. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    // A clock that steps back (it should not: callers pass a monotonic one) refills nothing.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.updatedAt = Math.max(now, this.updatedAt);
  }
}
