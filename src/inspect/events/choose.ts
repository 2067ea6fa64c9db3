// Which event source a stream uses: `kernel` (the process events connector;
// root only), `polling` (scans, plus the scoped tracker where roots are known),
// or `auto` (the kernel when it answers, else polling). PROCVIEW_EVENTS sets
// the default; a command-line flag overrides it.
import { t } from '../../text/i18n/message.js';
import type { KernelEventSource, KernelEventsUnavailable } from './kernel-event.js';
import { openKernelEvents } from './kernel-source.js';

export type EventsMode = 'auto' | 'kernel' | 'polling';

export const EVENTS_MODES: readonly EventsMode[] = ['auto', 'kernel', 'polling'];

export type EventsChoice =
  | { readonly source: 'kernel'; readonly kernel: KernelEventSource }
  | {
      readonly source: 'polling';
      /** Why not the kernel: undefined when polling was asked for. */
      readonly reason: KernelEventsUnavailable | undefined;
      readonly message: string | undefined;
    };

export class EventsUnavailableError extends Error {
  constructor(
    readonly reason: KernelEventsUnavailable,
    message: string,
  ) {
    super(message);
    this.name = 'EventsUnavailableError';
  }
}

/** The mode PROCVIEW_EVENTS asks for; undefined when unset; an unknown value is an error. */
export function modeFromEnv(env: NodeJS.ProcessEnv = process.env): EventsMode | undefined {
  const value = env.PROCVIEW_EVENTS;
  if (value === undefined || value === '') return undefined;
  if ((EVENTS_MODES as readonly string[]).includes(value)) return value as EventsMode;
  throw new TypeError(t('cli.error.eventsEnv', { value }));
}

/** Opens the source `mode` asks for; `kernel` that cannot be had rejects with EventsUnavailableError. */
export async function chooseEvents(mode: EventsMode): Promise<EventsChoice> {
  if (mode === 'polling') return { source: 'polling', reason: 'disabled', message: undefined };
  const opened = await openKernelEvents();
  if (opened.ok) return { source: 'kernel', kernel: opened.source };
  if (mode === 'kernel') throw new EventsUnavailableError(opened.reason, opened.message);
  return { source: 'polling', reason: opened.reason, message: opened.message };
}

/** The header's words: `events: kernel`, `events: polling 1 s (kernel events need root)`. */
export function sourceWords(choice: EventsChoice, intervalMs: number, lost = 0): string {
  const lostWords = lost > 0 ? t('event.source.lost', { count: lost }) : '';
  if (choice.source === 'kernel') return t('event.source.kernel', { lost: lostWords });
  const every = t('event.source.seconds', { seconds: Number((intervalMs / 1000).toFixed(2)) });
  const why =
    choice.reason === 'not-permitted'
      ? t('event.source.needRoot')
      : choice.reason === 'no-native-module'
        ? t('event.source.noModule')
        : choice.reason === 'other-namespace'
          ? t('event.source.otherNamespace')
          : choice.reason === 'not-linux'
            ? t('event.source.notLinux')
            : '';
  return t('event.source.polling', { every, why, lost: lostWords });
}
