// The room's rules with no sockets: datagrams in, datagrams out, a hand-made clock.
import { describe, expect, it } from 'vitest';
import { Room, type Peer, type RoomEffects, type RoomOptions } from '../../src/chat/room.js';

const ALICE: Peer = { address: '127.0.0.1', port: 4001 };
const BOB: Peer = { address: '127.0.0.1', port: 4002 };
const CAROL: Peer = { address: '127.0.0.1', port: 4003 };
const MALLORY: Peer = { address: '127.0.0.1', port: 4666 };

function room(options: Partial<RoomOptions> = {}): Room {
  return new Room({ lang: 'en', burst: 50, ratePerSecond: 20, heartbeatTimeoutMs: 15_000, ...options });
}

/** What each peer got, as `port: text` (a delivery goes to all in `to` but `except`, as the server sends it). */
function sent(effects: RoomEffects): string[] {
  return effects.deliveries.flatMap((delivery) => delivery.to.filter((peer) => peer !== delivery.except).map((peer) => `${peer.port}: ${delivery.text}`));
}

function say(target: Room, from: Peer, text: string | Uint8Array, now = 0): string[] {
  return sent(target.receive(typeof text === 'string' ? Buffer.from(text) : text, from, now));
}

function withMembers(options: Partial<RoomOptions> = {}): Room {
  const r = room(options);
  say(r, ALICE, 'L alice');
  say(r, BOB, 'L bob');
  say(r, CAROL, 'L carol');
  return r;
}

describe('Room', () => {
  it('logs in, tells the others, fans a message out to all but the sender, and lets one quit', () => {
    const r = room();
    expect(say(r, ALICE, 'L alice')).toEqual(['4001: OK']);
    expect(say(r, BOB, 'L bob')).toEqual(['4002: OK', '4001: bob joined the room']);
    say(r, CAROL, 'L carol');
    expect(say(r, ALICE, 'C alice hi all')).toEqual(['4002: alice says: hi all', '4003: alice says: hi all']);
    expect(say(r, BOB, 'Q bob')).toEqual(['4002: EXIT', '4001: bob left the room', '4003: bob left the room']);
    expect(r.members().map((member) => member.name)).toEqual(['alice', 'carol']);
  });

  it('lets a name be taken again after quit, from a new address', () => {
    const r = withMembers();
    say(r, BOB, 'Q bob');
    expect(say(r, MALLORY, 'L bob')).toEqual(['4666: OK', '4001: bob joined the room', '4003: bob joined the room']);
  });

  it('refuses taken, reserved and malformed names with a reason', () => {
    const r = withMembers();
    expect(say(r, MALLORY, 'L alice')).toEqual(['4666: that name is already taken']);
    expect(say(r, MALLORY, 'L ALICE')).toEqual(['4666: that name is already taken']);
    expect(say(r, MALLORY, 'L admin')).toEqual(['4666: that name is reserved for the admin']);
    expect(say(r, MALLORY, 'L 管理员')).toEqual(['4666: that name is reserved for the admin']);
    expect(say(r, MALLORY, 'L ')).toEqual(['4666: a name must not be empty']);
    expect(say(r, MALLORY, 'L a b')).toEqual(['4666: a name must not contain spaces or control characters']);
    expect(say(r, MALLORY, `L ${'m'.repeat(33)}`)).toEqual(['4666: a name must be at most 32 characters']);
    expect(r.members()).toHaveLength(3);
  });

  it('answers a repeated login from the same address (a lost OK), and refuses a second name there', () => {
    const r = withMembers();
    expect(say(r, ALICE, 'L alice')).toEqual(['4001: OK']);
    expect(say(r, ALICE, 'L alice2')).toEqual(['4001: you are already in the room as alice']);
  });

  it('binds identity to the login address: no impersonation, no forced quit', () => {
    const r = withMembers();
    say(r, MALLORY, 'L mallory');
    expect(say(r, MALLORY, 'C alice I owe you')).toEqual([]);
    expect(say(r, MALLORY, 'Q alice')).toEqual([]);
    expect(say(r, BOB, 'C alice from bob')).toEqual([]);
    expect(say(r, { address: '127.0.0.2', port: ALICE.port }, 'Q alice')).toEqual([]);
    expect(r.members().map((member) => member.name)).toContain('alice');
  });

  it("drops junk from strangers silently but answers members, and a stranger's login attempt", () => {
    const r = withMembers();
    expect(say(r, MALLORY, 'X hello')).toEqual([]);
    expect(say(r, MALLORY, '')).toEqual([]);
    expect(say(r, MALLORY, 'C alice')).toEqual([]);
    expect(say(r, MALLORY, Uint8Array.from([0x4c, 0x20, 0xff]))).toEqual(['4666: error: not valid UTF-8']);
    expect(say(r, ALICE, 'X hello')).toEqual(['4001: error: unknown command (use L, C or Q)']);
    expect(say(r, ALICE, '')).toEqual(['4001: error: empty datagram']);
    expect(say(r, ALICE, 'C alice')).toEqual(['4001: error: missing name or text']);
    expect(say(r, ALICE, 'C alice    ')).toEqual(['4001: error: empty message']);
    expect(say(r, ALICE, Uint8Array.from([0x43, 0x20, 0x61, 0x6c, 0x69, 0x63, 0x65, 0x20, 0xc3]))).toEqual(['4001: error: not valid UTF-8']);
  });

  it('refuses text over 1000 bytes, and less when the line would not fit a classic 1024-byte buffer', () => {
    const r = withMembers();
    expect(say(r, ALICE, `C alice ${'x'.repeat(1000)}`)).toHaveLength(2);
    expect(say(r, ALICE, `C alice ${'x'.repeat(1001)}`)).toEqual(['4001: error: message too long (max 1000 bytes)']);
    const longName = 'n'.repeat(32);
    say(r, MALLORY, `L ${longName}`);
    // `<32 chars> says: ` is 39 bytes; 1023 − 39 = 984.
    expect(say(r, MALLORY, `C ${longName} ${'x'.repeat(985)}`)).toEqual(['4666: error: message too long (max 984 bytes)']);
    expect(say(r, MALLORY, `C ${longName} ${'x'.repeat(984)}`)).toHaveLength(3);
    const huge = Buffer.alloc(65_000, 0x78);
    huge.write('C alice ', 0);
    expect(say(r, ALICE, huge)).toEqual(['4001: error: message too long (max 1000 bytes)']);
  });

  it('strips escapes and control characters before forwarding', () => {
    const r = withMembers();
    const hostile = 'C alice \u001b[2J\u001b]0;pwned\u0007red\u001b[31m!\u009b31m \u202eevil\u0007\u0000';
    expect(say(r, ALICE, hostile)).toEqual(['4002: alice says: red! evil', '4003: alice says: red! evil']);
    expect(say(r, ALICE, 'C alice \u001b[31m')).toEqual(['4001: error: empty message']);
  });

  it('a forged admin line shows who really sent it', () => {
    const r = withMembers();
    expect(say(r, MALLORY, 'C admin hello')).toEqual([]);
    expect(say(r, ALICE, 'C alice \radmin says: x')).toEqual(['4002: alice says: admin says: x', '4003: alice says: admin says: x']);
  });

  it('floods: a burst passes, the rest is dropped with one notice, and the rate comes back', () => {
    const r = withMembers({ burst: 3, ratePerSecond: 2 });
    const toBob = (out: string[]): string[] => out.filter((line) => line.startsWith('4002:'));
    let delivered = 0;
    const notices: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const out = say(r, ALICE, `C alice m${i}`, 100);
      delivered += toBob(out).length;
      notices.push(...out.filter((line) => line.startsWith('4001:')));
    }
    expect(delivered).toBe(3);
    expect(notices).toEqual(['4001: too many messages: the rest are dropped until you slow down']);
    // 2/s: one more after 500 ms, still no second notice while flooding.
    expect(toBob(say(r, ALICE, 'C alice later', 600))).toEqual(['4002: alice says: later']);
    expect(say(r, ALICE, 'C alice again', 600)).toEqual([]);
    // Quiet long enough to refill entirely: a new flood earns a new notice.
    for (let i = 0; i < 3; i += 1) say(r, ALICE, `C alice n${i}`, 5000);
    expect(say(r, ALICE, 'C alice over', 5000)).toEqual(['4001: too many messages: the rest are dropped until you slow down']);
  });

  it('evicts our clients that stop their heartbeat, never classic ones that never sent one', () => {
    const r = room({ heartbeatTimeoutMs: 1000 });
    say(r, ALICE, 'L alice', 0); // classic: never heartbeats
    say(r, BOB, 'L bob', 0);
    expect(say(r, BOB, 'H bob', 0)).toEqual(['4002: H']);
    expect(sent(r.sweep(900))).toEqual([]);
    say(r, BOB, 'H bob', 900);
    expect(sent(r.sweep(1800))).toEqual([]);
    const effects = r.sweep(1901);
    expect(sent(effects)).toEqual(['4002: EXIT', '4001: bob left the room']);
    expect(effects.roomLines).toEqual(['bob left the room']);
    expect(sent(r.sweep(1_000_000))).toEqual([]);
    expect(r.members().map((member) => member.name)).toEqual(['alice']);
  });

  it('a heartbeat naming someone else counts for nothing', () => {
    const r = room({ heartbeatTimeoutMs: 1000 });
    say(r, ALICE, 'L alice', 0);
    say(r, ALICE, 'H alice', 0);
    expect(say(r, MALLORY, 'H alice', 900)).toEqual([]);
    expect(sent(r.sweep(1500))).toEqual(['4001: EXIT']);
  });

  it("the admin speaks to everyone; its text is checked like anyone's", () => {
    const r = withMembers();
    const result = r.adminSay('tea is \u001b[5mready');
    expect(result.ok && sent(result.effects)).toEqual(['4001: admin says: tea is ready', '4002: admin says: tea is ready', '4003: admin says: tea is ready']);
    expect(r.adminSay('  ')).toEqual({ ok: false, error: 'error: empty message' });
    expect(r.adminSay('x'.repeat(1001))).toEqual({ ok: false, error: 'error: message too long (max 1000 bytes)' });
  });

  it('closing tells everyone, then sends EXIT', () => {
    const r = withMembers();
    const effects = r.close();
    expect(sent(effects)).toEqual([
      '4001: the room is closing',
      '4002: the room is closing',
      '4003: the room is closing',
      '4001: EXIT',
      '4002: EXIT',
      '4003: EXIT',
    ]);
    expect(r.members()).toEqual([]);
  });

  it('speaks the wording of the original lesson in Chinese', () => {
    const r = room({ lang: 'zh' });
    say(r, ALICE, 'L alice');
    expect(say(r, BOB, 'L bob')).toEqual(['4002: OK', '4001: 欢迎 bob 进入聊天室']);
    expect(say(r, MALLORY, 'L bob')).toEqual(['4666: 该用户已存在']);
    expect(say(r, ALICE, 'C alice 你好')).toEqual(['4002: alice 说:你好']);
    const admin = r.adminSay('大家好');
    expect(admin.ok && sent(admin.effects)).toEqual(['4001: 管理员 说:大家好', '4002: 管理员 说:大家好']);
    expect(say(r, BOB, 'Q bob')).toEqual(['4002: EXIT', '4001: bob退出了聊天室']);
  });

  it('room lines are what everyone was told, in order', () => {
    const r = room();
    const lines = [
      ...r.receive(Buffer.from('L alice'), ALICE, 0).roomLines,
      ...r.receive(Buffer.from('L bob'), BOB, 0).roomLines,
      ...r.receive(Buffer.from('C bob yo'), BOB, 0).roomLines,
      ...r.receive(Buffer.from('Q bob'), BOB, 0).roomLines,
    ];
    expect(lines).toEqual(['alice joined the room', 'bob joined the room', 'bob says: yo', 'bob left the room']);
  });
});

describe('Room admission limits', () => {
  const from = (address: string, port: number): Peer => ({ address, port });

  it('takes at most 8 members from one address by default; another address still gets in', () => {
    const r = room();
    for (let i = 0; i < 8; i += 1) expect(say(r, from('127.0.0.1', 5000 + i), `L user${i}`)[0]).toBe(`${5000 + i}: OK`);
    expect(say(r, from('127.0.0.1', 5008), 'L user8')).toEqual(['5008: too many members from your address (at most 8)']);
    expect(say(r, from('127.0.0.2', 5008), 'L user8')[0]).toBe('5008: OK');
    // A place freed by a quit is free again.
    say(r, from('127.0.0.1', 5000), 'Q user0');
    expect(say(r, from('127.0.0.1', 5009), 'L user9')[0]).toBe('5009: OK');
    expect(r.members()).toHaveLength(9);
  });

  it('counts an IPv6 /64 as one address, and a v4-mapped peer as its IPv4 address', () => {
    const r = room({ maxPerAddress: 2 });
    say(r, from('2001:db8::1', 1), 'L a');
    say(r, from('2001:db8::2', 2), 'L b');
    expect(say(r, from('2001:db8::ffff:3', 3), 'L c')).toEqual(['3: too many members from your address (at most 2)']);
    expect(say(r, from('2001:db8:0:1::3', 3), 'L c')[0]).toBe('3: OK');
    say(r, from('10.0.0.1', 4), 'L d');
    say(r, from('::ffff:10.0.0.1', 5), 'L e');
    expect(say(r, from('10.0.0.1', 6), 'L f')).toEqual(['6: too many members from your address (at most 2)']);
  });

  it('rate-limits login attempts from a stranger, refusals included: one notice, then silence', () => {
    const r = withMembers({ loginsPerMinute: 3 });
    const mallory = from('127.0.0.9', 6000);
    const replies = [1, 2, 3, 4, 5, 6].map(() => say(r, mallory, 'L alice', 1000));
    expect(replies).toEqual([
      ['6000: that name is already taken'],
      ['6000: that name is already taken'],
      ['6000: that name is already taken'],
      ['6000: too many login attempts from your address: try again in a minute'],
      [],
      [],
    ]);
    // Malformed logins cost the same, and get no answer either now.
    expect(say(r, mallory, Uint8Array.from([0x4c, 0x20, 0xff]), 1000)).toEqual([]);
    // Members are not strangers: their datagrams are only flood-controlled.
    expect(say(r, ALICE, 'L alice', 1000)).toEqual(['4001: OK']);
    // A minute later the stranger may try again.
    expect(say(r, mallory, 'L mallory', 61_000)[0]).toBe('6000: OK');
  });

  it('drops any member silent past --idle-timeout, classic ones too, and no one when it is 0', () => {
    const r = room({ idleTimeoutMs: 1000, heartbeatTimeoutMs: 0 });
    say(r, ALICE, 'L alice', 0);
    say(r, BOB, 'L bob', 0);
    say(r, BOB, 'C bob still here', 800);
    expect(sent(r.sweep(1001))).toEqual(['4001: EXIT', '4002: alice left the room']);
    expect(r.members().map((member) => member.name)).toEqual(['bob']);
    const patient = room({ heartbeatTimeoutMs: 0 });
    say(patient, ALICE, 'L alice', 0);
    expect(sent(patient.sweep(1e9))).toEqual([]);
  });
});
