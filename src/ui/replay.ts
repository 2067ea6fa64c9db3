// `procview replay FILE` in the dashboard: the same app (table, tree, events,
// detail, side pane) fed from a recording instead of the refresh loop. The
// replay keeps the place (a frame index), plays at a speed, and seeks by
// rebuilding from the key frame before the target; signals and renice are
// refused with a message, since the processes are not these.
import { packageVersion } from '../base/version.js';
import { ALL, EMPTY_FOLLOW } from '../inspect/scope.js';
import type { ProcEvent } from '../inspect/types.js';
import { RecordingError } from '../record/format.js';
import type { Recording } from '../record/reader.js';
import type { NotePane, RecordedFrame } from '../record/types.js';
import { type PlainMessageId, t } from '../text/i18n/message.js';
import { sanitizeForCells } from '../text/sanitize.js';
import { reportCrash } from './crash-report.js';
import { createApp, type App } from './app.js';
import { clock } from './model/cells.js';
import { goToFrame, NORMAL_SPEED_INDEX, parseGoTo, spanWords, SPEEDS, timelineWords } from './model/replay.js';
import type { SideContent } from './model/screen.js';
import type { Frame } from './model/watch.js';
import type { SideEntry } from './model/wrap.js';
import { loadSettings, saveSettings, settingsPath } from './settings-file.js';
import { onExitPaths, openTerminal, type ExitCause } from './terminal.js';
import { chooseTheme } from './widgets/theme.js';

export interface ReplayOptions {
  readonly recording: Recording;
  readonly noColour?: boolean;
}

/** A pause in the recording longer than this plays as this long (a quiet night is not waited out). */
const MAX_GAP_MS = 3000;
const CONTROL_KEYS = new Set(['k', 'f9', 'n', 'N', 'f7', 'f8']);

/** The side pane's tones (model/wrap.ts); a note with another is drawn plain. */
const TONES: ReadonlySet<string> = new Set(['plain', 'observed', 'good', 'problem', 'admin', 'dim']);

/** The side pane's title by the notes' pane (the reader refuses a note with another: record/reader.ts). */
const SIDE_TITLES: Readonly<Record<NotePane, 'ui.replay.side.lesson' | 'ui.replay.side.chat' | 'ui.replay.side.output'>> = {
  lesson: 'ui.replay.side.lesson',
  chat: 'ui.replay.side.chat',
  output: 'ui.replay.side.output',
};

function uiFrame(recording: Recording, frame: RecordedFrame): Frame {
  return Object.freeze({
    seq: frame.seq,
    begunAt: frame.begunAt,
    snapshot: frame.snapshot,
    previous: frame.previous,
    events: frame.events,
    host: frame.host ?? { uptimeSeconds: undefined, load: undefined },
    meters: frame.meters,
    intervalMs: recording.header.intervalMs,
    // The words are the recording's text (a crafted file's could hold escapes): sanitized like every other field shown.
    sourceWords: t('ui.replay.recorded', { words: sanitizeForCells(frame.sourceWords ?? frame.source) }),
    glimpses: frame.glimpses,
  });
}

const isZombie = (event: ProcEvent): boolean => event.kind === 'zombie';
const isOrphaning = (event: ProcEvent): boolean => event.kind === 'reparent' && event.orphaned;

export async function runReplay({ recording, noColour }: ReplayOptions): Promise<number> {
  const { header } = recording;
  const configPath = settingsPath();
  const loaded = loadSettings(configPath);
  const terminal = openTerminal();
  const start = header.startedAt;
  const length = recording.endAt - start;
  let index = -1;
  let playing = recording.frameCount > 1;
  let speedIndex = NORMAL_SPEED_INDEX;
  let goTo: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let app: App;

  const nowAt = (): number => (index < 0 ? start : recording.timeOf(index));
  const notePane = recording.notes[0]?.pane;
  const side: (() => SideContent) | undefined =
    notePane === undefined
      ? undefined
      : () => {
          const until = nowAt();
          const entries: SideEntry[] = [];
          for (const note of recording.notes) {
            if (note.at > until) break;
            entries.push({ text: `${clock(note.at)} ${note.text}`, tone: TONES.has(note.tone) ? (note.tone as SideEntry['tone']) : 'plain' });
          }
          return { title: t(SIDE_TITLES[notePane], { label: sanitizeForCells(header.scope.label) }), entries };
        };

  /**
   * Shows frame `target`: the next one is one step; anything else rebuilds from its key frame.
   * False when a damaged frame on the way stopped it (said on the message line): the frames after
   * it up to the next key frame cannot be rebuilt, so a caller must not claim it got there.
   */
  const show = (target: number): boolean => {
    const to = Math.max(0, Math.min(recording.frameCount - 1, target));
    if (recording.frameCount === 0) return true;
    const from = to === index + 1 ? to : recording.keyIndexOf(to);
    if (from !== to || to <= index) {
      app.reset();
      // The app holds no frame now: if the first one cannot be built, the place is just before it.
      index = from - 1;
    }
    let damaged: string | undefined;
    try {
      for (let i = from; i <= to; i += 1) {
        const frame = recording.frame(i);
        app.frame(uiFrame(recording, frame), frame.seeds);
        index = i;
      }
    } catch (error) {
      // A frame whose checksum held but whose content is not procview's (a crafted file): stop there, say so.
      if (!(error instanceof RecordingError)) throw error;
      playing = false;
      damaged = error.message;
    }
    app.redraw();
    if (damaged === undefined) return true;
    app.tell({ text: t('ui.replay.damaged', { why: damaged, number: index + 1 }), tone: 'error' });
    return false;
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!playing) return;
    if (index >= recording.frameCount - 1) {
      playing = false;
      app.tell({ text: t('ui.replay.end'), tone: 'info' });
      return;
    }
    const gap = Math.min(MAX_GAP_MS, Math.max(0, recording.timeOf(index + 1) - recording.timeOf(index)));
    timer = setTimeout(
      () => {
        if (show(index + 1)) schedule();
      },
      gap / (SPEEDS[speedIndex] ?? 1),
    );
  };

  const seekTo = (target: number, why: string): void => {
    playing = false;
    schedule();
    if (show(target)) app.tell({ text: why, tone: 'info' });
  };

  const jump = (test: (event: ProcEvent) => boolean, whatId: PlainMessageId): void => {
    const what = t(whatId);
    let found: ReturnType<Recording['findEvent']>;
    try {
      found = recording.findEvent(index, test);
    } catch (error) {
      if (!(error instanceof RecordingError)) throw error;
      app.tell({ text: t('ui.replay.noneBeforeDamage', { what, why: error.message }), tone: 'error' });
      return;
    }
    if (found === undefined) {
      app.tell({ text: t('ui.replay.noneAfter', { what }), tone: 'error' });
      return;
    }
    const { event } = found;
    seekTo(found.index, t('ui.replay.found', { what, pid: event.pid, comm: event.comm ?? '?', at: spanWords(recording.timeOf(found.index) - start) }));
  };

  const promptGoTo = (): void => {
    app.tell({ text: t('ui.replay.goToPrompt', { typed: goTo ?? '' }), tone: 'info' });
  };

  const intercept = (key: string): boolean => {
    if (goTo !== undefined) {
      if (key === 'escape') {
        goTo = undefined;
        app.tell({ text: t('ui.replay.goToCancelled'), tone: 'info' });
      } else if (key === 'enter') {
        // Past the end: the last frame, said as the time it shows (`g 99` of 10 s said +1:39.0).
        const asked = parseGoTo(goTo);
        const at = asked === undefined ? undefined : Math.min(asked, length);
        goTo = undefined;
        if (at === undefined) app.tell({ text: t('ui.replay.goToBad'), tone: 'error' });
        else {
          const index = goToFrame(at, recording.indexAt(start + at), recording.frameCount, (i) => recording.timeOf(i) - start);
          seekTo(index, t('ui.replay.at', { at: spanWords(at) }));
        }
      } else if (key === 'backspace') {
        goTo = goTo.slice(0, -1);
        promptGoTo();
      } else if (/^[\d:.]$/u.test(key)) {
        goTo += key;
        promptGoTo();
      }
      return key !== 'C-c';
    }
    switch (key) {
      case ' ':
      case 'space':
        playing = !playing;
        if (playing && index >= recording.frameCount - 1) show(0);
        schedule();
        app.tell({ text: playing ? t('ui.replay.playing') : t('ui.replay.paused'), tone: 'info' });
        return true;
      case 'left':
      case 'right':
        seekTo(index + (key === 'left' ? -1 : 1), t('ui.replay.stepped'));
        return true;
      case '[':
      case ']':
        speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, speedIndex + (key === '[' ? -1 : 1)));
        schedule();
        app.redraw();
        return true;
      case 'g':
        goTo = '';
        promptGoTo();
        return true;
      case 'z':
        jump(isZombie, 'ui.replay.zombie');
        return true;
      case 'o':
        jump(isOrphaning, 'ui.replay.orphaning');
        return true;
      default:
        if (!CONTROL_KEYS.has(key)) return false;
        app.tell({ text: t('ui.replay.noControl'), tone: 'error' });
        return true;
    }
  };

  return new Promise<number>((resolve) => {
    let closing = false;
    const finish = (code: number, cause: ExitCause | undefined): void => {
      if (closing) return;
      closing = true;
      clearTimeout(timer);
      terminal.restore();
      uninstall();
      if (cause?.kind === 'crash') reportCrash(cause.error);
      resolve(code);
    };
    const uninstall = onExitPaths((cause) => finish(cause.kind === 'crash' ? 1 : cause.code, cause));
    try {
      app = createApp({
        screen: terminal.screen,
        theme: chooseTheme(process.env, noColour === true || !loaded.settings.colour),
        settings: loaded.settings,
        settingsPath: configPath,
        saveSettings: (settings) => saveSettings(configPath, settings),
        version: packageVersion(),
        scopeLabel: () =>
          `${timelineWords({
            playing,
            speed: SPEEDS[speedIndex] ?? 1,
            at: nowAt() - start,
            length,
            // -1 before the first frame is shown (a recording with none): `frame 0/0`.
            frame: index,
            frames: recording.frameCount,
          })} · ${header.scope.label}`,
        scope: header.scope.kind === 'all' ? ALL : EMPTY_FOLLOW,
        control: { backend: 'procfs' },
        canSay: false,
        side,
        intercept,
        onQuit: () => finish(0, undefined),
        onSay: async () => ({ text: t('ui.replay.noControl'), tone: 'error' }),
      });
      show(0);
      schedule();
    } catch (error) {
      finish(1, { kind: 'crash', error });
    }
  });
}
