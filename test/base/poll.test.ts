import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/base/poll.js';

describe('pollUntil', () => {
  it('asks until the probe answers, and resolves to the answer', async () => {
    let calls = 0;
    const answer = await pollUntil(() => (++calls === 3 ? 'ready' : undefined), { timeoutMs: 60_000, intervalMs: 0 });
    expect(answer).toBe('ready');
    expect(calls).toBe(3);
  });

  it('takes async probes, and false or 0 as answers (only undefined means "not yet")', async () => {
    expect(await pollUntil(async () => false, { timeoutMs: 0, intervalMs: 0 })).toBe(false);
    expect(await pollUntil(() => 0, { timeoutMs: 0, intervalMs: 0 })).toBe(0);
  });

  it('probes at least once, then gives up with undefined once the time is up', async () => {
    let calls = 0;
    const answer = await pollUntil(
      () => {
        calls += 1;
        return undefined;
      },
      { timeoutMs: 0, intervalMs: 1000 },
    );
    expect(answer).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('rejects with the abort reason, before a probe or during a pause', async () => {
    const before = new AbortController();
    before.abort(new Error('stop now'));
    await expect(pollUntil(() => 'never asked', { timeoutMs: 60_000, intervalMs: 0, signal: before.signal })).rejects.toThrow('stop now');
    const during = new AbortController();
    const waiting = pollUntil(
      () => {
        queueMicrotask(() => during.abort(new Error('stopped mid-pause')));
        return undefined;
      },
      { timeoutMs: 60_000, intervalMs: 60_000, signal: during.signal },
    );
    await expect(waiting).rejects.toThrow('stopped mid-pause');
  });
});
