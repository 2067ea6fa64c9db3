// `procview run [--plain] [--events MODE] [-d SECONDS] [--] CMD [ARGS…]`: our
// options end at `--` or at the first word that is not one of them, so the
// program's own options (`sh -c …`) are never taken for ours.
import { decimalOption } from './args.js';
import { messageIn, t } from '../text/i18n/message.js';
import { EVENTS_HELP, eventsMode } from './events-flag.js';
import type { EventsMode } from '../inspect/events/choose.js';
import { UsageError } from '../base/errors.js';

export const RUN_USAGE = messageIn('en', 'cli.help.run', { eventsHelp: EVENTS_HELP });

export interface RunArgs {
  readonly command: string;
  readonly args: readonly string[];
  readonly plain: boolean;
  readonly events: EventsMode;
  readonly intervalMs: number;
  readonly record: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  let plain = false;
  let events: string | undefined;
  let delay: string | undefined;
  let record: string | undefined;
  let help = false;
  let version = false;
  let i = 0;
  const value = (flag: string): string => {
    const next = argv[i + 1];
    if (next === undefined) throw new UsageError(t('cli.error.needsValue', { flag }), RUN_USAGE);
    i += 1;
    return next;
  };
  for (; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg === '--plain') plain = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version' || arg === '-V') version = true;
    else if (arg === '--events') events = value(arg);
    else if (arg.startsWith('--events=')) events = arg.slice('--events='.length);
    else if (arg === '-d' || arg === '--delay') delay = value(arg);
    else if (arg === '--record') record = value(arg);
    else if (arg.startsWith('--record=')) record = arg.slice('--record='.length);
    else throw new UsageError(t('cli.error.unknownOption', { option: arg }), RUN_USAGE);
  }
  const [command, ...args] = argv.slice(i);
  if (command === undefined && !help && !version) throw new UsageError(t('cli.error.runCommand'), RUN_USAGE);
  return {
    command: command ?? '',
    args,
    plain,
    events: eventsMode(events, RUN_USAGE),
    intervalMs: delay === undefined ? 500 : Math.round(decimalOption('-d', delay, { min: 0.1, max: 3600, unit: 'seconds' }, RUN_USAGE) * 1000),
    record,
    help,
    version,
  };
}
