// `procview chat server|client|say`: the UDP chat room (issue 4). This file
// only reads the command line; the room lives in src/chat/.
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { connectAdmin } from '../chat/admin-client.js';
import { runChatClient } from '../chat/client.js';
import { isLang, type Lang } from '../chat/messages.js';
import { currentLanguage } from '../text/i18n/lang.js';
import { t } from '../text/i18n/message.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { GLOBAL_LOGIN_FACTOR } from '../chat/login-limit.js';
import { DEFAULT_HEARTBEAT_MS, DEFAULT_HOST, DEFAULT_PORT } from '../chat/protocol.js';
import { createRoomLog } from '../chat/room-log.js';
import { ROOM_DEFAULTS } from '../chat/room.js';
import { startChatServer } from '../chat/server.js';
import { tuneYoungGeneration } from '../chat/young-generation.js';
import { formatHostPort } from '../chat/udp.js';
import { errnoOf } from '../process/errno.js';
import { watchLifeline } from '../process/lifeline.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, wholeNumberOption } from './args.js';
import { CommandError, UsageError } from '../base/errors.js';
import { usageBlock } from './usage.js';
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

// The helps are read when asked for, in the language of that moment (the catalogs).
function serverHelp(): string {
  return t('cli.help.chatServer', {
    host: DEFAULT_HOST,
    port: DEFAULT_PORT,
    burst: ROOM_DEFAULTS.burst,
    rate: ROOM_DEFAULTS.ratePerSecond,
    maxMembers: ROOM_DEFAULTS.maxMembers,
    maxPerAddress: ROOM_DEFAULTS.maxPerAddress,
    logins: ROOM_DEFAULTS.loginsPerMinute,
    factor: GLOBAL_LOGIN_FACTOR,
    heartbeatTimeout: ROOM_DEFAULTS.heartbeatTimeoutMs / 1000,
  });
}

function clientHelp(): string {
  return t('cli.help.chatClient', { host: DEFAULT_HOST, port: DEFAULT_PORT, heartbeat: DEFAULT_HEARTBEAT_MS / 1000 });
}

function sayHelp(): string {
  return t('cli.help.chatSay', { port: DEFAULT_PORT });
}

function chatHelp(): string {
  return t('cli.help.chat', { usage: usageBlock(CHAT_USAGE) });
}

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
    throw new UsageError(t('cli.error.lifelineNotOpen', { fd }), SERVER_SYNOPSIS);
  }
  if (!stats.isFIFO() && !stats.isSocket()) throw new UsageError(t('cli.error.lifelineKind', { fd }), SERVER_SYNOPSIS);
  return fd;
}

function language(value: string | undefined, usage: string): Lang {
  if (value === undefined) return currentLanguage();
  if (!isLang(value)) throw new UsageError(t('cli.error.lang', { lang: value }), usage);
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
      return info(chatHelp());
    case '--version':
    case '-V':
      return info(`procview ${packageVersion()}`);
    case undefined:
      throw new UsageError(t('cli.error.chatNeeds'), CHAT_SYNOPSIS);
    default:
      throw new UsageError(t('cli.error.chatUnknown', { sub }), CHAT_SYNOPSIS);
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
  if (answeredHelpOrVersion(values, serverHelp())) return 0;
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
  // Warnings quote what came from outside (a peer's error, a path from the environment): marked, one line each.
  const warn = (message: string): void => void process.stderr.write(`procview chat: ${sanitizeForDisplay(message)}\n`);
  const log = values.quiet === true ? undefined : createRoomLog(process.stdout, warn);
  process.stdout.removeAllListeners('error');
  process.stdout.on('error', () => log?.stop());

  // This process is the room and nothing else: its GC settings may be the room's (young-generation.ts says why).
  tuneYoungGeneration();
  let chat;
  try {
    chat = await startChatServer({
      ...options,
      onRoomLine: log === undefined ? undefined : (line) => log.line(line),
      onWarning: warn,
    });
  } catch (error) {
    const where = formatHostPort(host, options.port);
    if (errnoOf(error) === 'EADDRINUSE') throw new CommandError(t('cli.error.portInUse', { where }));
    throw new CommandError(t('cli.error.chatServer', { where, why: error instanceof Error ? error.message : String(error) }));
  }
  // Before the line that says the room is ready: a SIGTERM sent by whoever read it closes the room (exit 0), never kills it by default.
  const stop = awaitStopSignal(STOP_SIGNALS);
  // English in every language: a contract on stdout, read by scripts (`chat server --help`, the chat bench,
  // the classic server it is measured against, test/chat/helpers.ts), like --json.
  // The socket's path comes from XDG_RUNTIME_DIR or --admin-socket: marked as quoted text is (a script reads it back only when it is plain).
  process.stdout.write(`listening on ${formatHostPort(chat.host, chat.port)}\nadmin socket: ${sanitizeForDisplay(chat.socketPath)}\n`);
  if (isatty(0)) process.stderr.write(`${t('cli.chat.typeToSpeak')}\n`);

  let unwatch = (): void => undefined;
  const starterGone = new Promise<'lifeline'>((resolve) => {
    if (lifelineFd === undefined) return;
    try {
      unwatch = watchLifeline(lifelineFd, () => resolve('lifeline'));
    } catch (error) {
      warn(t('cli.chat.lifelineBad', { why: (error as Error).message }));
      resolve('lifeline');
    }
  });
  if ((await Promise.race([stop.received, starterGone])) === 'lifeline') warn(t('cli.chat.starterGone'));
  unwatch();
  await chat.shutdown();
  process.stderr.write(`procview chat: ${t('cli.chat.closed')}\n`);
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
  if (answeredHelpOrVersion(values, clientHelp())) return 0;
  if (positionals.length > 2) throw new UsageError(t('cli.error.tooMany', { extra: positionals.slice(2).join(' ') }), CLIENT_SYNOPSIS);
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
  if (answeredHelpOrVersion(values, sayHelp())) return 0;
  const text = positionals.join(' ');
  if (text.trim().length === 0) throw new UsageError(t('cli.error.sayText'), SAY_SYNOPSIS);
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
