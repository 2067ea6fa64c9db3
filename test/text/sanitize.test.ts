import { describe, expect, it } from 'vitest';
import { decodeUtf8Lossy, decodeUtf8Strict, sanitizeForCells, sanitizeForDisplay, stripControls } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';

describe('sanitizeForDisplay (procps escape rules)', () => {
  it('keeps printable ASCII and multi-byte text as it is', () => {
    expect(sanitizeForDisplay('sleep 30 --name=été 管理员')).toBe('sleep 30 --name=été 管理员');
  });

  it('turns each C0, DEL and C1 code point into ?', () => {
    expect(sanitizeForDisplay('a\nb\tc\u0000d\u007fe\u0085f\u009bg')).toBe('a?b?c?d?e?f?g');
  });

  it('neutralises escape sequences so they cannot reach the terminal', () => {
    const osc = 'x\u001b]0;owned\u0007y';
    const out = sanitizeForDisplay(osc);
    expect(out).not.toMatch(/[\u001b\u0007]/u);
    expect(out).toBe('x?]0;owned?y');
  });

  it('shows invalid UTF-8 as ?, one per bad sequence', () => {
    const bytes = Uint8Array.from([0x61, 0xff, 0x62, 0xc3, 0x28]);
    expect(sanitizeForDisplay(decodeUtf8Lossy(bytes))).toBe('a?b?(');
  });

  it('neutralises bidi overrides that reorder a line', () => {
    expect(sanitizeForDisplay('ab\u202ecd')).toBe('ab?cd');
  });

  it('for cells, draws joined emoji one by one, as wide as measured in every terminal; a joiner between letters stays; text read back keeps them', () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    expect(sanitizeForCells(`x ${family} y`)).toBe('x \u{1f468}\u{1f469}\u{1f467} y');
    expect(displayWidth(sanitizeForCells(family))).toBe(6);
    expect(sanitizeForCells('\u2764\ufe0f')).toBe('\u2764');
    // Devanagari KA + VIRAMA + ZWJ + SSA: the joiner shapes a half form, it is no emoji's.
    expect(sanitizeForCells('\u0915\u094d\u200d\u0937')).toBe('\u0915\u094d\u200d\u0937');
    expect(sanitizeForDisplay(family)).toBe(family);
  });
});

describe('decodeUtf8Strict', () => {
  it('returns the text for valid UTF-8 and undefined for invalid', () => {
    expect(decodeUtf8Strict(new TextEncoder().encode('你好'))).toBe('你好');
    expect(decodeUtf8Strict(Uint8Array.from([0xe4, 0xbd]))).toBeUndefined();
  });

  it('answers as a fatal TextDecoder does: overlong forms, surrogates and too-high code points refused, one leading BOM dropped', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const reference = (bytes: Uint8Array): string | undefined => {
      try {
        return fatal.decode(bytes);
      } catch {
        return undefined;
      }
    };
    const cases = [
      [],
      [0x41],
      [0xef, 0xbb, 0xbf, 0x41],
      [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41],
      [0x41, 0xef, 0xbb, 0xbf],
      [0xef, 0xbb],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xff],
      [0x00, 0x7f, 0xc2, 0x80],
    ];
    for (const bytes of cases) expect(decodeUtf8Strict(Uint8Array.from(bytes)), JSON.stringify(bytes)).toBe(reference(Uint8Array.from(bytes)));
    // A view into a larger buffer (as a datagram's subarray is) decodes only its own bytes.
    const whole = Buffer.from('xx你好yy');
    expect(decodeUtf8Strict(whole.subarray(2, 8))).toBe('你好');
  });
});

describe('stripControls (chat text)', () => {
  it('gives clean text back unchanged, and still strips a lone control at either end', () => {
    const clean = 'hello 管理员 {red-fg} été';
    expect(stripControls(clean)).toBe(clean);
    expect(stripControls('\u0007bell')).toBe('bell');
    expect(stripControls('tail\u001b')).toBe('tail');
    expect(stripControls('twice: a\u0000b and again a\u0000b')).toBe('twice: ab and again ab');
  });

  it('removes whole CSI sequences, not just the ESC byte', () => {
    expect(stripControls('\u001b[31mred\u001b[0m text')).toBe('red text');
  });

  it('removes OSC strings terminated by BEL or ST', () => {
    expect(stripControls('a\u001b]0;title\u0007b\u001b]8;;http://x\u001b\\c')).toBe('abc');
  });

  it('removes C1 CSI and bare controls', () => {
    expect(stripControls('a\u009b2Jb\r\nc\u0000d')).toBe('abcd');
  });

  it('leaves ordinary text, including CJK, untouched', () => {
    expect(stripControls('管理员 says: hello {red-fg}')).toBe('管理员 says: hello {red-fg}');
  });
});
