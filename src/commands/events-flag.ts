// `--events kernel|polling|auto`, shared by the dashboard, `run` and `events`.
import { chooseEvents, EVENTS_MODES, EventsUnavailableError, modeFromEnv, type EventsChoice, type EventsMode } from '../inspect/events/choose.js';
import { messageIn, t } from '../text/i18n/message.js';
import { CommandError, UsageError } from '../base/errors.js';

export const EVENTS_OPTION = { events: { type: 'string' } } as const;

export const EVENTS_HELP = messageIn('en', 'cli.help.eventsFlag');

export function eventsMode(value: string | undefined, usage: string): EventsMode {
  if (value === undefined) {
    try {
      return modeFromEnv() ?? 'auto';
    } catch (error) {
      throw new UsageError((error as Error).message, usage);
    }
  }
  if ((EVENTS_MODES as readonly string[]).includes(value)) return value as EventsMode;
  throw new UsageError(t('cli.error.eventsMode', { value }), usage);
}

/** The source `mode` asks for; `--events kernel` that cannot be had is a CommandError saying why. */
export async function openChoice(mode: EventsMode): Promise<EventsChoice> {
  try {
    return await chooseEvents(mode);
  } catch (error) {
    if (error instanceof EventsUnavailableError) throw new CommandError(`--events kernel: ${error.message}`);
    throw error;
  }
}
