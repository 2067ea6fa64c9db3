// The server's sockets resolve addresses through literalsFirst (udp.ts): IP
// literals straight on, names through dns.lookup. Real sockets on loopback.
import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { bindUdp } from '../../src/chat/udp.js';
import { waitFor } from '../helpers/processes.js';

async function receiver(): Promise<{ socket: Socket; got: string[] }> {
  const socket = createSocket('udp4');
  const got: string[] = [];
  socket.on('message', (bytes) => got.push(bytes.toString()));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, got };
}

describe('bindUdp sends', () => {
  it('reach literals and names alike, in order, whichever was asked about last', async () => {
    const sender = await bindUdp({ host: '127.0.0.1', port: 0, type: 'udp4', bufferBytes: 1 << 20 });
    const a = await receiver();
    const b = await receiver();
    try {
      const { port: portA } = a.socket.address();
      const { port: portB } = b.socket.address();
      // Alternating hosts: the literal remembered last changes at every send, and a name is never taken for one.
      const plan: [string, number][] = [
        ['127.0.0.1', portA],
        ['localhost', portB],
        ['127.0.0.1', portB],
        ['localhost', portA],
        ['127.0.0.1', portA],
      ];
      for (const [index, [host, port]] of plan.entries()) {
        await new Promise<void>((resolve, reject) => sender.send(`m${index}`, port, host, (error) => (error ? reject(error) : resolve())));
      }
      await waitFor(() => a.got.length + b.got.length >= plan.length, { what: 'every datagram' });
      expect(a.got).toEqual(['m0', 'm3', 'm4']);
      expect(b.got).toEqual(['m1', 'm2']);
    } finally {
      for (const socket of [sender, a.socket, b.socket]) socket.close();
    }
  });
});
