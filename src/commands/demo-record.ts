// `procview demo NAME --plain --record FILE`: the lesson's own look at the
// processes is a poll of its own (demos/watch.ts), so the recording takes
// the event stream's frames beside it, scoped to the pids the lesson tracks,
// and its narration and observations as notes.
import { performance } from 'node:perf_hooks';
import { pollUntil } from '../base/poll.js';
import type { DemoReporter, Observation } from '../demos/types.js';
import type { Demo } from '../demos/types.js';
import { sourceWords } from '../inspect/events/choose.js';
import { EventStream } from '../inspect/events/stream.js';
import { readHostFacts } from '../inspect/host-facts.js';
import { advanceScope, EMPTY_FOLLOW, type Scope } from '../inspect/scope.js';
import { readSystemLoad } from '../inspect/system-load.js';
import { RecordingWriter } from '../record/writer.js';
import { t } from '../text/i18n/message.js';
import { openChoice } from './events-flag.js';
import { modeFromEnv } from '../inspect/events/choose.js';

/** The demo's scan interval in the dashboard (ui/run.ts), kept here so a plain recording replays alike. */
const DEMO_INTERVAL_MS = 500;
/** How long close() waits for the last scan's frame (one scan of the table takes milliseconds). */
const LAST_SCAN_MS = 1_000;
/** How often close() looks whether that frame came. */
const LAST_SCAN_POLL_MS = 5;

export interface DemoRecording {
  /** The reporter the lesson is given: `plain` plus the recording. */
  wrap(plain: DemoReporter): DemoReporter;
  /** Takes one last frame (what the lesson saw last is in the recording too), then closes the file. */
  close(): Promise<void>;
  /** Why the recording stopped early (already said on stderr), if it did. */
  readonly failure: string | undefined;
}

function observedText(fact: Observation): string {
  // The dashboard's words for the same line (ui/sources/demo.ts), so a replay reads as the lesson did.
  const ppid = fact.ppid === undefined ? '' : t('ui.lesson.ppid', { ppid: fact.ppid });
  return t('ui.lesson.observed', { pid: fact.pid, stat: fact.stat ?? t('ui.lesson.gone'), ppid, note: fact.note });
}

/**
 * `intervalMs`: the stream's full-scan interval (a test makes it longer than the lesson, so that
 * only the scans the lesson's own looks ask for, and the last one, read the table).
 */
export async function startDemoRecording(demo: Demo, file: string, intervalMs = DEMO_INTERVAL_MS): Promise<DemoRecording> {
  const choice = await openChoice(modeFromEnv() ?? 'auto');
  let writer: RecordingWriter;
  try {
    writer = RecordingWriter.create(file, {
      scope: { kind: 'demo', label: t('cli.scope.demo', { name: demo.name }) },
      intervalMs,
      ...readHostFacts(),
      // The lesson goes on; the command's exit status says the recording is incomplete (close()).
      onFailure: (message) => void process.stderr.write(`procview: ${t('cli.record.lessonUnrecorded', { why: message })}\n`),
    });
  } catch (error) {
    if (choice.source === 'kernel') choice.kernel.close();
    throw error;
  }
  const tracked = new Map<number, number>();
  let scope: Scope = EMPTY_FOLLOW;
  /** performance.now() when the scan behind the latest frame began. */
  let lastScanBegunAt = Number.NEGATIVE_INFINITY;
  let firstFrame: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstFrame = resolve));
  const stream = new EventStream(
    choice,
    { intervalMs, roots: () => [...tracked.keys(), ...(scope.kind === 'follow' ? scope.members.keys() : [])] },
    (frame) => {
      firstFrame();
      lastScanBegunAt = frame.begunAt;
      const seeds = [...tracked].map(([pid, trackedAt]) => ({ pid, trackedAt }));
      scope = advanceScope(scope, frame.snapshot, seeds, frame.begunAt, frame.events);
      const members = scope.kind === 'follow' ? scope.members.keys() : [];
      writer.frame({ ...frame, host: readSystemLoad(), sourceWords: sourceWords(choice, intervalMs, frame.lost) }, seeds, members);
    },
    (error) => {
      // The lesson goes on unrecorded rather than waiting for a table that will not come.
      firstFrame();
      writer.note({
        at: Date.now(),
        pane: 'lesson',
        tone: 'problem',
        text: t('cli.record.noteFailure', { why: error instanceof Error ? error.message : String(error) }),
      });
    },
  );
  // The lesson starts once the recording holds a table, as procview run starts its program: on a busy
  // machine the first scan can take seconds, and the lesson's first processes would come before it.
  await ready;
  const note = (text: string, tone: string): void => writer.note({ at: Date.now(), pane: 'lesson', tone, text });
  /** close() once: the command closes it before deciding its status, and again on the way out. */
  let closing: Promise<void> | undefined;
  return {
    wrap: (plain) => ({
      say(text) {
        plain.say(text);
        note(text, 'plain');
      },
      observed(fact) {
        plain.observed(fact);
        note(observedText(fact), 'observed');
        // The lesson read this in its own look at the table. A reap is seen only by such a read (the
        // kernel reports exits, not reaps): without a scan now, the recording's 'reaped by' came up
        // to an interval after the narration had said it saw the reap.
        stream.scanNow();
      },
      track(pid) {
        plain.track(pid);
        if (!tracked.has(pid)) tracked.set(pid, performance.now());
      },
    }),
    close() {
      closing ??= (async () => {
        // The lesson's last looks (its parent reaped, the cleanup checked) came after the stream's
        // latest scan: one more, so their events are in the file, not left out by the last interval.
        if (writer.failure === undefined) {
          const askedAt = performance.now();
          stream.scanNow();
          await pollUntil(() => (lastScanBegunAt >= askedAt ? true : undefined), { timeoutMs: LAST_SCAN_MS, intervalMs: LAST_SCAN_POLL_MS });
        }
        stream.close();
        writer.close();
      })();
      return closing;
    },
    get failure() {
      return writer.failure;
    },
  };
}
