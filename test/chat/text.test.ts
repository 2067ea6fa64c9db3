// Small pure pieces: language choice, title fitting, the admin socket's frames.
import { describe, expect, it } from 'vitest';
import { parseAdminFrame, parseClientFrame, encodeFrame } from '../../src/chat/admin-wire.js';
import { languageFromEnv } from '../../src/chat/messages.js';
import { titleSafe } from '../../src/chat/room-titles.js';
import { fitRoomTitle } from '../../src/chat/title.js';
import { fitUtf8 } from '../../src/inspect/process-title.js';

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

describe('titles', () => {
  it('cut at a character boundary', () => {
    expect(fitUtf8('procview chat-client 张三', 23)).toBe('procview chat-client ');
    expect(fitUtf8('procview chat-client 张三', 24)).toBe('procview chat-client 张');
    expect(fitUtf8('abc', 10)).toBe('abc');
  });

  it('carry the room address whole or not at all', () => {
    const base = 'procview chat-client ann';
    const whole = 'procview chat-client ann 127.0.0.1:9999';
    expect(fitRoomTitle(base, '127.0.0.1:9999', undefined)).toBe(whole);
    expect(fitRoomTitle(base, '127.0.0.1:9999', Buffer.byteLength(whole))).toBe(whole);
    // One byte short: `…:999` would name another room, so the address goes entirely.
    expect(fitRoomTitle(base, '127.0.0.1:9999', Buffer.byteLength(whole) - 1)).toBe(base);
    expect(fitRoomTitle('procview chat-client 张三', '[::1]:9999', 24)).toBe('procview chat-client 张');
    expect(fitRoomTitle('procview chat-input 张三', '[::1]:9999', 100)).toBe('procview chat-input 张三 [::1]:9999');
  });

  it('never carry spaces or controls from a name', () => {
    expect(titleSafe('a b\u001bc')).toBe('a?b?c');
  });
});

describe('admin socket frames', () => {
  it('round-trip and refuse what is not a frame', () => {
    expect(parseClientFrame(encodeFrame({ id: 3, say: 'hi' }).trim())).toEqual({ id: 3, say: 'hi' });
    expect(parseClientFrame('{"id":"3","say":"hi"}')).toBeUndefined();
    expect(parseClientFrame('not json')).toBeUndefined();
    expect(parseAdminFrame('{"line":"bob joined the room"}')).toEqual({ line: 'bob joined the room' });
    expect(parseAdminFrame('{"id":1,"ok":true}')).toEqual({ id: 1, ok: true });
    expect(parseAdminFrame('{"id":1,"error":"no"}')).toEqual({ id: 1, error: 'no' });
    expect(parseAdminFrame('[1]')).toBeUndefined();
  });
});
