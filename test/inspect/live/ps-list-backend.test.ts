// The ps-list backend: what ps-list knows matches procfs for the same pids;
// everything it cannot know is undefined, never a made-up value.
import { describe, expect, it } from 'vitest';
import { readStartTime } from '../../../src/inspect/inspector.js';
import { createInspector } from '../../../src/inspect/inspector.js';
import { sanitizeForDisplay } from '../../../src/text/sanitize.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { pidOf } from '../../e2e/helpers/procs.js';
import { hostileSleep, zombieOf } from './kinds.js';

const UNKNOWN = ['pgid', 'sid', 'tty', 'tpgid', 'state', 'stat', 'nice', 'priority', 'threads', 'user', 'rssBytes', 'vszBytes', 'timeSeconds'] as const;

describe.runIf(process.platform === 'linux')('ps-list backend, live', () => {
  it('knows pid, ppid, name, command line, uid, start, %CPU and %MEM; the rest is undefined', async () => {
    const procfs = createInspector({ backend: 'procfs' });
    const psList = createInspector({ backend: 'ps-list' });
    expect(psList.backend).toBe('ps-list');
    const hostile = pidOf(spawnGroup(hostileSleep('a) Z 1 (b'), ['30']));
    const parent = pidOf(spawnGroup('sh', ['-c', 'sleep 0.1 & exec sleep 30']));
    const truth = await waitFor(
      async () => {
        const snapshot = await procfs.snapshot();
        return zombieOf(snapshot, parent) !== undefined && snapshot.procs.get(hostile)?.comm === 'a) Z 1 (b' ? snapshot : undefined;
      },
      { what: 'a zombie and the hostile sleeper' },
    );
    const zombie = zombieOf(truth, parent) ?? 0;
    const listed = await psList.snapshot();
    for (const pid of [hostile, parent, zombie]) {
      const ours = truth.procs.get(pid);
      const theirs = listed.procs.get(pid);
      expect(theirs, `pid ${pid}`).toBeDefined();
      expect(theirs).toMatchObject({ pid, ppid: ours?.ppid, comm: ours?.comm, uid: ours?.uid });
      expect(theirs?.args).toBe(sanitizeForDisplay(ours?.args ?? ''));
      expect(Math.abs((theirs?.startTime ?? 0) - (ours?.startTime ?? 0))).toBeLessThan(1000);
      expect(typeof theirs?.cpuPercent).toBe('number');
      expect(typeof theirs?.memPercent).toBe('number');
      for (const field of UNKNOWN) expect(theirs?.[field], `${field} of ${pid}`).toBeUndefined();
      expect(Object.isFrozen(theirs)).toBe(true);
    }
    expect(listed.procs.get(zombie)?.args).toBe('');
    expect(await readStartTime(hostile, { backend: 'ps-list' })).toBe(listed.procs.get(hostile)?.startTime);
  });
});
