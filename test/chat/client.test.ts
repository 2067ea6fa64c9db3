// `procview chat client` as a user runs it: keyboard input through a pipe and
// through a real pseudo-terminal (Ctrl-C included), two processes with titles,
// and a client that never trusts what its server sends.
import { createSocket } from 'node:dgram';
import pty from '@lydell/node-pty';
import { describe, expect, it } from 'vitest';
import { killGroup, spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { childrenOf, CLI, cmdline, Lines, onCleanup, RawClient, startServer, waitGone } from './helpers.js';
import { drainedExit } from '../e2e/helpers/pty-exit.js';

const ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

function startClient(args: readonly string[]) {
  const child = spawnGroup(process.execPath, [CLI, 'chat', 'client', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: ENV });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid ?? 0, stdout: new Lines(child.stdout), stderr: new Lines(child.stderr), exited };
}

async function roomWithBob(serverArgs: readonly string[] = []) {
  const server = await startServer(serverArgs);
  const bob = await RawClient.open(server.port);
  await bob.login('bob');
  return { server, bob };
}

describe('procview chat client', () => {
  it('asks for a name until OK, chats as two titled processes, and leaves on quit (keyboard through a pipe)', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient(['127.0.0.1', String(server.port)]);
    client.child.stdin?.write('admin\n');
    await client.stdout.waitFor(/that name is reserved for the admin$/u);
    client.child.stdin?.write('bob\n');
    await client.stdout.waitFor(/that name is already taken$/u);
    client.child.stdin?.write('carol\n');
    await client.stdout.waitFor(/you are in the room as carol\./u);
    await bob.expect('carol joined the room');

    // Both titles name the room (this argv has room for the parent's address too).
    expect(cmdline(client.pid)).toBe(`procview chat-client carol 127.0.0.1:${server.port}`);
    const input = await waitFor(() => childrenOf(client.pid).find((pid) => cmdline(pid) === `procview chat-input carol 127.0.0.1:${server.port}`), {
      what: 'the keyboard child',
    });

    await bob.send('C bob hi carol');
    await client.stdout.waitFor('bob says: hi carol');
    client.child.stdin?.write('hello bob\n');
    await bob.expect('carol says: hello bob');
    client.child.stdin?.write('quit\n');
    await bob.expect('carol left the room');
    expect(await client.exited).toBe(0);
    expect(client.stdout.all.at(-1)).toBe('you left the room');
    await waitGone(input);
  });

  it('leaves when its input ends', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient([String(server.port), '--name', 'dave']);
    client.child.stdin?.end('bye\n');
    const { before } = await bob.expect('dave left the room');
    expect(before).toEqual(['dave joined the room', 'dave says: bye']);
    expect(await client.exited).toBe(0);
  });

  it('leaves cleanly on SIGINT to its process group, as Ctrl-C sends it', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient(['127.0.0.1', String(server.port), '--name', 'gina']);
    await client.stdout.waitFor(/you are in the room as gina\./u);
    await waitFor(() => childrenOf(client.pid).length > 0, { what: 'the keyboard child' });
    process.kill(-client.pid, 'SIGINT');
    await bob.expect('gina left the room');
    expect(await client.exited).toBe(0);
  });

  it('leaves cleanly on a Ctrl-C right after login, before its keyboard child is up', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient(['127.0.0.1', String(server.port), '--name', 'hugo']);
    await client.stdout.waitFor(/you are in the room as hugo\./u);
    process.kill(-client.pid, 'SIGINT');
    await bob.expect('hugo left the room');
    expect(await client.exited).toBe(0);
  });

  it('works in a real terminal, and Ctrl-C leaves the room', async () => {
    const { server, bob } = await roomWithBob();
    const term = pty.spawn(process.execPath, [CLI, 'chat', 'client', '127.0.0.1', String(server.port)], {
      name: 'xterm',
      cols: 120,
      rows: 30,
      env: ENV,
    });
    trackGroup(term.pid);
    let screen = '';
    term.onData((data) => {
      screen += data;
    });
    const exited = drainedExit(term);
    await waitFor(() => screen.includes('your name: '), { what: 'the prompt' }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the terminal shows ${JSON.stringify(screen)}`);
    });
    term.write('erin\r');
    await bob.expect('erin joined the room');
    await waitFor(() => screen.includes('you are in the room as erin'), { what: 'the welcome' });
    await waitFor(() => childrenOf(term.pid).length > 0, { what: 'the keyboard child' });
    term.write('typed at a terminal\r');
    await bob.expect('erin says: typed at a terminal');
    await bob.send('C bob \u001b[31mred\u001b[0m text');
    await waitFor(() => screen.includes('bob says: red text'), { what: 'the message on screen' });
    term.write('\u0003'); // Ctrl-C: the terminal signals the whole foreground group
    await bob.expect('erin left the room');
    expect((await exited).exitCode).toBe(0);
  });

  it('when its parent is killed outright, the keyboard child still says goodbye', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient(['127.0.0.1', String(server.port), '--name', 'hank']);
    const input = await waitFor(() => childrenOf(client.pid)[0], { what: 'the keyboard child' });
    client.child.stdin?.write('ready\n');
    await bob.expect('hank says: ready'); // the child holds the socket now
    client.child.kill('SIGKILL');
    await bob.expect('hank left the room');
    await waitGone(input);
  });

  it('when killed outright as a whole, it is dropped after the heartbeat timeout', async () => {
    const { server, bob } = await roomWithBob(['--heartbeat-timeout', '0.5']);
    const client = startClient(['127.0.0.1', String(server.port), '--name', 'ivy', '--heartbeat', '0.1']);
    await bob.expect('ivy joined the room');
    // The parent sends the first heartbeat before it forks: once the child
    // exists, ivy is known as one of ours, even if the child never got going.
    await waitFor(() => childrenOf(client.pid).length > 0, { what: 'the keyboard child' });
    process.kill(-client.pid, 'SIGKILL');
    await bob.expect('ivy left the room');
  });

  it('distrusts its server: strips escapes, ignores datagrams from anyone else', async () => {
    // A hand-made hostile "server".
    const fake = createSocket('udp4');
    await new Promise<void>((resolve) => fake.bind(0, '127.0.0.1', resolve));
    onCleanup(() => void fake.close());
    const spoofer = createSocket('udp4');
    await new Promise<void>((resolve) => spoofer.bind(0, '127.0.0.1', resolve));
    onCleanup(() => void spoofer.close());
    const sendFrom = (socket: typeof fake, text: string, port: number): Promise<void> =>
      new Promise((resolve) => socket.send(text, port, '127.0.0.1', () => resolve()));
    let clientPort = 0;
    fake.on('message', (bytes, from) => {
      if (bytes.toString() === 'L judy') {
        clientPort = from.port;
        void sendFrom(fake, 'OK', from.port);
      }
    });
    const client = startClient(['127.0.0.1', String(fake.address().port), '--name', 'judy']);
    await client.stdout.waitFor(/you are in the room as judy\./u);
    await sendFrom(spoofer, 'spoofed: give me your password', clientPort);
    await sendFrom(fake, '\u001b[2J\u001b]0;pwned\u0007evil \u009b31mline\u0007', clientPort);
    await client.stdout.waitFor('evil line');
    await sendFrom(fake, 'EXIT', clientPort);
    expect(await client.exited).toBe(0);
    const printed = client.stdout.all.join('\n');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(printed).not.toContain('spoofed');
  });

  it('says so when no server answers', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    onCleanup(() => void silent.close());
    const port = silent.address().port;
    const client = startClient(['127.0.0.1', String(port), '--name', 'kim']);
    expect(await client.exited).toBe(1);
    expect(client.stderr.all.join('\n')).toContain(`no answer from 127.0.0.1:${port}`);
  });

  it('notices when the server that answered its heartbeats dies, says so and exits 1', async () => {
    const { server, bob } = await roomWithBob();
    const client = startClient(['127.0.0.1', String(server.port), '--name', 'ivan', '--heartbeat', '0.2']);
    await client.stdout.waitFor(/you are in the room as ivan\./u);
    await waitFor(() => childrenOf(client.pid).length > 0, { what: 'the keyboard child' });
    // The first heartbeat went before this line; once bob has the line, the server's answer to
    // that heartbeat is already in the client's socket buffer (loopback delivers in order).
    client.child.stdin?.write('ping\n');
    await bob.expect('ivan says: ping');
    killGroup(server.pid);
    await client.stdout.waitFor(/^no answer from the server for \d+ s: it seems to have stopped; leaving$/u);
    expect(await client.exited).toBe(1);
  });

  it('a classic server that never answers heartbeats is never called dead; quit against a dead one ends with a clear line', async () => {
    // A classic server: answers L with OK and ignores everything else (H included).
    const classic = createSocket('udp4');
    const seen: string[] = [];
    classic.on('message', (bytes, from) => {
      const text = bytes.toString();
      seen.push(text);
      if (text.startsWith('L ')) classic.send('OK', from.port, from.address);
    });
    await new Promise<void>((resolve) => classic.bind(0, '127.0.0.1', resolve));
    onCleanup(() => {
      try {
        classic.close();
      } catch {
        // closed by the test already
      }
    });
    const { port } = classic.address();
    const client = startClient(['127.0.0.1', String(port), '--name', 'judy', '--heartbeat', '0.2']);
    await client.stdout.waitFor(/you are in the room as judy\./u);
    // Heartbeats flow unanswered for longer than the dead-server limit (3 s at least).
    await waitFor(() => seen.filter((text) => text === 'H judy').length >= 20, { what: '20 unanswered heartbeats', timeoutMs: 20_000 });
    expect(client.stdout.all.join('\n')).not.toMatch(/no answer/u);
    classic.close();
    client.child.stdin?.write('quit\n');
    await client.stdout.waitFor(`no answer from 127.0.0.1:${port}: is \`procview chat server\` running there?`);
    expect(await client.exited).toBe(1);
  });
});
