// Both catalogs hold the same ids with the same placeholders: a message added
// to one language only, or a placeholder renamed in one, fails here.
import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/text/i18n/en.js';
import { isLang, languageFromEnv, setLanguage, takeLangFlag } from '../../../src/text/i18n/lang.js';
import { CATALOGS, fill, messageIn, PLACEHOLDER, t } from '../../../src/text/i18n/message.js';
import { ZH } from '../../../src/text/i18n/zh.js';

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

describe('the catalogs', () => {
  it('have the same ids in every language', () => {
    const en = Object.keys(EN).sort();
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      const ids = Object.keys(catalog).sort();
      expect(
        ids.filter((id) => !en.includes(id)),
        `${lang}: ids not in en`,
      ).toEqual([]);
      expect(
        en.filter((id) => !ids.includes(id)),
        `${lang}: ids missing`,
      ).toEqual([]);
    }
  });

  it('have the same placeholders for each id', () => {
    const mismatched = Object.entries(EN)
      .filter(([id, text]) => placeholders(text).join(',') !== placeholders(ZH[id as keyof typeof EN]).join(','))
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
  });

  it('has no empty Chinese entry', () => {
    for (const [id, text] of Object.entries(ZH)) {
      expect(text.trim(), id).not.toBe('');
    }
  });
});

describe('messages', () => {
  it('fill placeholders with the values as given, never re-reading a value', () => {
    expect(fill('{a} and {b}', { a: '{b}', b: 2 })).toBe('{b} and 2');
    expect(fill('keys {  } stay', {})).toBe('keys {  } stay');
    expect(messageIn('zh', 'chat.says', { name: '小明', text: '你好' })).toBe('小明 说:你好');
    expect(messageIn('en', 'chat.says', { name: 'ann', text: 'hi' })).toBe('ann says: hi');
  });

  it('speak the chosen language, else the locale', () => {
    setLanguage('zh');
    expect(t('chat.roomFull')).toBe('聊天室已满');
    setLanguage('en');
    expect(t('chat.roomFull')).toBe('the room is full');
    setLanguage(undefined);
  });
});

describe('the language', () => {
  it('comes from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LC_ALL: '', LANG: 'zh' })).toBe('zh');
    expect(languageFromEnv({})).toBe('en');
    expect(isLang('zh') && !isLang('fr')).toBe(true);
  });

  it('is taken off a command line up to --, or up to the command a `run` starts', () => {
    expect(takeLangFlag(['--lang', 'zh', '--plain'], false)).toEqual({ lang: 'zh', rest: ['--plain'] });
    expect(takeLangFlag(['zombie', '--lang=zh'], false)).toEqual({ lang: 'zh', rest: ['zombie'] });
    expect(takeLangFlag(['--', 'x', '--lang', 'zh'], false)).toEqual({ lang: undefined, rest: ['--', 'x', '--lang', 'zh'] });
    expect(takeLangFlag(['-d', '1', 'sh', '--lang', 'zh'], true, ['-d'])).toEqual({ lang: undefined, rest: ['-d', '1', 'sh', '--lang', 'zh'] });
    expect(takeLangFlag(['--lang', 'zh', 'sh'], true)).toEqual({ lang: 'zh', rest: ['sh'] });
  });
});
