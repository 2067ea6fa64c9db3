// `procview replay FILE [--plain|--json]`: a recording (procview record,
// --record) played back. In a terminal: the dashboard, driven by the file
// (src/ui/replay.ts). --plain: the narration and event lines, stamped with the
// time since the recording began; --json: NDJSON, a `recording` line, then a
// line per frame, event and note.
import { advanceMembers, concernsMembers, type Members } from '../inspect/events/members.js';
import { eventToJson } from '../inspect/format/event-json.js';
import { isDeadZombie } from '../inspect/thread-group.js';
import { messageIn, t } from '../text/i18n/message.js';
import { envelope, stringifyLineForTerminal } from '../inspect/format/json.js';
import { RecordingError } from '../record/format.js';
import { openRecording, type Recording } from '../record/reader.js';
import type { NotePane, RecordedFrame } from '../record/types.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, parseCommandArgs } from './args.js';
import { clockMs, eventPrinter } from './event-lines.js';
import { LineOrder } from './line-order.js';
import { elapsedStamp } from '../text/elapsed.js';
import { CommandError, UsageError } from '../base/errors.js';
import { cannotDraw } from './terminal-check.js';

export const REPLAY_USAGE = messageIn('en', 'cli.help.replay');

/** The pids a frame's seeds name (a plain printer follows pids). */
export function seedPids(frame: RecordedFrame): number[] {
  return frame.seeds.map((seed) => (typeof seed === 'number' ? seed : seed.pid));
}

/** `[+12.345s]`: time since the recording began. */
export function sinceStart(start: number): (at: number) => string {
  return (at) => elapsedStamp(at, start);
}

export function describeRecording(recording: Recording): string {
  const { header } = recording;
  // From when recording began, as every [+s] stamp and the dashboard's timeline count (not from the first frame).
  const seconds = ((recording.endAt - header.startedAt) / 1000).toFixed(1);
  const where = [header.host, header.kernel === undefined ? undefined : `(${header.kernel})`].filter((part) => part !== undefined).join(' ');
  return t('cli.replay.describe', {
    label: header.scope.label,
    time: new Date(header.startedAt).toISOString(),
    on: where === '' ? '' : t('cli.replay.on', { where }),
    version: header.procview,
    frames: recording.frameCount,
    seconds,
    cut: recording.truncated ? t('cli.replay.cut') : '',
  });
}

async function open(file: string): Promise<Recording> {
  try {
    return await openRecording(file);
  } catch (error) {
    // An unreadable file's message already names it.
    if (error instanceof RecordingError) throw new CommandError(error.reason === 'unreadable' ? error.message : `${file}: ${error.message}`);
    throw error;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      options: { ...COMMON_OPTIONS, plain: { type: 'boolean' }, json: { type: 'boolean' }, 'no-color': { type: 'boolean', short: 'M' } },
      allowPositionals: true,
    },
    REPLAY_USAGE,
  );
  if (answeredHelpOrVersion(values, `${t('cli.help.replayTitle')}\n\n${t('cli.help.replay')}`)) return 0;
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(t('cli.error.replayFile'), REPLAY_USAGE);
  if (extra.length > 0) throw new UsageError(t('cli.error.oneFile', { extra: extra.join(' ') }), REPLAY_USAGE);
  if (values.plain === true && values.json === true) throw new UsageError(t('cli.error.plainOrJson'), REPLAY_USAGE);
  const recording = await open(file);
  try {
    return await play(recording, values.plain === true, values.json === true, values['no-color'] === true);
  } catch (error) {
    // A frame that does not unpack (every checksum held, so this is a writer's bug) ends the replay in words.
    if (error instanceof RecordingError) throw new CommandError(`${file}: ${error.message}`);
    throw error;
  }
}

async function play(recording: Recording, plain: boolean, json: boolean, noColour: boolean): Promise<number> {
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  if (json) {
    printJson(recording, write);
    return 0;
  }
  if (!plain) {
    const why = cannotDraw(process.stdout, process.env);
    if (why === undefined) {
      const { launchReplay } = await import('../ui/launch.js');
      return launchReplay({ recording, noColour });
    }
    process.stderr.write(`procview: ${t('cli.replay.cannotDraw', { why })}\n`);
  }
  printPlain(recording, write);
  return 0;
}

const PANE_WORDS = { lesson: 'cli.replay.pane.lesson', chat: 'cli.replay.pane.chat', output: 'cli.replay.pane.output' } as const satisfies Record<
  NotePane,
  string
>;

function printPlain(recording: Recording, write: (line: string) => void): void {
  const stamp = sinceStart(recording.header.startedAt);
  write(sanitizeForDisplay(`procview replay: ${describeRecording(recording)}`));
  const printer = eventPrinter({ json: false, scoped: recording.header.scope.kind !== 'all', stamp });
  // A note was recorded when it came, before the frame with the events of its moment: put in time order.
  const order = new LineOrder();
  for (const entry of recording.entries()) {
    if (entry.type === 'note') {
      // The pane's name is the replay's own words (the reader's language); the note is as recorded.
      order.hold({ at: entry.at, text: sanitizeForDisplay(`${stamp(entry.at)} ${t(PANE_WORDS[entry.pane])}: ${entry.text}`) });
      continue;
    }
    for (const line of order.withFrame(printer.timedLines(entry, seedPids(entry)), entry.snapshot.takenAt)) write(line.text);
  }
  for (const line of order.release()) write(line.text);
  write(`${stamp(recording.endAt)} ${t('cli.replay.end', { time: clockMs(recording.endAt) })}`);
}

/**
 * The recording as NDJSON. A scoped recording (--watch, a lesson, run) holds the whole table and
 * every event; each frame line lists the scope's members after it (`members`), and each event line
 * says whether it is about them (`inScope`), as --plain and the live `events --watch` choose.
 */
function printJson(recording: Recording, write: (line: string) => void): void {
  write(stringifyLineForTerminal(envelope('recording', { ...recording.header, frames: recording.frameCount, truncated: recording.truncated })));
  const scoped = recording.header.scope.kind !== 'all';
  let members: Members = new Map();
  for (const entry of recording.entries()) {
    if (entry.type === 'note') {
      write(stringifyLineForTerminal(envelope('note', { at: entry.at, pane: entry.pane, tone: entry.tone, text: entry.text })));
      continue;
    }
    const before = members;
    if (scoped) members = advanceMembers(before, entry.snapshot, entry.events, seedPids(entry));
    let zombies = 0;
    entry.snapshot.procs.forEach((proc) => {
      if (isDeadZombie(proc)) zombies += 1;
    });
    write(
      stringifyLineForTerminal(
        envelope('frame', {
          index: entry.index,
          seq: entry.seq,
          at: entry.at,
          key: entry.key,
          processes: entry.snapshot.procs.size,
          zombies,
          lost: entry.lost,
          members: scoped ? [...members.keys()].sort((a, b) => a - b) : null,
        }),
      ),
    );
    for (const event of entry.events) {
      const inScope = !scoped || concernsMembers(event, before, members);
      write(stringifyLineForTerminal({ ...eventToJson(event), frame: entry.index, inScope }));
    }
  }
}
