// Thin helpers around node:dgram shared by the server, the client and the bench.
import { createSocket, type Socket, type SocketType } from 'node:dgram';
import { isIPv6 } from 'node:net';

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

/** `HOST:PORT`, with brackets for IPv6 as in URLs. */
export function formatHostPort(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function bindUdp(options: { host: string | undefined; port: number; type: SocketType; bufferBytes: number }): Promise<Socket> {
  const socket = createSocket({ type: options.type, recvBufferSize: options.bufferBytes, sendBufferSize: options.bufferBytes });
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
