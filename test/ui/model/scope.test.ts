// Scope follows processes: once in, a pid stays until it exits, so an orphan
// stays in view after PID 1 adopts it, and is drawn under its new parent.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/inspect/diff.js';
import { advanceLife, HIGHLIGHT_REFRESHES, NO_LIFE, type Life } from '../../../src/ui/model/life.js';
import { advanceScope, EMPTY_FOLLOW, inScope, type Scope } from '../../../src/ui/model/scope.js';
import { initialViewState } from '../../../src/ui/model/view-state.js';
import { computeRows } from '../../../src/ui/model/view.js';
import { advanceWatch, initialWatch, type Frame } from '../../../src/ui/model/watch.js';
import type { Snapshot } from '../../../src/inspect/types.js';
import { proc, snapshot } from './fixtures.js';

const members = (scope: Scope): number[] => (scope.kind === 'all' ? [] : [...scope.members.keys()].sort((a, b) => a - b));

describe('scope', () => {
  const before = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(101, 100), proc(102, 101), proc(200, 1)]);

  it('takes the seeds and all their descendants', () => {
    expect(members(advanceScope(EMPTY_FOLLOW, before, [100]))).toEqual([100, 101, 102]);
    expect(members(advanceScope(EMPTY_FOLLOW, before, [999]))).toEqual([]);
  });

  it('keeps an orphan after its parent exits and PID 1 adopts it', () => {
    const first = advanceScope(EMPTY_FOLLOW, before, [100]);
    // 101 exited; its child 102 now has PPID 1, outside the seed's subtree.
    const after = snapshot([proc(1, 0), proc(50, 1), proc(100, 50), proc(102, 1), proc(200, 1)]);
    const next = advanceScope(first, after, [100]);
    expect(members(next)).toEqual([100, 102]);
    expect(inScope(next, after, 200)).toBe(false);
  });

  it('drops a pid that was reused by another process (different start time)', () => {
    const first = advanceScope(EMPTY_FOLLOW, before, [100]);
    const reused = snapshot([proc(1, 0), proc(102, 1, { startTime: 42 })]);
    expect(members(advanceScope(first, reused, []))).toEqual([]);
  });

  it('picks up a name match that appears later (seeds are re-read every frame)', () => {
    const empty = advanceScope(EMPTY_FOLLOW, snapshot([proc(1, 0)]), []);
    expect(members(empty)).toEqual([]);
    expect(members(advanceScope(empty, before, [200]))).toEqual([200]);
  });
});

describe('new and exited rows (tombstones)', () => {
  const a = snapshot([proc(1, 0), proc(10, 1)]);
  const b = snapshot([proc(1, 0), proc(11, 1)]);
  const all = (): boolean => true;
  // The events come from the real diff, as in the dashboard.
  const step = (life: Life, before: Snapshot | undefined, after: Snapshot, shown = all): Life =>
    advanceLife(life, before === undefined ? [] : diffSnapshots(before, after), before, after, shown, shown);

  it('nothing is new on the first refresh; a new pid is new, an exited one is kept as a tombstone', () => {
    const first = step(NO_LIFE, undefined, a);
    expect(first.born.size).toBe(0);
    const second = step(first, a, b);
    expect([...second.born.keys()]).toEqual([11]);
    expect(second.dead.get(10)?.proc.pid).toBe(10);
  });

  it(`forgets both after ${HIGHLIGHT_REFRESHES} refreshes, and drops a tombstone whose pid is back`, () => {
    let life = step(step(NO_LIFE, undefined, a), a, b);
    for (let i = 1; i < HIGHLIGHT_REFRESHES; i += 1) life = step(life, b, b);
    expect(life.dead.has(10)).toBe(true);
    expect(life.born.has(11)).toBe(true);
    life = step(life, b, b);
    expect(life.dead.has(10)).toBe(false);
    expect(life.born.has(11)).toBe(false);
    const back = step(step(NO_LIFE, undefined, a), a, b);
    expect(step(back, b, a).dead.has(10)).toBe(false);
  });

  it('keeps tombstones only for processes that were shown', () => {
    expect(step(step(NO_LIFE, undefined, a), a, b, () => false).dead.size).toBe(0);
  });

  it('a zombie that is reaped leaves a tombstone with its last sight (Z)', () => {
    const z = snapshot([proc(1, 0), proc(10, 1, { state: 'Z', stat: 'Z', args: '' })]);
    const gone = step(step(NO_LIFE, undefined, z), z, snapshot([proc(1, 0)]));
    expect(gone.dead.get(10)?.proc.state).toBe('Z');
  });
});

describe('the watch, frame by frame', () => {
  const frame = (seq: number, snap: Snapshot, previous: Snapshot | undefined, events: Frame['events'] = []): Frame => ({
    seq,
    snapshot: snap,
    previous,
    events,
    host: { uptimeSeconds: 60, load: [0, 0, 0] },
    intervalMs: 500,
  });

  it('draws the adopted orphan under its new parent, and the dead parent as a tombstone', () => {
    const s1 = snapshot([proc(1, 0, { comm: 'init' }), proc(90, 1), proc(100, 90), proc(101, 100)], 1000);
    const s2 = snapshot([proc(1, 0, { comm: 'init' }), proc(90, 1), proc(101, 1)], 2000);
    const events: Frame['events'] = [
      { kind: 'exit', at: 2000, pid: 100, comm: 'p100', ppid: 90 },
      { kind: 'reparent', at: 2000, pid: 101, comm: 'p101', from: 100, to: 1, orphaned: true, adopter: 'init' },
      { kind: 'spawn', at: 2000, pid: 90, comm: 'unrelated', ppid: 1 },
    ];
    let watch = advanceWatch(initialWatch(EMPTY_FOLLOW), frame(1, s1, undefined), [100]);
    watch = advanceWatch(watch, frame(2, s2, s1, events), [100]);
    const rows = computeRows(watch, initialViewState(true));
    // Context parents that are related nest as in the real tree.
    expect(rows.map((r) => `${r.prefix}${r.pid}:${r.mark}`)).toEqual(['1:context', '├─ 90:context', '│  └─ 100:dead', '└─ 101:live']);
    expect(watch.timeline.lines.map((l) => l.text.slice(9))).toEqual([
      '100 (p100) exited (parent 90 (p90))',
      '101 (p101) orphaned: parent 100 (p100) exited, adopted by 1 (init)',
    ]);
    expect(watch.counts.total).toBe(1);
    expect(watch.history.procs).toEqual([2, 1]);
  });
});
