import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/chat/flood.js';

describe('TokenBucket', () => {
  it('allows a burst, then the rate', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(499)).toBe(false); // 2/s: one token every 500 ms
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(500)).toBe(false);
  });

  it('refills to the burst and no further', () => {
    const bucket = new TokenBucket(2, 10, 0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.isFull(100)).toBe(false);
    expect(bucket.isFull(200)).toBe(true);
    expect(bucket.isFull(60_000)).toBe(true);
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, false]);
  });

  it('a clock that steps back refills nothing', () => {
    const bucket = new TokenBucket(1, 1000, 1000);
    bucket.take(1000);
    expect(bucket.take(0)).toBe(false);
  });
});

describe('TokenBucket.attempt', () => {
  it('lets a burst through, answers the first refusal of a run with a notice, then drops until it refills whole', () => {
    const bucket = new TokenBucket(2, 10, 0);
    expect([0, 0, 0, 0].map((now) => bucket.attempt(now))).toEqual(['ok', 'ok', 'notice', 'drop']);
    // One token back after 100 ms: through, but the run of refusals is not over, so no second notice.
    expect([100, 100].map((now) => bucket.attempt(now))).toEqual(['ok', 'drop']);
    // Quiet long enough to be full again: a new run earns a new notice.
    expect([1000, 1000, 1000, 1000].map((now) => bucket.attempt(now))).toEqual(['ok', 'ok', 'notice', 'drop']);
  });
});
