// `procview record FILE [--watch PID|NAME] [-d SECONDS] [--duration S]`: the
// event stream's frames written to FILE (docs/recording-format.md) until
// Ctrl-C or --duration, without a screen: for an incident at 03:12, kept for
// `procview replay`. The whole table is recorded; --watch says which part the
// replay's view follows.
import { performance } from 'node:perf_hooks';
import { messageIn, t } from '../text/i18n/message.js';
import { sourceWords } from '../inspect/events/choose.js';
import { EventStream } from '../inspect/events/stream.js';
import { readHostFacts } from '../inspect/host-facts.js';
import { readStartTime } from '../inspect/inspector.js';
import { advanceScope, ALL, EMPTY_FOLLOW, type Scope, targetSeeds, type WatchTarget } from '../inspect/scope.js';
import { readSystemLoad } from '../inspect/system-load.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { RecordingWriter } from '../record/writer.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, watchPidOrName } from './args.js';
import { EVENTS_HELP, EVENTS_OPTION, eventsMode, openChoice } from './events-flag.js';
import { CommandError, UsageError } from '../base/errors.js';

export const RECORD_USAGE = messageIn('en', 'cli.help.record', { eventsHelp: EVENTS_HELP });

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * What is recorded, in words. The header keeps it as written (`scope.label`), in the language
 * the recording was made in, like its narration notes and the event source's words: a replay
 * shows what the person recording saw.
 */
export function targetLabel(target: WatchTarget): string {
  switch (target.kind) {
    case 'all':
      return t('cli.scope.all');
    case 'pids':
      return t('cli.scope.pids', { pids: target.pids.join(', ') });
    case 'name':
      return t('cli.scope.name', { pattern: target.pattern });
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        ...EVENTS_OPTION,
        watch: { type: 'string' },
        delay: { type: 'string', short: 'd' },
        duration: { type: 'string' },
      },
      allowPositionals: true,
    },
    RECORD_USAGE,
  );
  if (answeredHelpOrVersion(values, `${t('cli.help.recordTitle')}\n\n${t('cli.help.record', { eventsHelp: t('cli.help.eventsFlag') })}`)) return 0;
  const [file, ...extra] = positionals;
  if (file === undefined || file === '') throw new UsageError(t('cli.error.recordFile'), RECORD_USAGE);
  if (extra.length > 0) throw new UsageError(t('cli.error.oneFile', { extra: extra.join(' ') }), RECORD_USAGE);
  const mode = eventsMode(values.events, RECORD_USAGE);
  const intervalMs =
    values.delay === undefined ? 1000 : Math.round(decimalOption('-d', values.delay, { min: 0.1, max: 3600, unit: 'seconds' }, RECORD_USAGE) * 1000);
  const durationMs =
    values.duration === undefined
      ? undefined
      : Math.round(decimalOption('--duration', values.duration, { min: 0.1, max: 366 * 86_400, unit: 'seconds' }, RECORD_USAGE) * 1000);
  const target: WatchTarget = values.watch === undefined ? { kind: 'all' } : watchPidOrName(values.watch, RECORD_USAGE, t('cli.watch.pidOrName'));
  if (target.kind === 'pids')
    for (const pid of target.pids) if ((await readStartTime(pid)) === undefined) throw new CommandError(t('cli.error.noPid', { pid }));

  const choice = await openChoice(mode);
  const startedAt = performance.now();
  let failure: unknown;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let writer: RecordingWriter;
  try {
    writer = RecordingWriter.create(file, {
      scope: { kind: target.kind, label: targetLabel(target) },
      intervalMs,
      ...readHostFacts(),
      onFailure: (message) => {
        failure = new CommandError(message);
        finish();
      },
    });
  } catch (error) {
    if (choice.source === 'kernel') choice.kernel.close();
    throw error;
  }
  const stop = awaitStopSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
  let scope: Scope = target.kind === 'all' ? ALL : EMPTY_FOLLOW;
  const stream = new EventStream(
    choice,
    { intervalMs, ...(target.kind === 'all' ? {} : { roots: () => (scope.kind === 'follow' ? scope.members.keys() : []) }) },
    (frame) => {
      const seeds = targetSeeds(target, frame, startedAt);
      scope = advanceScope(scope, frame.snapshot, seeds, frame.begunAt, frame.events);
      const members = scope.kind === 'follow' ? scope.members.keys() : undefined;
      writer.frame({ ...frame, host: readSystemLoad(), sourceWords: sourceWords(choice, intervalMs, frame.lost) }, seeds, members);
    },
    (error) => {
      failure = error;
      finish();
    },
  );
  const until = durationMs === undefined ? t('cli.record.untilCtrlC') : t('cli.record.forSeconds', { seconds: durationMs / 1000 });
  const what = sanitizeForDisplay(targetLabel(target));
  process.stderr.write(
    `procview record: ${t('cli.record.recording', { what, file: sanitizeForDisplay(file), source: sourceWords(choice, intervalMs), until })}\n`,
  );
  const timer = durationMs === undefined ? undefined : setTimeout(finish, durationMs);
  void stop.received.then(finish);
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    stop.dispose();
    stream.close();
    writer.close();
  }
  if (failure !== undefined) throw failure;
  process.stderr.write(`procview record: ${t('cli.record.done', { frames: writer.frameCount, bytes: writer.bytesWritten, file: sanitizeForDisplay(file) })}\n`);
  const signal = stop.caught;
  return signal === undefined ? 0 : 128 + (SIGNAL_NUMBERS[signal] ?? 0);
}
