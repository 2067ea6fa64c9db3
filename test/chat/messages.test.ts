// The room's language, chosen from the locale as gettext does.
import { describe, expect, it } from 'vitest';
import { LANGS, languageFromEnv, WORDING } from '../../src/chat/messages.js';

describe('languageFromEnv', () => {
  it('picks Chinese for zh_* locales, English otherwise, LC_ALL first', () => {
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LANG: 'zh_TW' })).toBe('zh');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({})).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LANG: 'zhx' })).toBe('en');
  });
});

describe("saysAs (a member's lines, the name filled in at login)", () => {
  it('says what says(name, text) says, in every language, the text inserted as it came', () => {
    for (const lang of LANGS) {
      const wording = WORDING[lang];
      const alice = wording.saysAs('alice');
      for (const text of ['hello', '', '{name}', '{text} and {name}', '管理员 说:x']) expect(alice(text)).toBe(wording.says('alice', text));
    }
    expect(WORDING.en.saysAs('bob')('hi {name}')).toBe('bob says: hi {name}');
    expect(WORDING.zh.saysAs('bob')('你好')).toBe('bob 说:你好');
  });
});
