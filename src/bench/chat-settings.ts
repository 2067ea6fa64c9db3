// The flood-control and admission settings `npm run bench:chat` gives the
// server it starts. The room's defaults are made for people; a load generator
// is no person: all its clients log in at once from one address and send in
// bursts. Each setting is raised only as far as this load needs so that none
// of it is throttled (the bench measures delivery, not the limits), and the
// header says which were raised and why.
import { ROOM_DEFAULTS } from '../chat/room.js';

export interface BenchLoadShape {
  readonly clients: number;
  /** Messages each client sends in all: the warm-up and every run, back to back in a burst. */
  readonly perClient: number;
  /** Paced messages per second per client; 0 = burst. */
  readonly rate: number;
}

export interface ServerSettings {
  readonly burst: number;
  readonly rate: number;
  readonly maxMembers: number;
  readonly maxPerAddress: number;
  readonly loginsPerMinute: number;
}

export function benchServerSettings(load: BenchLoadShape): ServerSettings {
  return {
    burst: Math.max(ROOM_DEFAULTS.burst, load.perClient),
    rate: Math.max(ROOM_DEFAULTS.ratePerSecond, load.rate * 2),
    maxMembers: Math.max(ROOM_DEFAULTS.maxMembers, load.clients),
    maxPerAddress: Math.max(ROOM_DEFAULTS.maxPerAddress, load.clients),
    loginsPerMinute: Math.max(ROOM_DEFAULTS.loginsPerMinute, load.clients),
  };
}

export function settingsArgs(settings: ServerSettings): string[] {
  return [
    '--burst',
    String(settings.burst),
    '--rate',
    String(settings.rate),
    '--max-members',
    String(settings.maxMembers),
    '--max-per-address',
    String(settings.maxPerAddress),
    '--logins-per-minute',
    String(settings.loginsPerMinute),
  ];
}

/** Header lines: the settings used, then each one raised above its default and why. */
export function describeSettings(settings: ServerSettings, load: BenchLoadShape): string[] {
  const lines = [
    `  server settings: burst ${settings.burst}, rate ${settings.rate} msg/s, max members ${settings.maxMembers}, ` +
      `max per address ${settings.maxPerAddress}, logins per minute ${settings.loginsPerMinute}`,
  ];
  const raised = (flag: string, value: number, fallback: number, why: string): void => {
    if (value > fallback) lines.push(`  raised ${flag} from ${fallback} to ${value}: ${why}`);
  };
  raised(
    '--burst',
    settings.burst,
    ROOM_DEFAULTS.burst,
    `each client sends ${load.perClient} messages in all (warm-up and every run${load.rate > 0 ? '' : ', back to back'}); a burst that size lets flood control drop none`,
  );
  raised('--rate', settings.rate, ROOM_DEFAULTS.ratePerSecond, `clients send ${load.rate} msg/s each; twice that leaves room for timer jitter`);
  raised('--max-members', settings.maxMembers, ROOM_DEFAULTS.maxMembers, `${load.clients} clients must all be in the room`);
  raised('--max-per-address', settings.maxPerAddress, ROOM_DEFAULTS.maxPerAddress, `all ${load.clients} clients come from one address`);
  raised('--logins-per-minute', settings.loginsPerMinute, ROOM_DEFAULTS.loginsPerMinute, `all ${load.clients} clients log in at once from one address`);
  return lines;
}
