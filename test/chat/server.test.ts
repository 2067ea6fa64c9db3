// A real `procview chat server` process, with raw UDP clients on loopback
// speaking the protocol by hand, as any third-party client would.
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import pty from '@lydell/node-pty';
import { describe, expect, it } from 'vitest';
import { connectAdmin } from '../../src/chat/admin-client.js';
import { isAlive, spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { childrenOf, CLI, cmdline, Lines, RawClient, runtimeDir, startServer, waitGone } from './helpers.js';
import { drainedExit } from '../e2e/helpers/pty-exit.js';

async function room(names: readonly string[], serverArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}) {
  const server = await startServer(serverArgs, env);
  const clients: RawClient[] = [];
  for (const name of names) {
    const client = await RawClient.open(server.port);
    await client.login(name);
    clients.push(client);
  }
  // Everyone has seen every later join: the room is settled.
  const zh = serverArgs.includes('zh') || env.LANG?.startsWith('zh') === true;
  for (const [index, client] of clients.entries()) {
    for (const later of names.slice(index + 1)) await client.expect(zh ? `欢迎 ${later} 进入聊天室` : `${later} joined the room`);
  }
  return { server, clients };
}

describe('procview chat server', () => {
  it('logs in, announces joins, fans a message out to all but the sender, and lets one quit', async () => {
    const { server, clients } = await room(['alice', 'bob', 'carol']);
    const [alice, bob, carol] = clients as [RawClient, RawClient, RawClient];
    await alice.send('C alice hello everyone');
    await bob.expect('alice says: hello everyone');
    await carol.expect('alice says: hello everyone');
    await bob.send('Q bob');
    await bob.expect('EXIT');
    await carol.expect('bob left the room');
    const { before } = await alice.expect('bob left the room');
    // The sender never got its own message back.
    expect(before).toEqual([]);
    expect(alice.received).not.toContain('alice says: hello everyone');
    // The server's terminal shows the room.
    await server.stdout.waitFor('bob left the room');
    expect(server.stdout.all.slice(2, 6)).toEqual(['alice joined the room', 'bob joined the room', 'carol joined the room', 'alice says: hello everyone']);
  });

  it('lets a name be used again after its owner quit', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    const [alice, bob] = clients as [RawClient, RawClient];
    await bob.send('Q bob');
    await alice.expect('bob left the room');
    const newBob = await RawClient.open(server.port);
    await newBob.login('bob');
    await alice.expect('bob joined the room');
  });

  it('refuses duplicate, reserved and malformed names with a reason', async () => {
    const { server } = await room(['alice']);
    const stranger = await RawClient.open(server.port);
    const cases: [string, string][] = [
      ['L alice', 'that name is already taken'],
      ['L Alice', 'that name is already taken'],
      ['L admin', 'that name is reserved for the admin'],
      ['L 管理员', 'that name is reserved for the admin'],
      ['L ', 'a name must not be empty'],
      ['L two words', 'a name must not contain spaces or control characters'],
      ['L bell\u0007', 'a name must not contain spaces or control characters'],
      [`L ${'x'.repeat(33)}`, 'a name must be at most 32 characters'],
    ];
    for (const [request, reason] of cases) {
      await stranger.send(request);
      await stranger.expect(reason);
    }
    await stranger.login('x'.repeat(32));
  });

  it('speaks Chinese with --lang zh, in the wording of the original lesson', async () => {
    const { server, clients } = await room(['alice', 'bob'], ['--lang', 'zh']);
    const [alice, bob] = clients as [RawClient, RawClient];
    const copycat = await RawClient.open(server.port);
    await copycat.send('L bob');
    await copycat.expect('该用户已存在');
    await alice.send('C alice 你好');
    await bob.expect('alice 说:你好');
    server.child.stdin?.write('开会了\n');
    await alice.expect('管理员 说:开会了');
    await bob.send('Q bob');
    await alice.expect('bob退出了聊天室');
  });

  it('speaks Chinese when LANG=zh_*', async () => {
    const { clients } = await room(['alice', 'bob'], [], { LANG: 'zh_CN.UTF-8' });
    expect(clients[0]?.received).toContain('欢迎 bob 进入聊天室');
  });

  it('broadcasts lines typed on its stdin as the admin, from the admin child', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    server.child.stdin?.write('tea is ready\n');
    for (const client of clients) await client.expect('admin says: tea is ready');
  });

  it('keeps serving with stdin closed, and shows what each process is in its title', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    server.child.stdin?.end();
    await clients[0]?.send('C alice still here');
    await clients[1]?.expect('alice says: still here');
    const speaker = await connectAdmin({ port: server.port, socketPath: server.socketPath });
    await speaker.say('the admin socket still works');
    await clients[0]?.expect('admin says: the admin socket still works');
    speaker.close();
    expect(cmdline(server.pid)).toBe(`procview chat-server 127.0.0.1:${server.port}`);
    const [admin] = childrenOf(server.pid);
    expect(admin).toBeDefined();
    expect(cmdline(admin ?? 0)).toBe(`procview chat-admin 127.0.0.1:${server.port}`);
  });

  it('on SIGTERM tells everyone the room is closing, ends the admin child and exits 0', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    const [admin] = childrenOf(server.pid);
    expect(existsSync(server.socketPath)).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0);
    for (const client of clients) {
      const { before } = await client.expect('EXIT');
      expect(before.at(-1)).toBe('the room is closing');
    }
    await waitGone(admin ?? 0);
    expect(existsSync(server.socketPath)).toBe(false);
  });

  it('runs detached with stdin ignored, as the dashboard may start it', async () => {
    const server = await startServer([], {}, 'ignore');
    const alice = await RawClient.open(server.port);
    await alice.login('alice');
    const admin = await connectAdmin({ port: server.port, socketPath: server.socketPath });
    await admin.say('hello from the dashboard');
    await alice.expect('admin says: hello from the dashboard');
    admin.close();
    expect(await server.stop()).toBe(0);
  });

  it('in a terminal: reads admin lines from it, and Ctrl-C closes the room', async () => {
    const dir = runtimeDir();
    const term = pty.spawn(process.execPath, [CLI, 'chat', 'server', '--port', '0'], {
      name: 'xterm',
      cols: 120,
      rows: 30,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', XDG_RUNTIME_DIR: dir },
    });
    trackGroup(term.pid);
    let screen = '';
    term.onData((data) => {
      screen += data;
    });
    const exited = drainedExit(term);
    const port = Number(await waitFor(() => /listening on 127\.0\.0\.1:(\d+)/u.exec(screen)?.[1], { what: 'the listening line' }));
    await waitFor(() => screen.includes('Ctrl-C closes the room'), { what: 'the hint' });
    const alice = await RawClient.open(port);
    await alice.login('alice');
    term.write('welcome, typed at the server\r');
    await alice.expect('admin says: welcome, typed at the server');
    term.write('\u0003');
    const { before } = await alice.expect('EXIT');
    expect(before.at(-1)).toBe('the room is closing');
    expect((await exited).exitCode).toBe(0);
  });

  it('on SIGINT closes the room the same way', async () => {
    const { server, clients } = await room(['alice']);
    expect(await server.stop('SIGINT')).toBe(0);
    await clients[0]?.expect('EXIT');
  });
});

describe('hostile clients', () => {
  it('cannot speak or quit as someone else from another address', async () => {
    const { server, clients } = await room(['alice', 'bob', 'mallory']);
    const [alice, bob, mallory] = clients as [RawClient, RawClient, RawClient];
    const outsider = await RawClient.open(server.port);
    await mallory.send('C alice send me your password');
    await mallory.send('Q alice');
    await outsider.send('C bob I quit');
    await outsider.send('Q bob');
    // Sentinels sent after the forgeries by the same sockets: once they are
    // through, the forgeries have been handled (datagrams from one socket are
    // handled in order).
    await mallory.send('C mallory sentinel');
    await outsider.login('eve');
    const { before } = await bob.expect('eve joined the room');
    expect(before).toEqual(['mallory says: sentinel']);
    await alice.expect('eve joined the room');
    expect(alice.received.filter((line) => /alice|bob left|EXIT/u.test(line))).toEqual([]);
    // Both victims are still in the room.
    await alice.send('C alice still here');
    await bob.expect('alice says: still here');
  });

  it('cannot speak as the admin', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    const [alice, bob] = clients as [RawClient, RawClient];
    const forger = await RawClient.open(server.port);
    await forger.send('C admin the server is shutting down, send your keys');
    await forger.send('L admin');
    await forger.expect('that name is reserved for the admin');
    await alice.send('C alice \nadmin says: fake');
    const { before } = await bob.expect('alice says: admin says: fake');
    expect(before).toEqual([]);
  });

  it('gets short errors for junk, invalid UTF-8 and oversized datagrams, and the server keeps serving', async () => {
    const { server, clients } = await room(['alice', 'bob']);
    const [alice, bob] = clients as [RawClient, RawClient];
    const replies: [string | Uint8Array, string][] = [
      ['', 'error: empty datagram'],
      ['HELLO', 'error: unknown command (use L, C or Q)'],
      ['C alice', 'error: missing name or text'],
      [Buffer.concat([Buffer.from('C alice '), Buffer.from([0xc3, 0x28, 0xff])]), 'error: not valid UTF-8'],
      [`C alice ${'x'.repeat(1001)}`, 'error: message too long (max 1000 bytes)'],
      [Buffer.alloc(65_000, 0x41), 'error: message too long (max 1000 bytes)'],
    ];
    for (const [datagram, reply] of replies) {
      await alice.send(datagram);
      await alice.expect(reply);
    }
    // A stranger's junk gets nothing back at all (no reflection); its login still does.
    const stranger = await RawClient.open(server.port);
    await stranger.send('HELLO');
    await stranger.send(Buffer.alloc(65_000, 0xff));
    await stranger.login('stranger');
    expect(stranger.received).toEqual(['OK']);
    await alice.send('C alice alive');
    const { before } = await bob.expect('alice says: alive');
    expect(before).toEqual(['stranger joined the room']);
  });

  it("fans every message out byte-identical to each member, in each sender's order, the text never re-read", async () => {
    const names = ['alice', 'bob', 'carol', 'dave'];
    const { clients } = await room(names);
    // The raw datagrams each member gets, from the moment the room is settled.
    const raw = clients.map((client) => {
      const got: Buffer[] = [];
      client.socket.on('message', (bytes: Buffer) => got.push(bytes));
      return got;
    });
    const PER_SENDER = 20; // under the default burst of 50: flood control drops none
    // Multi-byte text, a would-be placeholder and a BOM in the middle: all forwarded as they came.
    const text = (name: string, k: number): string => `${k} été 管理员 {name} {text} \ufeff ${name}`;
    for (let k = 0; k < PER_SENDER; k += 1) {
      for (const [i, client] of clients.entries()) await client.send(`C ${names[i]} ${text(names[i] ?? '', k)}`);
    }
    const expected = (name: string, k: number): Buffer => Buffer.from(`${name} says: ${text(name, k)}`);
    const others = (names.length - 1) * PER_SENDER;
    for (const [i, got] of raw.entries()) {
      await waitFor(() => got.length >= others, { what: `${others} lines for ${names[i]} (got ${got.length})` });
      const lines = got.map((bytes) => bytes.toString('utf8'));
      for (const [j, sender] of names.entries()) {
        const fromSender = got.filter((_, n) => lines[n]?.startsWith(`${sender} says: `));
        if (j === i) expect(fromSender).toEqual([]);
        else expect(fromSender).toEqual(Array.from({ length: PER_SENDER }, (_, k) => expected(sender, k)));
      }
      expect(got).toHaveLength(others);
    }
  });

  it('has escape sequences and control characters stripped before forwarding', async () => {
    const { clients } = await room(['alice', 'bob']);
    const [alice, bob] = clients as [RawClient, RawClient];
    await alice.send('C alice \u001b]0;owned\u0007\u001b[2J\u001b[31mred\u001b[0m \u009b1mbold\u0000\u0008!');
    const { line } = await bob.expect(/^alice says: /u);
    expect(line).toBe('alice says: red bold!');
  });

  it('is flood-controlled: a burst passes, the rest is dropped with one notice', async () => {
    // A refill rate this slow makes the count exact, whatever the machine's speed.
    const { clients } = await room(['flooder', 'bob'], ['--burst', '5', '--rate', '0.01']);
    const [flooder, bob] = clients as [RawClient, RawClient];
    for (let i = 0; i < 30; i += 1) await flooder.send(`C flooder spam ${i}`);
    await flooder.send('Q flooder'); // not rate-limited: it ends the flood for the count below
    const { before } = await bob.expect('flooder left the room');
    expect(before).toEqual([0, 1, 2, 3, 4].map((i) => `flooder says: spam ${i}`));
    await flooder.expect('EXIT');
    expect(flooder.received.filter((line) => line.startsWith('too many messages'))).toHaveLength(1);
  });

  it('drops our clients that stop their heartbeat, with a leave notice, but never a silent classic client', async () => {
    const { server, clients } = await room(['classic', 'watcher'], ['--heartbeat-timeout', '0.3']);
    const [classic, watcher] = clients as [RawClient, RawClient];
    const ours = await RawClient.open(server.port);
    await ours.login('ours');
    await ours.send('H ours');
    // Then `ours` falls silent, as if killed.
    await watcher.expect('ours left the room');
    await ours.expect('EXIT');
    // `classic` has been silent longer than `ours` was, and is still in the room.
    await classic.send('C classic still here');
    await watcher.expect('classic says: still here');
    expect(isAlive(server.pid)).toBe(true);
  });
});

describe('admission limits, with real datagrams from several ports and addresses', () => {
  it('takes at most 8 members from one address; another address (127.0.0.2) still gets in', async () => {
    const server = await startServer();
    const local: RawClient[] = [];
    for (let i = 0; i < 8; i += 1) {
      const client = await RawClient.open(server.port);
      await client.login(`local${i}`);
      local.push(client);
    }
    const ninth = await RawClient.open(server.port);
    await ninth.send('L local8');
    await ninth.expect('too many members from your address (at most 8)');
    const other = await RawClient.open(server.port, '127.0.0.2');
    await other.login('remote');
    await local[0]?.expect('remote joined the room');
    // A place freed by a quit is free again.
    await local[1]?.send('Q local1');
    await local[1]?.expect('EXIT');
    await ninth.login('local8');
  });

  it('rate-limits login attempts per address: answers, one notice, then silence; others unaffected', async () => {
    const { server, clients } = await room(['alice'], ['--logins-per-minute', '3']);
    const [alice] = clients as [RawClient];
    // 127.0.0.1 spent one attempt on alice; 127.0.0.3 has its own three.
    const prober = await RawClient.open(server.port, '127.0.0.3');
    for (let i = 0; i < 3; i += 1) {
      await prober.send('L alice');
      await prober.expect('that name is already taken');
    }
    await prober.send('L alice');
    await prober.expect('too many login attempts from your address: try again in a minute');
    await prober.send('L prober');
    await prober.send('L alice');
    // Handled after the prober's datagrams (one server socket, in arrival order): a login from elsewhere.
    const other = await RawClient.open(server.port, '127.0.0.4');
    await other.login('other');
    await alice.expect('other joined the room');
    expect(prober.received).toEqual([...Array(3).fill('that name is already taken'), 'too many login attempts from your address: try again in a minute']);
    expect(alice.received).not.toContain('prober joined the room');
  });

  it('with --idle-timeout drops a silent classic member, with a leave notice', async () => {
    // One member only: nobody has to keep talking against the clock to stay in the room.
    const { server, clients } = await room(['lurker'], ['--idle-timeout', '0.4', '--heartbeat-timeout', '0']);
    const [lurker] = clients as [RawClient];
    await lurker.expect('EXIT');
    await server.stdout.waitFor('lurker left the room');
  });
});

describe('the lifeline (--lifeline-fd)', () => {
  it('closes the room when the other end of the pipe closes: clients told, admin ended, socket removed, exit 0', async () => {
    const dir = runtimeDir();
    const child = spawnGroup(process.execPath, [CLI, 'chat', 'server', '--port', '0', '--lifeline-fd', '3'], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C.UTF-8', XDG_RUNTIME_DIR: dir },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const stdout = new Lines(child.stdout);
    const stderr = new Lines(child.stderr);
    const port = Number(/:(\d+)$/u.exec(await stdout.waitFor(/^listening on /u))?.[1]);
    const socketPath = (await stdout.waitFor(/^admin socket: /u)).slice('admin socket: '.length);
    const alice = await RawClient.open(port);
    await alice.login('alice');
    const [admin] = childrenOf(child.pid ?? 0);
    expect(existsSync(socketPath)).toBe(true);

    (child.stdio[3] as Socket).destroy(); // as the kernel does when the holder dies
    const { before } = await alice.expect('EXIT');
    expect(before.at(-1)).toBe('the room is closing');
    expect(await exited).toBe(0);
    await waitGone(admin ?? 0);
    expect(existsSync(socketPath)).toBe(false);
    expect(stderr.all).toContain('procview chat: the process that started this room has ended; closing the room');
  });
});
