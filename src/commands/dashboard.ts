// `procview [--watch chat|PID|NAME] [-d SECONDS]`: the live dashboard. This
// file only reads the command line and checks there is a terminal; the
// dashboard itself lives in src/ui (the only place blessed is imported).
import type { DashboardScope } from '../ui/dashboard-options.js';
import { messageIn, t } from '../text/i18n/message.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, watchPidOrName } from './args.js';
import { CommandError, UsageError } from '../base/errors.js';
import { cannotDraw } from './terminal-check.js';
import type { EventsMode } from '../inspect/events/choose.js';
import { EVENTS_HELP, EVENTS_OPTION, eventsMode, openChoice } from './events-flag.js';

export const DASHBOARD_USAGE = messageIn('en', 'cli.help.dashboard', { eventsHelp: EVENTS_HELP });

export interface DashboardArgs {
  readonly scope: DashboardScope;
  readonly intervalMs: number | undefined;
  readonly noColour: boolean;
  readonly events: EventsMode;
  readonly record: string | undefined;
}

function parseWatch(value: string): DashboardScope {
  if (value === 'chat') return { kind: 'chat' };
  const chat = /^chat:(\d{1,5})$/.exec(value);
  if (chat !== null) {
    const port = Number(chat[1]);
    if (port < 1 || port > 65_535) throw new UsageError(t('cli.error.chatPort', { port }), DASHBOARD_USAGE);
    return { kind: 'chat', port };
  }
  return watchPidOrName(value, DASHBOARD_USAGE, t('cli.watch.chatPidOrName'));
}

/** Reads the dashboard's flags; throws UsageError on anything else. */
export function parseDashboardArgs(argv: readonly string[]): DashboardArgs & { readonly help: boolean; readonly version: boolean } {
  const { values } = parseCommandArgs(
    {
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        ...EVENTS_OPTION,
        watch: { type: 'string', multiple: true },
        delay: { type: 'string', short: 'd' },
        'no-color': { type: 'boolean', short: 'M' },
        record: { type: 'string' },
      },
    },
    DASHBOARD_USAGE,
  );
  const watch = values.watch ?? [];
  if (watch.length > 1) throw new UsageError(t('cli.error.watchOnce'), DASHBOARD_USAGE);
  const [target] = watch;
  return {
    scope: target === undefined ? { kind: 'all' } : parseWatch(target),
    intervalMs:
      values.delay === undefined ? undefined : Math.round(decimalOption('-d', values.delay, { min: 0.1, max: 3600, unit: 'seconds' }, DASHBOARD_USAGE) * 1000),
    noColour: values['no-color'] === true,
    events: eventsMode(values.events, DASHBOARD_USAGE),
    record: values.record,
    help: values.help === true,
    version: values.version === true,
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseDashboardArgs(argv);
  if (answeredHelpOrVersion(args, `${t('cli.help.dashboardTitle')}\n\n${t('cli.help.dashboard', { eventsHelp: t('cli.help.eventsFlag') })}`)) return 0;
  const why = cannotDraw(process.stdout, process.env);
  if (why !== undefined) {
    process.stderr.write(`procview: ${t('cli.error.needsTerminal', { why })}\n`);
    return 2;
  }
  if (args.scope.kind === 'pids') {
    const { readStartTime } = await import('../inspect/inspector.js');
    for (const pid of args.scope.pids) {
      if ((await readStartTime(pid)) === undefined) throw new CommandError(t('cli.error.noPid', { pid }));
    }
  }
  const choice = await openChoice(args.events);
  const { launchDashboard } = await import('../ui/launch.js');
  return launchDashboard({
    scope: args.scope,
    noColour: args.noColour,
    choice,
    ...(args.intervalMs === undefined ? {} : { intervalMs: args.intervalMs }),
    ...(args.record === undefined ? {} : { record: args.record }),
  });
}
