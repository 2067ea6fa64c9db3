// Which source addresses the per-address limits count as one (src/chat/address-key.ts).
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/chat/address-key.js';

describe('addressKey', () => {
  it('is the address itself for IPv4', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
  });

  it('is the IPv4 address of a v4-mapped one, in any spelling', () => {
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('::FFFF:7f00:2')).toBe('127.0.0.2');
    expect(addressKey('0:0:0:0:0:ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('is the /64 for IPv6: one host holds a whole /64', () => {
    const key = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::1')).toBe(key);
    expect(addressKey('2001:0DB8:0001:0002:ffff::')).toBe(key);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%lo')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    expect(addressKey('not an address')).toBe('not an address');
  });
});
