// --listen HOST:PORT parsing and what counts as loopback.
import { describe, expect, it } from 'vitest';
import { isLoopback, parseListen, urlHost } from '../../src/serve/listen.js';

describe('parseListen', () => {
  it('reads IPv4 and bracketed IPv6 literals with a port 0..65535', () => {
    expect(parseListen('127.0.0.1:9256')).toEqual({ host: '127.0.0.1', port: 9256 });
    expect(parseListen('0.0.0.0:0')).toEqual({ host: '0.0.0.0', port: 0 });
    expect(parseListen('[::1]:9256')).toEqual({ host: '::1', port: 9256 });
  });

  it('refuses names, bare IPv6, missing or out-of-range ports', () => {
    for (const bad of ['localhost:9256', '::1:9256', '127.0.0.1', '127.0.0.1:65536', ':9256', '127.0.0.1:-1', '1.2.3.4:9x']) {
      expect(parseListen(bad)).toBeUndefined();
    }
  });
});

describe('isLoopback / urlHost', () => {
  it('knows 127/8 and ::1, brackets IPv6 for URLs', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('127.1.2.3'), isLoopback('::1'), isLoopback('0.0.0.0'), isLoopback('::')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('10.0.0.1')).toBe('10.0.0.1');
  });
});
