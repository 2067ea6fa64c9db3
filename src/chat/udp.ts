// Thin helpers around node:dgram shared by the server, the client and the bench.
import { createSocket, type Socket, type SocketType } from 'node:dgram';
import { lookup, type LookupOneOptions } from 'node:dns';
import { isIP, isIPv4, isIPv6 } from 'node:net';

/**
 * Receive/send buffers for the server and the bench. The kernel caps the
 * request at net.core.rmem_max / wmem_max (and doubles it for bookkeeping); a
 * small datagram costs ~1 KiB of buffer on loopback, so the default 208 KiB
 * drops most of a 50-client burst, 4 MiB does not.
 */
export const SERVER_BUFFER_BYTES = 4 * 1024 * 1024;
/** A client receives the room's fan-out: a burst of 50 senders is ~1000 lines. */
export const CLIENT_BUFFER_BYTES = 1024 * 1024;

export function socketTypeFor(host: string): SocketType {
  return isIPv6(host) ? 'udp6' : 'udp4';
}

/** An IP literal (no brackets, lower case) and a port. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** `HOST:PORT`, with brackets for IPv6 as in URLs. */
export function formatHostPort(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** What formatHostPort wrote (`127.0.0.1:9999`, `[::1]:9999`): an IP literal and a port 1-65535, else undefined. */
export function parseHostPort(text: string): HostPort | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || !/^\d{1,5}$/u.test(text.slice(colon + 1))) return undefined;
  const port = Number(text.slice(colon + 1));
  let host = text.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  else if (host.includes(':')) return undefined; // a bare v6 literal cannot carry a port
  if (port < 1 || port > 65_535 || (!isIPv4(host) && !isIPv6(host))) return undefined;
  return { host: host.toLowerCase(), port };
}

/**
 * node:dgram resolves the address of every send through its `lookup` (dns.lookup
 * by default), even an IP literal, and sends only on the next tick. The server
 * answers the addresses datagrams came from, always literals: those are passed
 * straight on, so a fan-out to 19 peers is 19 sends now rather than 19 queued
 * callbacks. Names still go to dns.lookup. (`lookup` is a documented
 * createSocket option; dgram passes the family as a number.)
 * A fan-out asks about the same few addresses over and over; isIP runs its
 * regular expressions once per address, the answer is remembered (a bounded
 * table: when full it starts over, so no sender can make it grow).
 */
const literalFamilies = new Map<string, number>();
const LITERALS_KEPT = 1024;
/**
 * The literal asked about last: a fan-out asks about one member's address
 * string after another, on one machine mostly the same few. A string compare
 * answers those without hashing (the table lookup was ~2% of the server's
 * user time under bench:chat).
 */
let lastLiteral: string | undefined;
let lastFamily = 0;

function literalsFirst(
  hostname: string,
  options: LookupOneOptions | number,
  callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void,
): void {
  if (hostname === lastLiteral) return callback(null, hostname, lastFamily);
  let family = literalFamilies.get(hostname);
  if (family === undefined) {
    family = isIP(hostname);
    if (family !== 0) {
      if (literalFamilies.size >= LITERALS_KEPT) literalFamilies.clear();
      literalFamilies.set(hostname, family);
    }
  }
  if (family === 0) return lookup(hostname, typeof options === 'number' ? { family: options } : options, callback);
  lastLiteral = hostname;
  lastFamily = family;
  callback(null, hostname, family);
}

export async function bindUdp(options: { host: string | undefined; port: number; type: SocketType; bufferBytes: number }): Promise<Socket> {
  const socket = createSocket({ type: options.type, recvBufferSize: options.bufferBytes, sendBufferSize: options.bufferBytes, lookup: literalsFirst });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: options.port, address: options.host }, () => {
      socket.removeListener('error', reject);
      resolve();
    });
  });
  return socket;
}

/**
 * The child of a client gets the parent's socket handle (same kernel socket,
 * so the same source port the server knows), but Node starts reading on every
 * copy: two readers would split the incoming lines between them. The sender
 * child must not read, and node:dgram has no public "stop receiving", so this
 * reaches the handle's recvStop through the socket's internal state. Returns
 * false if that is not possible on this Node; the caller then relays whatever
 * it receives to the parent.
 */
export function stopReceiving(socket: Socket): boolean {
  for (const symbol of Object.getOwnPropertySymbols(socket)) {
    const state: unknown = Reflect.get(socket, symbol);
    if (typeof state !== 'object' || state === null) continue;
    const handle: unknown = Reflect.get(state, 'handle');
    if (typeof handle !== 'object' || handle === null) continue;
    const recvStop: unknown = Reflect.get(handle, 'recvStop');
    if (typeof recvStop === 'function') {
      recvStop.call(handle);
      return true;
    }
  }
  return false;
}
