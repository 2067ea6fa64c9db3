// Chat servers found by their titles (src/chat/room-titles.ts), with the title
// words the chat processes set themselves (titleBase).
import { describe, expect, it } from 'vitest';
import { chatServers, hasChatTitle, parseServerTitle, titleBase, titleSafe } from '../../src/chat/room-titles.js';
import { proc, snapshot } from '../ui/model/fixtures.js';

describe('chat server titles', () => {
  it('carry no spaces or controls from a name', () => {
    expect(titleSafe('a b\u001bc')).toBe('a?b?c');
  });
  it('are written as the dashboard reads them: role, a safe name, then the room', () => {
    expect(titleBase('server')).toBe('procview chat-server');
    expect(titleBase('input', 'a b\u001bc')).toBe('procview chat-input a?b?c');
    expect(hasChatTitle(`${titleBase('client', 'ann')} 127.0.0.1:9999`, 'client')).toBe(true);
    expect(parseServerTitle(proc(7, 1, { args: `${titleBase('server')} [::1]:4000` }))).toEqual({ pid: 7, host: '[::1]', port: 4000 });
  });

  it('take a title only with more after it, never a longer word', () => {
    expect(hasChatTitle('procview chat-server 127.0.0.1:9999', 'server')).toBe(true);
    expect(hasChatTitle('procview chat-server', 'server')).toBe(false);
    expect(hasChatTitle('procview chat-serverx 127.0.0.1:9999', 'server')).toBe(false);
    expect(hasChatTitle('procview chat-input ann 127.0.0.1:9999', 'input')).toBe(true);
    expect(hasChatTitle(undefined, 'client')).toBe(false);
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
