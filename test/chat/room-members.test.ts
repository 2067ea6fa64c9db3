// Which processes `procview --watch chat:PORT` takes as the room's
// (src/chat/room-members.ts), on hand-made snapshots: the titles the chat
// processes set are the only evidence, and another room's clients stay out.
import { describe, expect, it } from 'vitest';
import type { ProcInfo, Snapshot } from '../../src/inspect/types.js';
import { parseHostPort } from '../../src/chat/udp.js';
import { reachesServer, roomSeeds } from '../../src/chat/room-members.js';
import { clientRoom } from '../../src/chat/room-titles.js';

function proc(pid: number, ppid: number, args: string): ProcInfo {
  const unknown = undefined;
  return {
    pid,
    ppid,
    args,
    pgid: unknown,
    sid: unknown,
    tty: unknown,
    tpgid: unknown,
    state: 'S',
    stat: 'S',
    nice: 0,
    priority: unknown,
    threads: unknown,
    policy: unknown,
    uid: unknown,
    user: unknown,
    startTime: unknown,
    cpuPercent: unknown,
    memPercent: unknown,
    rssBytes: unknown,
    vszBytes: unknown,
    timeSeconds: unknown,
    comm: unknown,
  };
}

function snapshot(procs: readonly ProcInfo[]): Snapshot {
  return { takenAt: 0, procs: new Map(procs.map((p) => [p.pid, p])) };
}

const LOCAL = new Set(['127.0.0.1', '::1', '10.1.2.3']);

describe('room addresses in titles', () => {
  it('parse HOST:PORT and [V6]:PORT, nothing else', () => {
    expect(parseHostPort('127.0.0.1:9999')).toEqual({ host: '127.0.0.1', port: 9999 });
    expect(parseHostPort('[::1]:9999')).toEqual({ host: '::1', port: 9999 });
    for (const bad of ['127.0.0.1', '127.0.0.1:', ':9999', '::1:9999', 'host:9999', '127.0.0.1:0', '127.0.0.1:70000', '127.0.0.1:99x']) {
      expect(parseHostPort(bad), bad).toBeUndefined();
    }
  });

  it('come from client and keyboard titles, and a parent title may lack one', () => {
    expect(clientRoom('procview chat-input ann 127.0.0.1:9999')).toEqual({ host: '127.0.0.1', port: 9999 });
    expect(clientRoom('procview chat-client ann [::1]:4000 ')).toEqual({ host: '::1', port: 4000 });
    expect(clientRoom('procview chat-client ann')).toBeUndefined();
    expect(clientRoom('procview chat-server 127.0.0.1:9999')).toBeUndefined();
    expect(clientRoom('vim procview chat-input ann 127.0.0.1:9999')).toBeUndefined();
  });

  it('match a server bound to one address exactly, a wildcard one from any local address', () => {
    const at = (host: string, port = 9999) => ({ host, port });
    expect(reachesServer(at('127.0.0.1'), at('127.0.0.1'), LOCAL)).toBe(true);
    expect(reachesServer(at('127.0.0.1'), at('127.0.0.1', 9998), LOCAL)).toBe(false);
    expect(reachesServer(at('127.0.0.1'), at('127.0.0.2'), LOCAL)).toBe(false);
    expect(reachesServer(at('0.0.0.0'), at('10.1.2.3'), LOCAL)).toBe(true);
    expect(reachesServer(at('0.0.0.0'), at('127.0.0.5'), LOCAL)).toBe(true);
    expect(reachesServer(at('0.0.0.0'), at('192.0.2.7'), LOCAL)).toBe(false); // another machine's server on that port
    expect(reachesServer(at('0.0.0.0'), at('::1'), LOCAL)).toBe(false);
    expect(reachesServer(at('::'), at('::1'), LOCAL)).toBe(true);
    expect(reachesServer(at('::'), at('127.0.0.1'), LOCAL)).toBe(true);
    expect(reachesServer(at('127.0.0.1'), at('::ffff:127.0.0.1'), LOCAL)).toBe(true);
  });
});

describe('roomSeeds', () => {
  const server = { pid: 10, host: '127.0.0.1', port: 9999 };
  const procs = [
    proc(10, 1, 'procview chat-server 127.0.0.1:9999'),
    proc(11, 10, 'procview chat-admin 127.0.0.1:9999'),
    proc(20, 5, 'procview chat-server 127.0.0.1:8888'),
    // ann: both titles carry the address.
    proc(30, 2, 'procview chat-client ann 127.0.0.1:9999'),
    proc(31, 30, 'procview chat-input ann 127.0.0.1:9999'),
    // zed: the parent's argv was too short for the address; its child names the room.
    proc(40, 2, 'procview chat-client zed'),
    proc(41, 40, 'procview chat-input zed 127.0.0.1:9999'),
    // bea: another room on this machine.
    proc(50, 2, 'procview chat-client bea'),
    proc(51, 50, 'procview chat-input bea 127.0.0.1:8888'),
    proc(60, 2, 'procview chat-client cy 127.0.0.1:8888'),
    // A parent without an address whose child is gone: no evidence, left out.
    proc(70, 2, 'procview chat-client old'),
  ];

  it("takes the server and this room's clients, parents through their keyboard child", () => {
    expect(roomSeeds(snapshot(procs), server, LOCAL).sort((a, b) => a - b)).toEqual([10, 30, 31, 40, 41]);
  });

  it('takes nothing of a server that has gone', () => {
    expect(roomSeeds(snapshot(procs.filter((p) => p.pid !== 10)), server, LOCAL)).not.toContain(10);
  });
});
