// A chat title fitted into the argv area: the room address whole or not at all.
import { describe, expect, it } from 'vitest';
import { fitRoomTitle } from '../../src/chat/title.js';

describe('titles', () => {
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
});
