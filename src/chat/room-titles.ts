// What the chat room's processes call themselves, in one place: each sets its
// process title (title.ts) so ps and `procview --watch chat` can tell what it
// is and which room it belongs to, and the dashboard reads the titles back
// here. A title is `procview chat-ROLE[ NAME] HOST:PORT`: the server and the
// admin name only the room, a client's two processes their user's name too.
// HOST:PORT is as formatHostPort writes it (`[::1]:4000` for IPv6).
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { type HostPort, parseHostPort } from './udp.js';

const CHAT_TITLES = {
  server: 'procview chat-server',
  admin: 'procview chat-admin',
  client: 'procview chat-client',
  input: 'procview chat-input',
} as const;

export type ChatRole = keyof typeof CHAT_TITLES;

/** A name as it may appear in a title: no controls, no spaces (they would split ps columns). */
export function titleSafe(name: string): string {
  return name.replace(/[\s\p{Z}\p{C}]/gu, '?');
}

/** The title before the room's address: `procview chat-server`, `procview chat-client NAME`. */
export function titleBase(role: ChatRole, name?: string): string {
  return name === undefined ? CHAT_TITLES[role] : `${CHAT_TITLES[role]} ${titleSafe(name)}`;
}

/** Whether `args` is the title of a chat process in `role`, with more after it (never a longer word). */
export function hasChatTitle(args: string | undefined, role: ChatRole): boolean {
  const title = CHAT_TITLES[role];
  return args !== undefined && args.startsWith(title) && args[title.length] === ' ';
}

export interface ChatServerSighting {
  readonly pid: number;
  /** As the title spells it (formatHostPort): `[::1]` for IPv6. */
  readonly host: string;
  readonly port: number;
}

/** A chat server's title is `procview chat-server HOST:PORT` (parseHostPort); HOST may be an IPv6 literal. */
export function parseServerTitle(proc: ProcInfo): ChatServerSighting | undefined {
  if (!hasChatTitle(proc.args, 'server')) return undefined;
  const word =
    proc.args
      ?.slice(CHAT_TITLES.server.length + 1)
      .trim()
      .split(' ')[0] ?? '';
  const address = parseHostPort(word);
  return address === undefined ? undefined : { pid: proc.pid, host: word.slice(0, word.lastIndexOf(':')), port: address.port };
}

/** Every chat server in `snapshot`, by pid. */
export function chatServers(snapshot: Snapshot): ChatServerSighting[] {
  const out: ChatServerSighting[] = [];
  for (const proc of snapshot.procs.values()) {
    const sighting = parseServerTitle(proc);
    if (sighting !== undefined) out.push(sighting);
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/**
 * The room a client process names in its title: `procview chat-client NAME
 * HOST:PORT` or `procview chat-input NAME HOST:PORT`. NAME carries no spaces
 * (titleSafe); the parent's title may lack the address (its argv was too
 * short), and then this is undefined.
 */
export function clientRoom(args: string | undefined): HostPort | undefined {
  if (args === undefined || !(hasChatTitle(args, 'client') || hasChatTitle(args, 'input'))) return undefined;
  const words = args.trim().split(' ');
  return words.length === 4 ? parseHostPort(words[3] ?? '') : undefined;
}
