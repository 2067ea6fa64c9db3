// Which source addresses count as one for the per-address limits. An IPv4
// address is one host. An IPv6 host usually holds a whole /64 (RFC 4291 §2.5.4:
// the interface ID is the low 64 bits; SLAAC and privacy addresses pick it
// freely), so limits keyed by the full IPv6 address would be no limit at all:
// the /64 prefix is the key. A v4-mapped address (::ffff:a.b.c.d, as a udp6
// socket sees an IPv4 peer) is its IPv4 address.
import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, or undefined if it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  const zoneless = address.split('%')[0] ?? '';
  if (!isIPv6(zoneless)) return undefined;
  let text = zoneless.toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text);
  if (dotted?.[1] !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? 0 : 8 - front.length - back.length;
  const groups = [...front, ...new Array<number>(zeros).fill(0), ...back];
  return groups.length === 8 ? groups : undefined;
}

/** The key the per-address limits count `address` under. */
export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (groups === undefined) return address;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
