// Where a scoped view starts, found from one snapshot (pure): the processes a
// name matches, and the chat servers by their titles (the room's own seeds are
// the chat source's: src/ui/sources/chat.ts).
import { CHAT_TITLES, hasChatTitle } from '../../chat/title.js';
import { parseHostPort } from '../../chat/udp.js';
import type { ProcInfo, Snapshot } from '../../inspect/types.js';

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
  /** As the title spells it (formatHostPort): `[::1]` for IPv6. */
  readonly host: string;
  readonly port: number;
}

/** A chat server's title is `procview chat-server HOST:PORT` (parseHostPort); HOST may be an IPv6 literal. */
export function parseServerTitle(proc: ProcInfo): ChatServerSighting | undefined {
  if (!hasChatTitle(proc.args, CHAT_TITLES.server)) return undefined;
  const word =
    proc.args
      ?.slice(CHAT_TITLES.server.length + 1)
      .trim()
      .split(' ')[0] ?? '';
  const address = parseHostPort(word);
  return address === undefined ? undefined : { pid: proc.pid, host: word.slice(0, word.lastIndexOf(':')), port: address.port };
}

export function chatServers(snapshot: Snapshot): ChatServerSighting[] {
  const out: ChatServerSighting[] = [];
  for (const proc of snapshot.procs.values()) {
    const sighting = parseServerTitle(proc);
    if (sighting !== undefined) out.push(sighting);
  }
  return out.sort((a, b) => a.pid - b.pid);
}
