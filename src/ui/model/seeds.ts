// Where a scoped view starts, found from one snapshot (pure): the processes a
// name matches, and the chat servers by their titles (the room's own seeds are
// the chat source's: src/ui/sources/chat.ts).
import type { ProcInfo, Snapshot } from '../../inspect/types.js';

/** Titles the chat processes give themselves (visible in /proc/PID/cmdline). */
export const CHAT_TITLES = {
  server: 'procview chat-server ',
  admin: 'procview chat-admin ',
  client: 'procview chat-client ',
  input: 'procview chat-input ',
} as const;

/** `--watch NAME`: comm or command line contains NAME; procview itself never matches its own argument. */
export function nameSeeds(snapshot: Snapshot, pattern: string, selfPid: number): number[] {
  const out: number[] = [];
  for (const proc of snapshot.procs.values()) {
    if (proc.pid === selfPid) continue;
    if (proc.comm?.includes(pattern) === true || proc.args?.includes(pattern) === true) out.push(proc.pid);
  }
  return out;
}

export interface ChatServerSighting {
  readonly pid: number;
  readonly host: string;
  readonly port: number;
}

/** A chat server's title is `procview chat-server HOST:PORT`; HOST may be an IPv6 literal. */
export function parseServerTitle(proc: ProcInfo): ChatServerSighting | undefined {
  const args = proc.args;
  if (args === undefined || !args.startsWith(CHAT_TITLES.server)) return undefined;
  const address = args.slice(CHAT_TITLES.server.length).trim().split(' ')[0] ?? '';
  const colon = address.lastIndexOf(':');
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port <= 0 || port > 65_535) return undefined;
  return { pid: proc.pid, host: address.slice(0, colon), port };
}

export function chatServers(snapshot: Snapshot): ChatServerSighting[] {
  const out: ChatServerSighting[] = [];
  for (const proc of snapshot.procs.values()) {
    const sighting = parseServerTitle(proc);
    if (sighting !== undefined) out.push(sighting);
  }
  return out.sort((a, b) => a.pid - b.pid);
}
