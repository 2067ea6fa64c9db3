// How fast strangers may try to log in (src/chat/login-limit.ts), on a hand-made clock.
import { describe, expect, it } from 'vitest';
import { GLOBAL_LOGIN_FACTOR, LoginLimiter } from '../../src/chat/login-limit.js';

describe('LoginLimiter', () => {
  it('lets an address try N times a minute, tells it once, then ignores it until it slows down', () => {
    const limiter = new LoginLimiter(3, 0);
    expect([1, 2, 3, 4, 5].map(() => limiter.attempt('a', 0))).toEqual(['ok', 'ok', 'ok', 'address-notice', 'address-drop']);
    // Another address is not held back by the first.
    expect(limiter.attempt('b', 0)).toBe('ok');
    // 3 a minute: one token back after 20 s; the run of refusals goes on, so no second notice.
    expect(limiter.attempt('a', 19_999)).toBe('address-drop');
    expect(limiter.attempt('a', 20_000)).toBe('ok');
    expect(limiter.attempt('a', 20_000)).toBe('address-drop');
    // Quiet for a whole minute: a new run earns a new notice.
    for (let i = 0; i < 3; i += 1) expect(limiter.attempt('a', 90_000)).toBe('ok');
    expect(limiter.attempt('a', 90_000)).toBe('address-notice');
  });

  it(`lets all addresses together try ${GLOBAL_LOGIN_FACTOR} times what one may, then drops in silence`, () => {
    const limiter = new LoginLimiter(2, 0);
    const verdicts = Array.from({ length: 2 * GLOBAL_LOGIN_FACTOR + 5 }, (_, i) => limiter.attempt(`10.0.0.${i}`, 0));
    expect(verdicts.filter((verdict) => verdict === 'ok')).toHaveLength(2 * GLOBAL_LOGIN_FACTOR);
    expect(verdicts.slice(2 * GLOBAL_LOGIN_FACTOR)).toEqual(Array(5).fill('global-drop'));
  });

  it('remembers a bounded number of addresses, however many forge their way in', () => {
    const limiter = new LoginLimiter(1000, 0);
    for (let i = 0; i < 6000; i += 1) expect(limiter.attempt(`a${i}`, i)).toBe('ok');
    expect(limiter.tracked).toBeLessThanOrEqual(4096);
  });
});
