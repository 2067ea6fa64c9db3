// Redraws asked for outside the frames (a chat line, a narration line) are
// coalesced: a flood of them in one event-loop turn costs one screen.render(),
// and a steady trickle at most one every MIN_GAP_MS. (The global `performance`,
// so a test's fake clock reaches it.)

export const MIN_GAP_MS = 30;

export interface Coalesced {
  /** Runs the task once, after this turn and no sooner than `minGapMs` after its last run. */
  request(): void;
  /** Drops a pending run. */
  cancel(): void;
}

export function coalesce(task: () => void, minGapMs = MIN_GAP_MS): Coalesced {
  let timer: NodeJS.Timeout | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;
  const run = (): void => {
    timer = undefined;
    lastRun = performance.now();
    task();
  };
  return {
    request() {
      if (timer !== undefined) return;
      timer = setTimeout(run, Math.max(0, lastRun + minGapMs - performance.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
