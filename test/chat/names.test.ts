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
    const invisible = ['ad\u200bmin', 'admin\u2060', '\u061cadmin', 'a\u200eb', 'a\u200db', 'a\ufeffb', 'a\u00adb', 'a\u180eb'];
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
  });

  it('compares names without case', () => {
    expect(nameKey('Alice')).toBe(nameKey('alice'));
  });
});
