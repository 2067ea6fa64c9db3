// The room's language, chosen from the locale as gettext does.
import { describe, expect, it } from 'vitest';
import { languageFromEnv } from '../../src/chat/messages.js';

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
