// `procview events [--watch PID|NAME] [--plain|--json]`: process events as they
// happen, one line each (forkstat's job, with zombies, reaps and adoptions),
// for the whole system or a scope; NDJSON with --json. Runs until Ctrl-C.
import { sourceWords } from '../inspect/events/choose.js';
import { messageIn, t } from '../text/i18n/message.js';
import { readStartTime } from '../inspect/inspector.js';
import { nameSeeds } from '../inspect/scope.js';
import { watch } from '../inspect/watch.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, processIdArgument } from './args.js';
import { clockMs, eventPrinter } from './event-lines.js';
import { EVENTS_HELP, EVENTS_OPTION, eventsMode, openChoice } from './events-flag.js';
import { CommandError, UsageError } from '../base/errors.js';

export const EVENTS_USAGE = messageIn('en', 'cli.help.eventsCommand', { eventsHelp: EVENTS_HELP });

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      // --plain: the default, taken as run and replay take it.
      options: {
        ...COMMON_OPTIONS,
        ...EVENTS_OPTION,
        watch: { type: 'string' },
        plain: { type: 'boolean' },
        json: { type: 'boolean' },
        delay: { type: 'string', short: 'd' },
      },
      allowPositionals: false,
    },
    EVENTS_USAGE,
  );
  if (answeredHelpOrVersion(values, `${t('cli.help.eventsTitle')}\n\n${t('cli.help.eventsCommand', { eventsHelp: t('cli.help.eventsFlag') })}`)) return 0;
  void positionals;
  if (values.plain === true && values.json === true) throw new UsageError(t('cli.error.plainOrJson'), EVENTS_USAGE);
  const mode = eventsMode(values.events, EVENTS_USAGE);
  const intervalMs =
    values.delay === undefined ? 1000 : Math.round(decimalOption('-d', values.delay, { min: 0.1, max: 3600, unit: 'seconds' }, EVENTS_USAGE) * 1000);
  const target = values.watch;
  const pid = target !== undefined && /^\d+$/.test(target) ? processIdArgument(target, EVENTS_USAGE) : undefined;
  if (pid !== undefined && (await readStartTime(pid)) === undefined) throw new CommandError(t('cli.error.noPid', { pid }));
  // A bad command line (exit 2, with the usage), as record, serve and the dashboard say it.
  if (target !== undefined && target.trim() === '') throw new UsageError(t('cli.error.watchNeeds', { needs: t('cli.watch.pidOrName') }), EVENTS_USAGE);

  const choice = await openChoice(mode);
  const json = values.json === true;
  // The choice is made; watch() opens its own source the same way (the first one is given back).
  if (choice.source === 'kernel') choice.kernel.close();

  const controller = new AbortController();
  const stop = awaitStopSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
  void stop.received.then(() => controller.abort());
  const printer = eventPrinter({ json, scoped: target !== undefined, stamp: clockMs });
  let first = true;
  const roots = (): Iterable<number> => printer.members.keys();
  try {
    for await (const frame of watch({ events: mode, intervalMs, signal: controller.signal, roots })) {
      const seeds = target === undefined ? [] : pid !== undefined ? (first ? [pid] : []) : nameSeeds(frame.snapshot, frame.events, target, process.pid);
      // Once the first table is read, events are reported from here on: say so, and from which source
      // (on stderr, for the person at the terminal: stdout stays pure NDJSON with --json).
      if (first) process.stderr.write(`procview events: ${t('cli.events.watching', { source: sourceWords(choice, intervalMs) })}\n`);
      first = false;
      const lines = printer.lines(frame, seeds);
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      if (pid !== undefined && printer.members.size === 0 && frame.events.length === 0 && !frame.snapshot.procs.has(pid)) break;
    }
  } finally {
    stop.dispose();
  }
  const signal = stop.caught;
  return signal === undefined ? 0 : 128 + (SIGNAL_NUMBERS[signal] ?? 0);
}
