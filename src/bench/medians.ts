// Timing for the benchmarks: medians over interleaved rounds, with a full GC
// before each timed call so that no task pays for garbage another one left.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (() => void) | undefined;

/**
 * Median wall time (ms) of each task, run in rounds of one call each, so that
 * load from other processes drifting during the run weighs on all of them
 * alike. Two untimed warm-up rounds come first (JIT, caches).
 */
export async function medians(rounds: number, tasks: readonly (() => unknown)[]): Promise<number[]> {
  const times: number[][] = tasks.map(() => []);
  for (let round = -2; round < rounds; round++) {
    for (const [i, task] of tasks.entries()) {
      collectGarbage?.();
      const start = performance.now();
      await task();
      if (round >= 0) times[i]?.push(performance.now() - start);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] ?? Number.NaN;
  });
}
