// Chat servers found by their titles (src/ui/model/seeds.ts), with the title
// words the chat processes set themselves (src/chat/title.ts).
import { describe, expect, it } from 'vitest';
import { CHAT_TITLES, hasChatTitle } from '../../../src/chat/title.js';
import { chatServers, parseServerTitle } from '../../../src/ui/model/seeds.js';
import { proc, snapshot } from './fixtures.js';

describe('chat server titles', () => {
  it('take a title only with more after it, never a longer word', () => {
    expect(hasChatTitle('procview chat-server 127.0.0.1:9999', CHAT_TITLES.server)).toBe(true);
    expect(hasChatTitle('procview chat-server', CHAT_TITLES.server)).toBe(false);
    expect(hasChatTitle('procview chat-serverx 127.0.0.1:9999', CHAT_TITLES.server)).toBe(false);
    expect(hasChatTitle('procview chat-input ann 127.0.0.1:9999', CHAT_TITLES.input)).toBe(true);
    expect(hasChatTitle(undefined, CHAT_TITLES.client)).toBe(false);
  });

  it('name a server only with a whole address: an IP literal and a port', () => {
    const at = (args: string) => parseServerTitle(proc(5, 1, { args }));
    expect(at('procview chat-server 10.0.0.2:4000 ')).toEqual({ pid: 5, host: '10.0.0.2', port: 4000 });
    for (const args of [
      'procview chat-server',
      'procview chat-server 127.0.0.1',
      'procview chat-server 127.0.0.1:0',
      'procview chat-server 127.0.0.1:70000',
      'procview chat-server ::1:4000',
      'procview chat-server somehost:4000',
      'procview chat-admin 127.0.0.1:9999',
    ]) {
      expect(at(args), args).toBeUndefined();
    }
  });

  it('lists the servers of a snapshot by pid', () => {
    const snap = snapshot([
      proc(9, 1, { args: 'procview chat-server [::1]:4000' }),
      proc(5, 1, { args: 'procview chat-server 127.0.0.1:9999' }),
      proc(6, 5, { args: 'procview chat-admin 127.0.0.1:9999' }),
    ]);
    expect(chatServers(snap).map((server) => [server.pid, server.port])).toEqual([
      [5, 9999],
      [9, 4000],
    ]);
  });
});
