import { describe, expect, it } from 'vitest';
import { formatRequest, MAX_DATAGRAM_BYTES, parseDatagram } from '../../src/chat/protocol.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('parseDatagram', () => {
  it('reads the three classic verbs and our heartbeat', () => {
    expect(parseDatagram(bytes('L alice'))).toEqual({ ok: true, request: { verb: 'L', name: 'alice' } });
    expect(parseDatagram(bytes('C alice hello  there '))).toEqual({ ok: true, request: { verb: 'C', name: 'alice', text: 'hello  there ' } });
    expect(parseDatagram(bytes('Q alice'))).toEqual({ ok: true, request: { verb: 'Q', name: 'alice' } });
    expect(parseDatagram(bytes('H alice'))).toEqual({ ok: true, request: { verb: 'H', name: 'alice' } });
  });

  it('tolerates what C clients leave at the end: one line ending, trailing NULs', () => {
    expect(parseDatagram(bytes('C bob hi\n'))).toEqual({ ok: true, request: { verb: 'C', name: 'bob', text: 'hi' } });
    expect(parseDatagram(bytes('L bob\r\n\0\0\0'))).toEqual({ ok: true, request: { verb: 'L', name: 'bob' } });
  });

  it('names what is wrong with a malformed datagram', () => {
    expect(parseDatagram(bytes(''))).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseDatagram(bytes('\0\0'))).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseDatagram(bytes('X alice'))).toMatchObject({ ok: false, problem: 'unknown-verb', verb: 'X' });
    expect(parseDatagram(bytes('Lalice'))).toMatchObject({ ok: false, problem: 'unknown-verb' });
    expect(parseDatagram(bytes('l alice'))).toMatchObject({ ok: false, problem: 'unknown-verb' });
    expect(parseDatagram(bytes('L'))).toMatchObject({ ok: false, problem: 'missing-field', verb: 'L' });
    expect(parseDatagram(bytes('C alice'))).toMatchObject({ ok: false, problem: 'missing-field' });
    expect(parseDatagram(bytes('C  text'))).toMatchObject({ ok: false, problem: 'missing-field' });
    expect(parseDatagram(bytes('Q'))).toMatchObject({ ok: false, problem: 'missing-field' });
    expect(parseDatagram(bytes('Q '))).toMatchObject({ ok: false, problem: 'missing-field' });
  });

  it('an empty login name is a login, answered by the name rule', () => {
    expect(parseDatagram(bytes('L '))).toEqual({ ok: true, request: { verb: 'L', name: '' } });
  });

  it('refuses invalid UTF-8 without guessing', () => {
    expect(parseDatagram(Uint8Array.from([0x43, 0x20, 0x61, 0x20, 0xff, 0xfe]))).toMatchObject({ ok: false, problem: 'invalid-utf8', verb: 'C' });
    // An overlong encoding of '/' and a lone surrogate are invalid too.
    expect(parseDatagram(Uint8Array.from([0x43, 0x20, 0x61, 0x20, 0xc0, 0xaf]))).toMatchObject({ problem: 'invalid-utf8' });
    expect(parseDatagram(Uint8Array.from([0x43, 0x20, 0x61, 0x20, 0xed, 0xa0, 0x80]))).toMatchObject({ problem: 'invalid-utf8' });
  });

  it('refuses an oversized datagram before decoding it', () => {
    const huge = Buffer.alloc(65_000, 0xff);
    huge.write('C a ', 0);
    expect(parseDatagram(huge)).toMatchObject({ ok: false, problem: 'too-long', verb: 'C' });
    expect(parseDatagram(bytes(`C a ${'x'.repeat(MAX_DATAGRAM_BYTES)}`))).toMatchObject({ problem: 'too-long' });
  });

  it('formats what a client sends', () => {
    expect(formatRequest({ verb: 'C', name: 'bob', text: 'hi there' })).toBe('C bob hi there');
    expect(formatRequest({ verb: 'Q', name: 'bob' })).toBe('Q bob');
  });
});
