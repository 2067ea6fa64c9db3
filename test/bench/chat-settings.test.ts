// What the chat bench asks of the server it starts (src/bench/chat-settings.ts):
// only as much above the defaults as its load needs, and it says so.
import { describe, expect, it } from 'vitest';
import { benchServerSettings, describeSettings, settingsArgs } from '../../src/bench/chat-settings.js';

describe('bench server settings', () => {
  it('keeps the defaults for a load they already admit, and says only what it uses', () => {
    const load = { clients: 4, perClient: 10, rate: 5 };
    const settings = benchServerSettings(load);
    expect(settings).toEqual({ burst: 50, rate: 20, maxMembers: 1000, maxPerAddress: 8, loginsPerMinute: 30 });
    expect(describeSettings(settings, load)).toEqual(['  server settings: burst 50, rate 20 msg/s, max members 1000, max per address 8, logins per minute 30']);
  });

  it('raises what the load needs, names each raise and why, and passes them to the server', () => {
    const load = { clients: 50, perClient: 120, rate: 0 };
    const settings = benchServerSettings(load);
    expect(describeSettings(settings, load)).toEqual([
      '  server settings: burst 120, rate 20 msg/s, max members 1000, max per address 50, logins per minute 50',
      '  raised --burst from 50 to 120: each client sends 120 messages in all (warm-up and every run, back to back); a burst that size lets flood control drop none',
      '  raised --max-per-address from 8 to 50: all 50 clients come from one address',
      '  raised --logins-per-minute from 30 to 50: all 50 clients log in at once from one address',
    ]);
    expect(settingsArgs(settings)).toEqual(['--burst', '120', '--rate', '20', '--max-members', '1000', '--max-per-address', '50', '--logins-per-minute', '50']);
    expect(describeSettings(benchServerSettings({ clients: 2, perClient: 1, rate: 400 }), { clients: 2, perClient: 1, rate: 400 })).toContain(
      '  raised --rate from 20 to 800: clients send 400 msg/s each; twice that leaves room for timer jitter',
    );
  });
});
