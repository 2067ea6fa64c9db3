// `procview [--watch chat|PID|NAME] [-d SECONDS]`: the live dashboard. This
// file only reads the command line and checks there is a terminal; the
// dashboard itself lives in src/ui (the only place blessed is imported).
import type { DashboardScope } from '../ui/launch.js';
import { CommandError, packageVersion, UsageError } from './usage.js';

export const DASHBOARD_USAGE = `Usage: procview [--watch chat|chat:PORT|PID|NAME] [-d SECONDS] [--help] [--version]
  --watch chat       the chat room: its server (found by title, or started), admin and clients
  --watch PID        that process and its descendants (kept after they are reparented)
  --watch NAME       processes whose name or command line contains NAME, and their descendants
  -d SECONDS         refresh interval (default 1; 0.5 for demos); fractions allowed, at least 0.1
Keys: q quit, ? help. For one-shot output: procview ps, procview tree.`;

export interface DashboardArgs {
  readonly scope: DashboardScope;
  readonly intervalMs: number | undefined;
}

function parseWatch(value: string): DashboardScope {
  if (value === 'chat') return { kind: 'chat' };
  const chat = /^chat:(\d{1,5})$/.exec(value);
  if (chat !== null) {
    const port = Number(chat[1]);
    if (port < 1 || port > 65_535) throw new UsageError(`--watch chat:PORT needs a port 1..65535, not ${port}`, DASHBOARD_USAGE);
    return { kind: 'chat', port };
  }
  if (/^\d+$/.test(value)) {
    const pid = Number(value);
    if (!Number.isSafeInteger(pid) || pid <= 0) throw new UsageError(`--watch ${value}: not a process id`, DASHBOARD_USAGE);
    return { kind: 'pids', pids: [pid] };
  }
  if (value.trim() === '') throw new UsageError('--watch needs chat, a PID or a NAME', DASHBOARD_USAGE);
  return { kind: 'name', pattern: value };
}

function parseDelay(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600) {
    throw new UsageError(`-d takes seconds between 0.1 and 3600, not '${value}'`, DASHBOARD_USAGE);
  }
  return Math.round(seconds * 1000);
}

/** Reads the dashboard's flags (not --help/--version); throws UsageError on anything else. */
export function parseDashboardArgs(argv: readonly string[]): DashboardArgs {
  let scope: DashboardScope | undefined;
  let intervalMs: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`, DASHBOARD_USAGE);
      i += 1;
      return next;
    };
    if (flag === '--watch') {
      if (scope !== undefined) throw new UsageError('--watch can be given once', DASHBOARD_USAGE);
      scope = parseWatch(value());
    } else if (flag === '-d' || flag === '--delay') {
      intervalMs = parseDelay(value());
    } else if (/^-d\d/.test(flag)) {
      intervalMs = parseDelay(flag.slice(2));
    } else {
      throw new UsageError(`unknown option '${arg}'`, DASHBOARD_USAGE);
    }
  }
  return { scope: scope ?? { kind: 'all' }, intervalMs };
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`procview: the live process dashboard.\n\n${DASHBOARD_USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`procview ${packageVersion()}\n`);
    return 0;
  }
  const args = parseDashboardArgs(argv);
  if (process.stdout.isTTY !== true) {
    process.stderr.write('procview: the dashboard needs a terminal (stdout is not one).\nFor output a script can read, try: procview ps   (or procview tree, --json)\n');
    return 2;
  }
  if (args.scope.kind === 'pids') {
    const { readStartTime } = await import('../inspect/identity.js');
    for (const pid of args.scope.pids) {
      if ((await readStartTime(pid)) === undefined) throw new CommandError(`no process with pid ${pid}`);
    }
  }
  const { launchDashboard } = await import('../ui/launch.js');
  return launchDashboard(args.intervalMs === undefined ? { scope: args.scope } : { scope: args.scope, intervalMs: args.intervalMs });
}
