// `procview chat server|client|say`: the UDP chat room (issue 4). This file
// only reads the command line; the room lives in src/chat/.
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { connectAdmin } from '../chat/admin-client.js';
import { runChatClient } from '../chat/client.js';
import { isLang, type Lang } from '../chat/messages.js';
import { currentLanguage } from '../text/i18n/lang.js';
import { GLOBAL_LOGIN_FACTOR } from '../chat/login-limit.js';
import { DEFAULT_HEARTBEAT_MS, DEFAULT_HOST, DEFAULT_PORT } from '../chat/protocol.js';
import { createRoomLog } from '../chat/room-log.js';
import { ROOM_DEFAULTS } from '../chat/room.js';
import { startChatServer } from '../chat/server.js';
import { formatHostPort } from '../chat/udp.js';
import { errnoOf } from '../process/errno.js';
import { watchLifeline } from '../process/lifeline.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, wholeNumberOption } from './args.js';
import { CommandError, UsageError } from '../base/errors.js';
import { packageVersion } from '../base/version.js';

export const CHAT_USAGE = `Usage: procview chat server [--host ADDR] [--port N] [--lang en|zh] [--burst N] [--rate N]
                            [--max-members N] [--max-per-address N] [--logins-per-minute N]
                            [--heartbeat-timeout SECONDS] [--idle-timeout SECONDS]
                            [--admin-socket PATH] [--lifeline-fd FD] [--quiet]
       procview chat client [HOST] [PORT] [--name NAME] [--lang en|zh] [--heartbeat SECONDS]
       procview chat say TEXT... [--port N] [--admin-socket PATH]`;

const CHAT_SYNOPSIS = 'Usage: procview chat server|client|say [OPTIONS]   (procview chat --help for more)';
const SERVER_SYNOPSIS = 'Usage: procview chat server [OPTIONS]   (procview chat server --help for more)';
const CLIENT_SYNOPSIS = 'Usage: procview chat client [HOST] [PORT] [--name NAME] [--lang en|zh] [--heartbeat SECONDS]';
const SAY_SYNOPSIS = 'Usage: procview chat say TEXT... [--port N] [--admin-socket PATH]';

const SERVER_HELP = `procview chat server: run the UDP chat room.

Options:
  --host ADDR                 address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 opens it to the network)
  --port N                    UDP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --lang en|zh                wording of the room (default: zh if LANG is zh_*, else en)
  --burst N                   flood control: messages a sender may send at once (default ${ROOM_DEFAULTS.burst})
  --rate N                    flood control: messages per second after the burst (default ${ROOM_DEFAULTS.ratePerSecond})
  --max-members N             members in the room at most (default ${ROOM_DEFAULTS.maxMembers})
  --max-per-address N         members from one source address at most (default ${ROOM_DEFAULTS.maxPerAddress};
                              an IPv6 /64 counts as one address)
  --logins-per-minute N       login attempts one unknown address may make per minute, at once or
                              spread out (default ${ROOM_DEFAULTS.loginsPerMinute}; all unknown addresses together: ${GLOBAL_LOGIN_FACTOR} times
                              that); past it an address is told once, then ignored until it slows down
  --heartbeat-timeout SECONDS drop our clients silent this long (default ${ROOM_DEFAULTS.heartbeatTimeoutMs / 1000}; 0 never)
  --idle-timeout SECONDS      drop any member silent this long, classic clients too (default 0: never)
  --admin-socket PATH         admin socket (default $XDG_RUNTIME_DIR or /tmp, procview-UID/chat-PORT.sock)
  --lifeline-fd FD            close the room when the pipe or socket inherited on FD reaches its end,
                              i.e. when whoever holds the other end dies (procview --watch chat uses 3)
  --quiet                     do not print the room's lines

The first line printed is \`listening on HOST:PORT\` (the real port when --port 0),
the second \`admin socket: PATH\`; then each line the room broadcasts.
Lines typed into this terminal are broadcast as the admin, and so are
\`procview chat say TEXT\` from another terminal. Ctrl-C (or SIGTERM) tells
everyone the room is closing and exits 0.

Processes: \`procview chat-server HOST:PORT\` and its child \`procview chat-admin HOST:PORT\`,
which reads the terminal and the admin socket and reaches the server over IPC only.

Hardening: a name is bound to the address and port it logged in from; strangers'
junk gets no answer; messages are flood-controlled per member; members and login
attempts are capped per source address (above). What remains: UDP source addresses
can be forged and the classic protocol has no handshake to prove them, so someone
who can forge them can still log in up to --max-per-address members for any victim
address (up to --max-members in all), and each such member is sent every line of
the room. Classic members are not dropped for silence unless --idle-timeout is set,
so a victim keeps receiving until the room closes. The default bind (127.0.0.1) is
reachable from this machine only; with --host 0.0.0.0, keep the room small, set
--idle-timeout, or let a firewall admit only the hosts you trust.`;

const CLIENT_HELP = `procview chat client: join a chat room (default ${DEFAULT_HOST} ${DEFAULT_PORT}).

Usage: procview chat client [HOST] [PORT] [--name NAME] [--lang en|zh] [--heartbeat SECONDS]

Asks for a name until the server says OK (--name tries NAME first), then runs as
two processes like the classic client: \`procview chat-client NAME HOST:PORT\`
receives and prints, its child \`procview chat-input NAME HOST:PORT\` reads the
keyboard and sends (HOST:PORT is the server's, so \`procview --watch chat:PORT\`
tells rooms apart; the parent's title drops it when its own command line is too
short to hold it). The UDP socket is handed to the child over the fork IPC
channel (a real handle: the same kernel socket and source port), and the child
stops reading its copy so that only the parent receives.
Type \`quit\`, press Ctrl-C or end the input (Ctrl-D) to leave.

  --heartbeat SECONDS   how often to tell the server we are alive (default ${DEFAULT_HEARTBEAT_MS / 1000}; 0 never)`;

const SAY_HELP = `procview chat say: speak as the admin of a running room.

Usage: procview chat say TEXT... [--port N] [--admin-socket PATH]

Connects to the admin's Unix socket of the server on port N (default ${DEFAULT_PORT});
everyone in the room gets \`admin says: TEXT\`. Only the user who runs the server can.`;

const CHAT_HELP = `procview chat: a UDP chat room whose processes procview can watch.

${CHAT_USAGE}

Protocol (UDP datagrams of UTF-8 text, compatible with the classic lesson):
  L NAME        log in              → OK, or the reason it was refused
  C NAME TEXT   say TEXT            → everyone else gets \`NAME says: TEXT\`
  Q NAME        quit                → EXIT; everyone else gets \`NAME left the room\`
  H NAME        heartbeat (ours)    → H (procview's server only)

Run \`procview chat server --help\` (client, say) for the options of each.`;

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number, usage = SERVER_SYNOPSIS): number {
  return wholeNumberOption(flag, value, { min, max, fallback }, usage);
}

function seconds(flag: string, value: string | undefined, fallback: number, allowZero: boolean, usage = SERVER_SYNOPSIS): number {
  return decimalOption(flag, value, { min: 0, minExcluded: !allowZero, fallback }, usage);
}

/** An inherited pipe or socket: anything else would never report its other end's death. */
function lifeline(value: string): number {
  const fd = integer('--lifeline-fd', value, 3, 3, 65_535);
  let stats;
  try {
    stats = fstatSync(fd);
  } catch {
    throw new UsageError(`--lifeline-fd ${fd} is not an open file descriptor`, SERVER_SYNOPSIS);
  }
  if (!stats.isFIFO() && !stats.isSocket()) throw new UsageError(`--lifeline-fd ${fd} is not a pipe or socket`, SERVER_SYNOPSIS);
  return fd;
}

function language(value: string | undefined, usage: string): Lang {
  if (value === undefined) return currentLanguage();
  if (!isLang(value)) throw new UsageError(`--lang must be en or zh, not '${value}'`, usage);
  return value;
}

function info(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'server':
      return server(rest);
    case 'client':
      return client(rest);
    case 'say':
      return say(rest);
    case '--help':
    case '-h':
    case 'help':
      return info(CHAT_HELP);
    case '--version':
    case '-V':
      return info(`procview ${packageVersion()}`);
    case undefined:
      throw new UsageError('chat needs server, client or say', CHAT_SYNOPSIS);
    default:
      throw new UsageError(`unknown chat command '${sub}'`, CHAT_SYNOPSIS);
  }
}

async function server(argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    {
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        host: { type: 'string' },
        port: { type: 'string' },
        lang: { type: 'string' },
        burst: { type: 'string' },
        rate: { type: 'string' },
        'max-members': { type: 'string' },
        'max-per-address': { type: 'string' },
        'logins-per-minute': { type: 'string' },
        'heartbeat-timeout': { type: 'string' },
        'idle-timeout': { type: 'string' },
        'admin-socket': { type: 'string' },
        'lifeline-fd': { type: 'string' },
        quiet: { type: 'boolean' },
      },
    },
    SERVER_SYNOPSIS,
  );
  if (answeredHelpOrVersion(values, SERVER_HELP)) return 0;
  const host = values.host ?? DEFAULT_HOST;
  const options = {
    host,
    port: integer('--port', values.port, DEFAULT_PORT, 0, 65535),
    lang: language(values.lang, SERVER_SYNOPSIS),
    burst: integer('--burst', values.burst, ROOM_DEFAULTS.burst, 1, 1_000_000),
    ratePerSecond: seconds('--rate', values.rate, ROOM_DEFAULTS.ratePerSecond, false),
    maxMembers: integer('--max-members', values['max-members'], ROOM_DEFAULTS.maxMembers, 1, 1_000_000),
    maxPerAddress: integer('--max-per-address', values['max-per-address'], ROOM_DEFAULTS.maxPerAddress, 1, 1_000_000),
    loginsPerMinute: integer('--logins-per-minute', values['logins-per-minute'], ROOM_DEFAULTS.loginsPerMinute, 1, 1_000_000),
    heartbeatTimeoutMs: seconds('--heartbeat-timeout', values['heartbeat-timeout'], ROOM_DEFAULTS.heartbeatTimeoutMs / 1000, true) * 1000,
    idleTimeoutMs: seconds('--idle-timeout', values['idle-timeout'], 0, true) * 1000,
    adminSocket: values['admin-socket'],
  };
  const lifelineFd = values['lifeline-fd'] === undefined ? undefined : lifeline(values['lifeline-fd']);

  // The server may outlive whoever reads its stdout (the dashboard may start it
  // detached): a broken pipe stops the log, never the room.
  const warn = (message: string): void => void process.stderr.write(`procview chat: ${message}\n`);
  const log = values.quiet === true ? undefined : createRoomLog(process.stdout, warn);
  process.stdout.removeAllListeners('error');
  process.stdout.on('error', () => log?.stop());

  let chat;
  try {
    chat = await startChatServer({
      ...options,
      onRoomLine: log === undefined ? undefined : (line) => log.line(line),
      onWarning: warn,
    });
  } catch (error) {
    const where = formatHostPort(host, options.port);
    if (errnoOf(error) === 'EADDRINUSE') throw new CommandError(`cannot listen on ${where}: the port is in use`);
    throw new CommandError(`cannot start the chat server on ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(`listening on ${formatHostPort(chat.host, chat.port)}\nadmin socket: ${chat.socketPath}\n`);
  if (isatty(0)) process.stderr.write('type a line and press Enter to speak as the admin; Ctrl-C closes the room\n');

  const stop = awaitStopSignal(STOP_SIGNALS);
  let unwatch = (): void => undefined;
  const starterGone = new Promise<'lifeline'>((resolve) => {
    if (lifelineFd === undefined) return;
    try {
      unwatch = watchLifeline(lifelineFd, () => resolve('lifeline'));
    } catch (error) {
      warn(`${(error as Error).message}; the room closes now`);
      resolve('lifeline');
    }
  });
  if ((await Promise.race([stop.received, starterGone])) === 'lifeline') warn('the process that started this room has ended; closing the room');
  unwatch();
  await chat.shutdown();
  process.stderr.write('procview chat: the room is closed\n');
  stop.dispose();
  return 0;
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

async function client(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      allowPositionals: true,
      options: { ...COMMON_OPTIONS, name: { type: 'string' }, lang: { type: 'string' }, heartbeat: { type: 'string' } },
    },
    CLIENT_SYNOPSIS,
  );
  if (answeredHelpOrVersion(values, CLIENT_HELP)) return 0;
  if (positionals.length > 2) throw new UsageError(`too many arguments: ${positionals.slice(2).join(' ')}`, CLIENT_SYNOPSIS);
  // `procview chat client 9999` means the port on the default host.
  const [first, second] = positionals.length === 1 && /^\d+$/u.test(positionals[0] ?? '') ? [undefined, positionals[0]] : positionals;
  return runChatClient({
    host: first ?? DEFAULT_HOST,
    port: integer('PORT', second, DEFAULT_PORT, 1, 65535, CLIENT_SYNOPSIS),
    lang: language(values.lang, CLIENT_SYNOPSIS),
    name: values.name,
    heartbeatMs: seconds('--heartbeat', values.heartbeat, DEFAULT_HEARTBEAT_MS / 1000, true, CLIENT_SYNOPSIS) * 1000,
  });
}

async function say(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      allowPositionals: true,
      options: { ...COMMON_OPTIONS, port: { type: 'string' }, 'admin-socket': { type: 'string' } },
    },
    SAY_SYNOPSIS,
  );
  if (answeredHelpOrVersion(values, SAY_HELP)) return 0;
  const text = positionals.join(' ');
  if (text.trim().length === 0) throw new UsageError('say needs the text to say', SAY_SYNOPSIS);
  const port = integer('--port', values.port, DEFAULT_PORT, 1, 65535, SAY_SYNOPSIS);
  const socketPath = values['admin-socket'];
  let admin;
  try {
    admin = await connectAdmin(socketPath === undefined ? { port } : { port, socketPath });
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  }
  try {
    await admin.say(text);
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  } finally {
    admin.close();
  }
  return 0;
}
