// Which processes belong to a chat room, from one snapshot (pure but for this
// machine's addresses): its server (whose admin is its descendant) and every
// client process whose title names an address that reaches that server.
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Snapshot } from '../inspect/types.js';
import { type ChatServerSighting, clientRoom, hasChatTitle } from './room-titles.js';
import { type HostPort, parseHostPort } from './udp.js';

/** The IPv4 form of a v4-mapped v6 address (`::ffff:127.0.0.1`), else the address. */
function unmapped(host: string): string {
  return host.startsWith('::ffff:') && isIPv4(host.slice(7)) ? host.slice(7) : host;
}

function isLoopback(host: string): boolean {
  return host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/** This machine's addresses (what a client may use to reach a server bound to 0.0.0.0 or ::). */
export function localAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) out.add(entry.address.toLowerCase());
  return out;
}

/**
 * Whether a client talking to `client` reaches the server bound at `server`:
 * same port, and the same address, or any address of this machine when the
 * server is bound to the wildcard (0.0.0.0 takes IPv4 only; :: both, as Node
 * binds udp6 dual-stack).
 */
export function reachesServer(server: HostPort, client: HostPort, local: ReadonlySet<string>): boolean {
  if (server.port !== client.port) return false;
  const serverHost = unmapped(server.host);
  const clientHost = unmapped(client.host);
  if (serverHost === clientHost) return true;
  const isLocal = local.has(clientHost) || isLoopback(clientHost) || clientHost === '0.0.0.0' || clientHost === '::';
  if (serverHost === '0.0.0.0') return isLocal && isIPv4(clientHost);
  if (serverHost === '::') return isLocal;
  return false;
}

/**
 * The pids a room's view starts from: its server (whose admin comes in as a
 * descendant) and every client process of this room. A keyboard child's title
 * always carries the address, so its parent is taken through it when the
 * parent's own title could not hold the address.
 */
export function roomSeeds(snapshot: Snapshot, server: ChatServerSighting, local: ReadonlySet<string>): number[] {
  // The sighting keeps the title's spelling: `[::1]` for IPv6, as formatHostPort wrote it.
  const room = parseHostPort(`${server.host}:${server.port}`);
  const out = new Set<number>();
  if (snapshot.procs.has(server.pid)) out.add(server.pid);
  if (room === undefined) return [...out];
  for (const proc of snapshot.procs.values()) {
    const address = clientRoom(proc.args);
    if (address === undefined || !reachesServer(room, address, local)) continue;
    out.add(proc.pid);
    if (!hasChatTitle(proc.args, 'input') || proc.ppid === undefined) continue;
    const parent = snapshot.procs.get(proc.ppid);
    // Only a parent whose own title names no room: one that names another is not ours.
    if (parent !== undefined && hasChatTitle(parent.args, 'client') && clientRoom(parent.args) === undefined) out.add(parent.pid);
  }
  return [...out];
}
