import { describe, expect, it } from 'vitest';
import { nameKey, nameProblem } from '../../src/chat/names.js';

describe('nameProblem', () => {
  it('accepts ordinary names, Chinese ones and exactly 32 characters', () => {
    expect(nameProblem('alice')).toBeUndefined();
    expect(nameProblem('张三')).toBeUndefined();
    expect(nameProblem('x'.repeat(32))).toBeUndefined();
    expect(nameProblem('汉'.repeat(32))).toBeUndefined(); // 96 bytes, 32 characters
  });

  it('refuses empty, too long, spaces and control characters', () => {
    expect(nameProblem('')).toBe('empty');
    expect(nameProblem('x'.repeat(33))).toBe('too-long');
    const invisible = ['ad\u200bmin', 'admin\u2060', '\u061cadmin', 'a\u200eb', 'a\ufeffb', 'a\u00adb', 'a\u180eb', '\u2800', 'a\u200d', '\u200cab'];
    for (const bad of ['a b', 'a\tb', 'a\u00a0b', 'a\u3000b', 'a\u001b[31m', 'a\u007f', 'a\u0085', 'a\u202e', 'a\ufffd', ...invisible]) {
      expect(nameProblem(bad), JSON.stringify(bad)).toBe('bad-chars');
    }
  });

  it('reserves the admin name in both languages, whatever the case or width', () => {
    for (const reserved of ['admin', 'Admin', 'ADMIN', '管理员', 'ａｄｍｉｎ']) expect(nameProblem(reserved), reserved).toBe('reserved');
    expect(nameProblem('admin2')).toBeUndefined();
  });

  it('reserves it in look-alike letters of other scripts too, and keeps those letters one name with the Latin', () => {
    // Cyrillic а (U+0430), і (U+0456); Greek ι (U+03B9); Armenian ո (U+0578).
    for (const reserved of ['\u0430dmin', 'adm\u0456n', 'ADM\u0399N', 'admi\u0578']) expect(nameProblem(reserved), reserved).toBe('reserved');
    expect(nameKey('\u0430lice')).toBe(nameKey('alice'));
    // A name all in Cyrillic is still a name.
    expect(nameProblem('Ольга')).toBeUndefined();
    // Capitals that look Latin: folded before lower-casing (Greek Ν is N, not ν's v).
    for (const reserved of ['\u0410D\u041cIN', 'ADMI\u039d']) expect(nameProblem(reserved), reserved).toBe('reserved');
    expect(nameKey('\u0422\u041e\u041c')).toBe(nameKey('TOM'));
    expect(nameKey('\u039dICK')).toBe(nameKey('nick'));
  });

  it('takes the joiners and selectors real names need, and tells no name apart by them', () => {
    // Persian with ZWNJ, a Devanagari half form with ZWJ, an emoji family, a heart with its selector.
    for (const name of ['\u0639\u0644\u06cc\u200c\u0631\u0636\u0627', '\u0915\u094d\u200d\u0937', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u2764\ufe0f']) {
      expect(nameProblem(name), JSON.stringify(name)).toBeUndefined();
    }
    // Between letters a joiner is allowed, but the admin's name with one is the admin's name.
    expect(nameProblem('ad\u200dmin')).toBe('reserved');
    expect(nameKey('ali\u200dce')).toBe(nameKey('alice'));
  });

  it('compares names without case', () => {
    expect(nameKey('Alice')).toBe(nameKey('alice'));
  });
});
