// `--events kernel|polling|auto`, shared by the dashboard, `run` and `events`.
import { EVENTS_MODES, modeFromEnv, type EventsMode } from '../inspect/events/choose.js';
import { UsageError } from './usage.js';

export const EVENTS_OPTION = { events: { type: 'string' } } as const;

export const EVENTS_HELP = `  --events MODE      event source: auto (default; the kernel's when it answers), kernel, polling
                     (or PROCVIEW_EVENTS=MODE). Kernel events need Linux, root (CAP_NET_ADMIN), the
                     initial network namespace and the native module built at install (needs a C compiler)`;

export function eventsMode(value: string | undefined, usage: string): EventsMode {
  if (value === undefined) {
    try {
      return modeFromEnv() ?? 'auto';
    } catch (error) {
      throw new UsageError((error as Error).message, usage);
    }
  }
  if ((EVENTS_MODES as readonly string[]).includes(value)) return value as EventsMode;
  throw new UsageError(`--events must be auto, kernel or polling, not '${value}'`, usage);
}
