// The common frame of every lesson: a Lab for its processes, narration and
// observations through the reporter, a hold that honours the abort signal, and
// a cleanup that always runs. A lesson body only tells the story.
import { setTimeout as delay } from 'node:timers/promises';
import type { ProcInfo } from '../inspect/types.js';
import { type PlainMessageId, t } from '../text/i18n/message.js';
import { Lab } from './lab.js';
import type { ChildMessage } from './messages.js';
import { LessonProblem } from './problem.js';
import type { Demo, DemoOptions, DemoReporter, DemoResult } from './types.js';
import { NotObserved, type Watcher } from './watch.js';

export interface Lesson {
  readonly holdMs: number;
  readonly signal: AbortSignal;
  readonly lab: Lab;
  readonly watch: Watcher;
  say(text: string): void;
  /** An `observed:` line from a row of the process table. */
  see(proc: ProcInfo, note: string): void;
  /** An `observed:` line for a process no longer in the table (its last known ppid). */
  seeGone(pid: number, last: ProcInfo | undefined, note: string): void;
  /**
   * Waits until `pid` (last seen as `last`) leaves the table, then says `note`
   * only if the table showed it reaped by `reaper`; otherwise says what was
   * seen instead and records a problem. Returns whether `reaper` was seen.
   */
  seeReaped(pid: number, last: ProcInfo | undefined, reaper: number, note: string): Promise<boolean>;
  /**
   * Listens for the next message of `kind` from the lesson's processes
   * matching `where`, while the lesson goes on looking at the table: `words`
   * is said the moment it arrives, so the narration has it when the process
   * said it, among the observations in time order. The promise gives the
   * message for the checks made once the looks are done; a lesson that ends
   * before awaiting it leaves no unhandled rejection.
   */
  hear(kind: string, where: (message: ChildMessage) => boolean, words: (message: ChildMessage) => string, timeoutMs?: number): Promise<ChildMessage>;
  /** Keeps the current state for the hold (or `ms`), so a viewer refreshing once a second sees it. */
  hold(ms?: number): Promise<void>;
  /** Records a problem unless `condition`; returns `condition`. */
  check(condition: boolean, problem: string): boolean;
  /** Runs after the lesson's processes are gone, also on interruption. */
  onCleanup(task: () => void): void;
}

export interface LessonSpec {
  readonly name: string;
  /** The catalog id of its one-line summary. */
  readonly summary: PlainMessageId;
  teach(lesson: Lesson): Promise<void>;
}

export function defineDemo(spec: LessonSpec): Demo {
  return {
    name: spec.name,
    // Read when shown, in the language of that moment.
    get summary() {
      return t(spec.summary);
    },
    run: (reporter, signal, options) => runLesson(spec, reporter, signal, options),
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof LessonProblem || error instanceof NotObserved) return error.message;
  return t('demo.problem.unexpected', { why: error instanceof Error ? error.message : String(error) });
}

async function runLesson(spec: LessonSpec, reporter: DemoReporter, signal: AbortSignal, options: DemoOptions): Promise<DemoResult> {
  const problems: string[] = [];
  const cleanups: Array<() => void> = [];
  const lab = new Lab(spec.name, reporter, options.holdMs, signal);
  lab.onStderr(({ line, writer, root }) =>
    reporter.say(writer === undefined ? t('demo.stderrUnknown', { root, line }) : t('demo.stderr', { pid: writer.pid, name: writer.name, line })),
  );
  const seeGone = (pid: number, last: ProcInfo | undefined, note: string): void => reporter.observed({ pid, ppid: last?.ppid, stat: undefined, note });
  const lesson: Lesson = {
    holdMs: options.holdMs,
    signal,
    lab,
    watch: lab.watch,
    say: (text) => reporter.say(text),
    see: (proc, note) => reporter.observed({ pid: proc.pid, ppid: proc.ppid, stat: proc.stat, note }),
    seeGone,
    seeReaped: async (pid, last, reaper, note) => {
      await lab.watch.gone(pid, `pid ${pid} leaves the process table`, last);
      const by = lab.watch.reaperOf(pid);
      if (by === reaper) {
        seeGone(pid, last, note);
        return true;
      }
      const why = by === undefined ? t('demo.reaperUnseen', { reaper }) : t('demo.reaperOther', { by, reaper });
      seeGone(pid, last, t('demo.goneBut', { why }));
      problems.push(t('demo.problem.leftBut', { pid, why }));
      return false;
    },
    hear: (kind, where, words, timeoutMs) => {
      const heard = lab.message(kind, where, timeoutMs).then((message) => {
        reporter.say(words(message));
        return message;
      });
      // Awaited later by the lesson, which then sees the failure; until then (or if it fails first) it is handled here.
      heard.catch(() => undefined);
      return heard;
    },
    hold: async (ms = options.holdMs) => {
      await delay(ms, undefined, { signal });
    },
    check: (condition, problem) => {
      if (!condition) problems.push(problem);
      return condition;
    },
    onCleanup: (task) => cleanups.push(task),
  };

  try {
    await spec.teach(lesson);
  } catch (error) {
    if (signal.aborted) {
      problems.push(t('demo.problem.interrupted'));
      reporter.say(t('demo.interrupted'));
    } else {
      problems.push(describeFailure(error));
    }
  } finally {
    const survivors = await lab.close();
    for (const task of cleanups) {
      try {
        task();
      } catch (error) {
        problems.push(t('demo.problem.cleanup', { why: describeFailure(error) }));
      }
    }
    if (survivors.length > 0) problems.push(t('demo.problem.survivors', { pids: survivors.join(', ') }));
    else reporter.say(t('demo.cleanupChecked'));
  }
  return { ok: problems.length === 0, problems };
}
