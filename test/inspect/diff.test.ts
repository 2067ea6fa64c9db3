import { describe, expect, it } from 'vitest';
import { diffReread, diffSnapshots } from '../../src/inspect/diff.js';
import type { ProcInfo } from '../../src/inspect/types.js';
import { proc, snapshot, unknownProc } from './diff-builders.js';

const T0 = 1_700_000_100_000;
const T1 = T0 + 1000;

const init = proc({ pid: 1, ppid: 0, comm: 'init', args: '/sbin/init' });
const shell = proc({ pid: 100, comm: 'bash', args: '-bash' });

describe('diffSnapshots', () => {
  it('sees no events between two equal snapshots', () => {
    const procs = [init, shell, proc({ pid: 200, ppid: 100 })];
    expect(diffSnapshots(snapshot(procs, T0), snapshot(procs, T1))).toEqual([]);
  });

  it('reports a spawn with its parent, at the time of the newer snapshot', () => {
    const child = proc({ pid: 200, ppid: 100 });
    expect(diffSnapshots(snapshot([init, shell], T0), snapshot([init, shell, child], T1))).toEqual([
      { kind: 'spawn', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('reports an exit with the last known parent', () => {
    const child = proc({ pid: 200, ppid: 100 });
    expect(diffSnapshots(snapshot([init, shell, child], T0), snapshot([init, shell], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('treats a reused pid (other start time) as an exit plus a spawn, never the same process', () => {
    const old = proc({ pid: 200, ppid: 100, comm: 'sleep', startTime: 5 });
    const reused = proc({ pid: 200, ppid: 1, comm: 'cron', args: 'cron -f', startTime: 9, nice: 5 });
    expect(diffSnapshots(snapshot([init, shell, old], T0), snapshot([init, shell, reused], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
      { kind: 'spawn', at: T1, pid: 200, comm: 'cron', ppid: 1 },
    ]);
  });

  it('treats a reused pid of a zombie as a reap plus a spawn', () => {
    const zombie = proc({ pid: 200, ppid: 100, state: 'Z', stat: 'Z', args: '', startTime: 5 });
    const reused = proc({ pid: 200, ppid: 100, startTime: 9 });
    expect(diffSnapshots(snapshot([init, shell, zombie], T0), snapshot([init, shell, reused], T1))).toEqual([
      { kind: 'reap', at: T1, pid: 200, comm: 'sleep', by: 100 },
      { kind: 'spawn', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('finds the births when as many processes exit as are born (same count before and after)', () => {
    const a = proc({ pid: 200, ppid: 100 });
    const b = proc({ pid: 201, ppid: 100, comm: 'cat', args: 'cat' });
    expect(diffSnapshots(snapshot([init, shell, a], T0), snapshot([init, shell, b], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
      { kind: 'spawn', at: T1, pid: 201, comm: 'cat', ppid: 100 },
    ]);
    expect(diffSnapshots(snapshot([init, shell, a, b], T0), snapshot([init, shell, b], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('keeps the same process when a start time is unknown on either side', () => {
    const partial = { ...unknownProc(300), ppid: 100, comm: 'node' };
    const full = proc({ pid: 300, ppid: 100, comm: 'node', args: 'node x.js' });
    expect(diffSnapshots(snapshot([init, shell, partial], T0), snapshot([init, shell, full], T1))).toEqual([]);
    expect(diffSnapshots(snapshot([init, shell, full], T0), snapshot([init, shell, partial], T1))).toEqual([]);
  });

  it('reports a process that became a zombie, naming the parent that has not reaped it', () => {
    const child = proc({ pid: 200, ppid: 100 });
    const zombie = { ...child, state: 'Z', stat: 'Z', args: '' };
    expect(diffSnapshots(snapshot([init, shell, child], T0), snapshot([init, shell, zombie], T1))).toEqual([
      { kind: 'zombie', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('says no zombie while a leader that ended alone (Z, ps Zl) still has threads running; then when its last one ends', () => {
    const child = proc({ pid: 200, ppid: 100, threads: 2 });
    const leaderGone = { ...child, state: 'Z', stat: 'Zl' };
    const dead = { ...child, state: 'Z', stat: 'Z', threads: 1, args: '' };
    expect(diffSnapshots(snapshot([init, shell, child], T0), snapshot([init, shell, leaderGone], T1))).toEqual([]);
    expect(diffSnapshots(snapshot([init, shell], T0), snapshot([init, shell, leaderGone], T1)).map((e) => e.kind)).toEqual(['spawn']);
    expect(diffSnapshots(snapshot([init, shell, leaderGone], T0), snapshot([init, shell, dead], T1))).toEqual([
      { kind: 'zombie', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
    // Gone from Zl, never said to be a zombie: it exited (its reap, if shown, is the explanation's to infer).
    expect(diffSnapshots(snapshot([init, shell, leaderGone], T0), snapshot([init, shell], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('reports a process first seen as a zombie as spawn then zombie', () => {
    const zombie = proc({ pid: 200, ppid: 100, state: 'Z', stat: 'Z', args: '' });
    expect(diffSnapshots(snapshot([init, shell], T0), snapshot([init, shell, zombie], T1))).toEqual([
      { kind: 'spawn', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
      { kind: 'zombie', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
    ]);
  });

  it('reports a process first seen stopped (T, or t under a tracer) as spawn then stop', () => {
    for (const state of ['T', 't']) {
      const stopped = proc({ pid: 200, ppid: 100, state, stat: state });
      expect(diffSnapshots(snapshot([init, shell], T0), snapshot([init, shell, stopped], T1))).toEqual([
        { kind: 'spawn', at: T1, pid: 200, comm: 'sleep', ppid: 100 },
        { kind: 'stop', at: T1, pid: 200, comm: 'sleep', ...(state === 't' ? { traced: true } : {}) },
      ]);
    }
  });

  it('reports a zombie that disappeared as reaped by its parent', () => {
    const zombie = proc({ pid: 200, ppid: 100, state: 'Z', stat: 'Z', args: '' });
    expect(diffSnapshots(snapshot([init, shell, zombie], T0), snapshot([init, shell], T1))).toEqual([
      { kind: 'reap', at: T1, pid: 200, comm: 'sleep', by: 100 },
    ]);
  });

  it('does not name a reaper when the zombie’s parent is gone too (its adopter reaped it)', () => {
    const zombie = proc({ pid: 200, ppid: 100, state: 'Z', stat: 'Z', args: '' });
    expect(diffSnapshots(snapshot([init, shell, zombie], T0), snapshot([init], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 100, comm: 'bash', ppid: 1 },
      { kind: 'reap', at: T1, pid: 200, comm: 'sleep', by: undefined },
    ]);
  });

  it('does not name a reaper when the zombie’s parent pid now belongs to another process', () => {
    const zombie = proc({ pid: 200, ppid: 100, state: 'Z', stat: 'Z', args: '' });
    const impostor = proc({ pid: 100, comm: 'bash', startTime: 42 });
    expect(diffSnapshots(snapshot([init, shell, zombie], T0), snapshot([init, impostor], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 100, comm: 'bash', ppid: 1 },
      { kind: 'reap', at: T1, pid: 200, comm: 'sleep', by: undefined },
      { kind: 'spawn', at: T1, pid: 100, comm: 'bash', ppid: 1 },
    ]);
  });

  it('reports an orphan adopted by init after its parent exited, the exit first', () => {
    const child = proc({ pid: 200, ppid: 100 });
    const orphan = { ...child, ppid: 1 };
    expect(diffSnapshots(snapshot([init, shell, child], T0), snapshot([init, orphan], T1))).toEqual([
      { kind: 'exit', at: T1, pid: 100, comm: 'bash', ppid: 1 },
      { kind: 'reparent', at: T1, pid: 200, comm: 'sleep', from: 100, to: 1, orphaned: true, adopter: 'init' },
    ]);
  });

  it('reports an orphan adopted by a subreaper, the dead parent still a zombie', () => {
    const subreaper = proc({ pid: 50, comm: 'systemd', args: '/lib/systemd/systemd --user' });
    const parent = proc({ pid: 100, ppid: 50, comm: 'sh', args: 'sh -c x' });
    const child = proc({ pid: 200, ppid: 100 });
    const deadParent = { ...parent, state: 'Z', stat: 'Z', args: '' };
    const orphan = { ...child, ppid: 50 };
    const events = diffSnapshots(snapshot([init, subreaper, parent, child], T0), snapshot([init, subreaper, deadParent, orphan], T1));
    expect(events).toEqual([
      { kind: 'zombie', at: T1, pid: 100, comm: 'sh', ppid: 50 },
      { kind: 'reparent', at: T1, pid: 200, comm: 'sleep', from: 100, to: 50, orphaned: true, adopter: 'subreaper' },
    ]);
  });

  it('reports an orphan whose old parent pid was reused by another process', () => {
    const child = proc({ pid: 200, ppid: 100 });
    const impostor = proc({ pid: 100, comm: 'bash', startTime: 42 });
    const events = diffSnapshots(snapshot([init, shell, child], T0), snapshot([init, impostor, { ...child, ppid: 1 }], T1));
    expect(events.find((event) => event.kind === 'reparent')).toMatchObject({ orphaned: true, adopter: 'init' });
  });

  it('reports a reparent with a living old parent as not orphaned', () => {
    const other = proc({ pid: 150, comm: 'bash' });
    const child = proc({ pid: 200, ppid: 100 });
    expect(diffSnapshots(snapshot([init, shell, other, child], T0), snapshot([init, shell, other, { ...child, ppid: 150 }], T1))).toEqual([
      { kind: 'reparent', at: T1, pid: 200, comm: 'sleep', from: 100, to: 150, orphaned: false, adopter: undefined },
    ]);
  });

  it('reports an exec when comm or args change', () => {
    const before = proc({ pid: 200, ppid: 100, comm: 'sh', args: 'sh -c exec sleep 9' });
    const after = { ...before, comm: 'sleep', args: 'sleep 9' };
    expect(diffSnapshots(snapshot([init, shell, before], T0), snapshot([init, shell, after], T1))).toEqual([
      { kind: 'exec', at: T1, pid: 200, comm: 'sleep', fromComm: 'sh', fromArgs: 'sh -c exec sleep 9', args: 'sleep 9' },
    ]);
    const argsOnly = { ...before, args: 'sh other.sh' };
    expect(diffSnapshots(snapshot([before], T0), snapshot([argsOnly], T1)).map((event) => event.kind)).toEqual(['exec']);
  });

  it('does not call an exec what is a death (args empty) or unreadable args', () => {
    const before = proc({ pid: 200, ppid: 100 });
    const unreadable = { ...before, args: undefined };
    expect(diffSnapshots(snapshot([before], T0), snapshot([unreadable], T1))).toEqual([]);
    const zombie = { ...before, state: 'Z', stat: 'Z', args: '' };
    expect(diffSnapshots(snapshot([before], T0), snapshot([zombie], T1)).map((event) => event.kind)).toEqual(['zombie']);
  });

  it('does not call a kernel thread renaming itself an exec: kthreadd (pid 2) and its children (ppid 2), no command line', () => {
    const kthreadd = proc({ pid: 2, ppid: 0, comm: 'kthreadd', args: '', uid: 0, user: 'root' });
    const kworker = proc({ pid: 41, ppid: 2, comm: 'kworker/1:1', args: '', uid: 0, user: 'root' });
    const before = snapshot([kthreadd, kworker], T0);
    const renamed = snapshot(
      [
        { ...kthreadd, comm: 'kthreadd-x' },
        { ...kworker, comm: 'kworker/1:1-events' },
      ],
      T1,
    );
    expect(diffSnapshots(before, renamed)).toEqual([]);
    // Other changes of a kernel thread are still seen.
    const reniced = snapshot([kthreadd, { ...kworker, comm: 'kworker/1:1-mm', nice: -20 }], T1);
    expect(diffSnapshots(before, reniced).map((event) => event.kind)).toEqual(['renice']);
  });

  it('still reports the exec of a child of pid 2 that has a command line (pid 2 is ordinary in a container)', () => {
    const shell2 = proc({ pid: 2, ppid: 1, comm: 'sh', args: '/bin/sh' });
    const child = proc({ pid: 41, ppid: 2, comm: 'sh', args: 'sh -c exec sleep 9' });
    const after = { ...child, comm: 'sleep', args: 'sleep 9' };
    expect(diffSnapshots(snapshot([shell2, child], T0), snapshot([shell2, after], T1)).map((event) => event.kind)).toEqual(['exec']);
    // A process with no command line that is not a kernel thread's: still a change of name.
    const bare = proc({ pid: 42, ppid: 1, comm: 'a', args: '' });
    expect(diffSnapshots(snapshot([bare], T0), snapshot([{ ...bare, comm: 'b' }], T1)).map((event) => event.kind)).toEqual(['exec']);
  });

  it('reports stop on T and on tracing stop t, and continue when it runs again', () => {
    const running = proc({ pid: 200, ppid: 100 });
    const stopped = { ...running, state: 'T', stat: 'T' };
    const traced = { ...running, state: 't', stat: 't' };
    expect(diffSnapshots(snapshot([running], T0), snapshot([stopped], T1))).toEqual([{ kind: 'stop', at: T1, pid: 200, comm: 'sleep' }]);
    // A tracer's stop says so: SIGCONT does not end it.
    expect(diffSnapshots(snapshot([running], T0), snapshot([traced], T1))).toEqual([{ kind: 'stop', at: T1, pid: 200, comm: 'sleep', traced: true }]);
    expect(diffSnapshots(snapshot([stopped], T0), snapshot([traced], T1))).toEqual([]);
    expect(diffSnapshots(snapshot([stopped], T0), snapshot([{ ...running, state: 'R', stat: 'R' }], T1))).toEqual([
      { kind: 'continue', at: T1, pid: 200, comm: 'sleep' },
    ]);
  });

  it('reports a stopped process that was killed as a zombie, not a continue', () => {
    const stopped = proc({ pid: 200, ppid: 100, state: 'T', stat: 'T' });
    const zombie = { ...stopped, state: 'Z', stat: 'Z', args: '' };
    expect(diffSnapshots(snapshot([stopped], T0), snapshot([zombie], T1)).map((event) => event.kind)).toEqual(['zombie']);
  });

  it('reports a renice with both values, and nothing when nice becomes unknown', () => {
    const before = proc({ pid: 200, nice: 0 });
    expect(diffSnapshots(snapshot([before], T0), snapshot([{ ...before, nice: 10, stat: 'SN' }], T1))).toEqual([
      { kind: 'renice', at: T1, pid: 200, comm: 'sleep', from: 0, to: 10 },
    ]);
    expect(diffSnapshots(snapshot([before], T0), snapshot([{ ...before, nice: undefined }], T1))).toEqual([]);
  });

  it('orders events: gone, then changed, then new, each by pid; within a process reparent, exec, renice, stop, zombie', () => {
    const a = proc({ pid: 10, ppid: 5, comm: 'a', args: 'a' });
    const b = proc({ pid: 20, comm: 'b', args: 'b' });
    const parent = proc({ pid: 5, comm: 'p', args: 'p' });
    const gone = proc({ pid: 30, comm: 'g', args: 'g' });
    const before = snapshot([init, parent, a, b, gone], T0);
    const after = snapshot(
      [
        init,
        { ...a, ppid: 1, comm: 'a2', args: 'a2', nice: 5, state: 'T', stat: 'TN' },
        { ...b, state: 'Z', stat: 'Z', args: '' },
        proc({ pid: 7, comm: 'n7', args: 'n7' }),
        proc({ pid: 40, comm: 'n40', args: '', state: 'Z', stat: 'Z' }),
      ],
      T1,
    );
    expect(diffSnapshots(before, after).map((event) => `${event.kind}:${event.pid}`)).toEqual([
      'exit:5',
      'exit:30',
      'reparent:10',
      'exec:10',
      'renice:10',
      'stop:10',
      'zombie:20',
      'spawn:7',
      'spawn:40',
      'zombie:40',
    ]);
  });

  it('orders each phase by pid whatever order the snapshots were built in', () => {
    const procs = [50, 40, 30, 20].map((pid) => proc({ pid, comm: `p${pid}`, args: `p${pid}` }));
    const before = snapshot(procs, T0);
    const after = snapshot(
      [
        proc({ pid: 60, comm: 'n60', args: 'n60' }),
        { ...(procs[3] as ProcInfo), nice: 3 },
        proc({ pid: 10, comm: 'n10', args: 'n10' }),
        { ...(procs[1] as ProcInfo), nice: 4 },
      ],
      T1,
    );
    expect(diffSnapshots(before, after).map((event) => `${event.kind}:${event.pid}`)).toEqual([
      'exit:30',
      'exit:50',
      'renice:20',
      'renice:40',
      'spawn:10',
      'spawn:60',
    ]);
  });

  it('sees the same events whether an unchanged record is the same object or an equal copy', () => {
    const a = proc({ pid: 10, comm: 'a', args: 'a' });
    const b = proc({ pid: 11, comm: 'b', args: 'b' });
    const next = snapshot([a, { ...b, state: 'T', stat: 'T' }], T1);
    expect(diffSnapshots(snapshot([a, b], T0), next)).toEqual(diffSnapshots(snapshot([{ ...a }, { ...b }], T0), next));
    expect(diffSnapshots(snapshot([a, b], T0), next).map((event) => event.kind)).toEqual(['stop']);
  });

  it('does not change its inputs', () => {
    const procs = [init, shell];
    const prev = snapshot(procs, T0);
    const next = snapshot([init], T1);
    diffSnapshots(prev, next);
    expect([...prev.procs.keys()]).toEqual([1, 100]);
    expect([...next.procs.keys()]).toEqual([1]);
  });
});

describe('diffReread', () => {
  it('finds, from the re-read pids alone, the events diffSnapshots finds in the whole table', () => {
    const parent = proc({ pid: 300, comm: 'sh', args: 'sh -c x' });
    const before = [
      init,
      shell,
      parent,
      proc({ pid: 301, ppid: 300 }), // exits
      proc({ pid: 302, ppid: 300, state: 'Z', stat: 'Z' }), // reaped
      proc({ pid: 303, ppid: 300 }), // turns zombie
      proc({ pid: 304, ppid: 300, comm: 'sh', args: 'sh' }), // execs and is reniced
      proc({ pid: 305, ppid: 300, startTime: 5 }), // its pid reused
      proc({ pid: 306, ppid: 300 }), // not re-read: the same record on both sides
    ];
    const after = [
      init,
      shell,
      parent,
      proc({ pid: 303, ppid: 300, state: 'Z', stat: 'Z' }),
      proc({ pid: 304, ppid: 300, comm: 'sleep', args: 'sleep 9', nice: 5 }),
      proc({ pid: 305, ppid: 1, comm: 'cron', startTime: 9 }),
      before[8] as ProcInfo,
      proc({ pid: 307, ppid: 300 }), // new
      proc({ pid: 308, ppid: 300, state: 'Z', stat: 'Z' }), // new, already a zombie
    ];
    const prev = snapshot(before, T0);
    const next = snapshot(after, T1);
    const whole = diffSnapshots(prev, next);
    expect(whole.length).toBeGreaterThan(8);
    expect(diffReread(prev, next, [308, 301, 307, 302, 303, 304, 305])).toEqual(whole);
  });

  it('sees nothing in pids re-read to the same record', () => {
    const procs = [init, shell];
    expect(diffReread(snapshot(procs, T0), snapshot(procs, T1), [1, 100, 999])).toEqual([]);
  });
});
