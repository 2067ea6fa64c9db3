// Runs a lesson inside the dashboard: its narration and observations become
// the side pane, the pids it tracks seed the scope, and stopping aborts it and
// waits for the lesson's own cleanup (it promises to leave no process behind).
import { performance } from 'node:perf_hooks';
import type { Demo, DemoResult, Observation } from '../../demos/types.js';
import { t } from '../../text/i18n/message.js';
import { clock } from '../model/cells.js';
import type { SideEntry } from '../model/wrap.js';

export interface DemoSession {
  /**
   * Pids the demo announced, with when (performance.now(), as Frame.begunAt):
   * track(pid) gives no start time, so the scope binds each to the first
   * snapshot scanned after that moment (model/scope.ts).
   */
  readonly tracked: ReadonlyMap<number, number>;
  readonly entries: readonly SideEntry[];
  /** Aborts the lesson (if still running) and resolves once its cleanup finished or `timeoutMs` passed. */
  stop(timeoutMs: number): Promise<void>;
  /**
   * The exit status for quitting now (q, F10, Ctrl-C): 0 once the lesson ended observed; 1 before
   * that, or when it ended not observed (the exit status's words: 0 is "the lesson was observed").
   */
  quitCode(): number;
}

function observedText(fact: Observation): string {
  const ppid = fact.ppid === undefined ? '' : t('ui.lesson.ppid', { ppid: fact.ppid });
  return t('ui.lesson.observed', { pid: fact.pid, stat: fact.stat ?? t('ui.lesson.gone'), ppid, note: fact.note });
}

/** Each side-pane line as it is added, for a recording: when, its raw text, its tone. */
export type NoteSink = (at: number, text: string, tone: SideEntry['tone']) => void;

export function startDemo(demo: Demo, holdMs: number, onChange: () => void, onNote?: NoteSink): DemoSession {
  const tracked = new Map<number, number>();
  const entries: SideEntry[] = [];
  const add = (text: string, tone: SideEntry['tone']): void => {
    const at = Date.now();
    entries.push({ text: `${clock(at)} ${text}`, tone });
    onNote?.(at, text, tone);
    onChange();
  };
  const controller = new AbortController();
  // Set when the lesson ends with everything observed, before any quit.
  let observed = false;
  add(t('ui.lesson.header', { name: demo.name, summary: demo.summary }), 'dim');
  const finished: Promise<void> = demo
    .run(
      {
        say: (text) => add(text, 'plain'),
        observed: (fact) => add(observedText(fact), 'observed'),
        // Nothing to draw yet: the scope reads `tracked` on the next frame.
        track: (pid) => {
          if (!tracked.has(pid)) tracked.set(pid, performance.now());
        },
      },
      controller.signal,
      { holdMs },
    )
    .then(
      (result: DemoResult) => {
        if (controller.signal.aborted) return;
        observed = result.ok;
        if (result.ok) add(t('ui.lesson.complete'), 'good');
        else for (const problem of result.problems) add(t('ui.lesson.problem', { problem }), 'problem');
      },
      (error: unknown) => add(t('ui.lesson.failed', { why: error instanceof Error ? error.message : String(error) }), 'problem'),
    );
  return {
    tracked,
    entries,
    async stop(timeoutMs) {
      controller.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
    quitCode: () => (observed ? 0 : 1),
  };
}
