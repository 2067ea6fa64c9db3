// The scoped tracker on real processes: children and grandchildren of a watched
// root are sighted under the parent that forked them, a root that is gone is
// said so, and descriptors are given back.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ScopedTracker } from '../../../src/inspect/events/scoped-tracker.js';
import { chrtForIdle } from '../../helpers/optional-tools.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const trackers: ScopedTracker[] = [];
afterEach(() => {
  for (const tracker of trackers.splice(0)) tracker.close();
});

function tracker(): ScopedTracker {
  const made = new ScopedTracker();
  trackers.push(made);
  return made;
}

/** The children file of a process's leader thread, as pids. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Field 3 of /proc/PID/stat (the state letter), or undefined once gone. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

function commOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'latin1').trim();
  } catch {
    return undefined;
  }
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe.skipIf(process.platform !== 'linux')('ScopedTracker', () => {
  it('sights a child and, in the same tick, the grandchild it forked, each under its real parent', async () => {
    // root (sh) → child (sh) → grandchild (sleep); neither shell exits, so the tree holds still.
    const root = spawnGroup('sh', ['-c', 'sh -c "sleep 30 & wait" & wait']).pid;
    const [child, grandchild] = await waitFor(
      () => {
        const child = childrenOf(root)[0];
        const grandchild = child === undefined ? undefined : childrenOf(child)[0];
        return grandchild === undefined ? undefined : ([child, grandchild] as const);
      },
      { what: 'the grandchild' },
    );
    const tick = tracker().tick(new Map([[root, undefined]]), () => false, false);
    expect(tick.sightings).toEqual([
      [child, root],
      [grandchild, child],
    ]);
  });

  it('sights nothing the caller already knows, and nothing again when nothing changed', async () => {
    const root = spawnGroup('sh', ['-c', 'sleep 30 & wait']).pid;
    const child = await waitFor(() => childrenOf(root)[0], { what: 'the child' });
    // Still: the child has exec'd sleep and the shell sleeps in its wait (a shell read while it
    // still ran after the fork reads R, then S: a change the second tick rightly reports).
    await waitFor(() => stateOf(root) === 'S' && commOf(child) === 'sleep', { what: "the shell asleep in wait, the child exec'd" });
    const t = tracker();
    const pids = new Map([[root, undefined]]);
    expect(t.tick(pids, (pid) => pid === child, false).sightings).toEqual([]);
    const again = t.tick(pids, () => false, true);
    expect(again.sightings).toEqual([]);
    expect(again.changed).toEqual([]);
  });

  it('reports a process whose scheduling policy alone changed (chrt -p: stat field 41)', async (context) => {
    const chrt = chrtForIdle();
    if (chrt === undefined) return context.skip('needs chrt (util-linux) allowed to set SCHED_IDLE');
    const root = spawnGroup('sleep', ['30']).pid;
    await waitFor(() => stateOf(root) === 'S' && commOf(root) === 'sleep', { what: 'sleep asleep' });
    const t = tracker();
    const pids = new Map([[root, undefined]]);
    t.tick(pids, () => true, true);
    expect(t.tick(pids, () => true, true).changed).toEqual([]);
    expect(spawnSync(chrt, ['-i', '-p', '0', String(root)]).status).toBe(0);
    expect(t.tick(pids, () => true, true).changed).toEqual([root]);
  });

  it('says a watched root that is gone is gone, and gives its descriptors back on close', async () => {
    const fdsBefore = openFds();
    const proc = spawnGroup('sh', ['-c', 'read line'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const t = tracker();
    const pids = new Map([[proc.pid, undefined]]);
    t.tick(pids, () => true, true);
    expect(openFds()).toBeGreaterThan(fdsBefore);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.stdin?.end('\n');
    await exited;
    // Reaped: its stat reads ESRCH; the caller had no record of it, so it is remembered as gone.
    const tick = t.tick(pids, () => false, true);
    expect(tick.changed).toContain(proc.pid);
    expect(t.isGone(proc.pid)).toBe(true);
    t.close();
    expect(openFds()).toBe(fdsBefore);
  });
});
