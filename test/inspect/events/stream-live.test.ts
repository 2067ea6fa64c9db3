// The event stream on real processes, with the kernel source (root here) and
// with polling forced: each learner's pattern is repeated to catch races.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chooseEvents } from '../../../src/inspect/events/choose.js';
import { openKernelEvents } from '../../../src/inspect/events/kernel-source.js';
import { EventStream } from '../../../src/inspect/events/stream.js';
import { createInspector } from '../../../src/inspect/inspector.js';
import type { Inspector, ProcEvent, ProcInfo } from '../../../src/inspect/types.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';
import { PATTERNS, watchPattern } from './patterns.js';

const REPEATS = 5;
/** perl sets SIGCHLD to SIG_IGN for the test of the kernel's own reaping (patterns.ts). */
const HAS_PERL = spawnSync('perl', ['-e', '1']).status === 0;

const kernel = await openKernelEvents();
if (kernel.ok) kernel.source.close();
else console.warn(`kernel event source not available here (${kernel.message}): its tests are skipped`);

function find(events: readonly ProcEvent[], match: (e: ProcEvent) => boolean): ProcEvent | undefined {
  return events.find(match);
}

/** A zombie was reported: its held parent may go now, so that it is reaped. */
const zombieSeen = (events: readonly ProcEvent[]): boolean => find(events, (e) => e.kind === 'zombie') !== undefined;

/** The program's first process was seen (started or exec'd). */
const rootSeen = (events: readonly ProcEvent[], root: number): boolean => events.some((e) => (e.kind === 'exec' || e.kind === 'spawn') && e.pid === root);

/** The sleep child of the pattern: its spawn event under `parent`. */
function spawnedBy(events: readonly ProcEvent[], parent: number): ProcEvent | undefined {
  return find(events, (e) => e.kind === 'spawn' && e.ppid === parent);
}

/** A stream whose frames' events are collected; `ready` when its first frame (the first full scan) came. */
function collectEvents(
  choice: ConstructorParameters<typeof EventStream>[0],
  options: ConstructorParameters<typeof EventStream>[1],
): { events: ProcEvent[]; ready: Promise<void>; stream: EventStream } {
  const events: ProcEvent[] = [];
  let first: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (first = resolve));
  const stream = new EventStream(
    choice,
    options,
    (frame) => {
      first();
      events.push(...frame.events);
    },
    (error) => {
      throw error;
    },
  );
  return { events, ready, stream };
}

describe.skipIf(!kernel.ok)('event stream, kernel source', () => {
  it('reports no exec for a program that retitles itself (process.title: argv rewritten, then prctl PR_SET_NAME)', async () => {
    const choice = await chooseEvents('kernel');
    let pid: number | undefined;
    let latest: ProcInfo | undefined;
    const events: ProcEvent[] = [];
    let first: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (first = resolve));
    const stream = new EventStream(
      choice,
      { intervalMs: 250, roots: () => (pid === undefined ? [] : [pid]) },
      (frame) => {
        first();
        if (pid === undefined) return;
        latest = frame.snapshot.procs.get(pid);
        events.push(...frame.events.filter((event) => event.pid === pid));
      },
      (error) => {
        throw error;
      },
    );
    try {
      await ready;
      // Retitles itself only when told (a line on stdin, kept until it reads it), so the exec that started it is reported first.
      const script = "process.stdin.once('data', () => { process.title = 'procview-retitled now'; }); setInterval(() => {}, 1000);";
      const child = spawnGroup(process.execPath, ['-e', script], { stdio: ['pipe', 'ignore', 'ignore'] });
      pid = child.pid;
      await waitFor(() => latest?.args?.includes('process.stdin') === true, { what: `pid ${child.pid} running its script, read` });
      child.stdin?.write('now\n');
      await waitFor(() => latest?.args === 'procview-retitled now', { what: `pid ${child.pid} retitled, read` });
      expect(latest?.comm).toBe('procview-retitl');
      const execs = events.filter((event) => event.kind === 'exec');
      expect(
        execs.filter((event) => event.kind === 'exec' && event.args === 'procview-retitled now'),
        JSON.stringify(events),
      ).toEqual([]);
    } finally {
      stream.close();
    }
  }, 30_000);

  it(`an orphan made within milliseconds: spawn under its real parent, then orphaned → init (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      // The parent's end (exit, or zombie then reap, as its parent reaps it), with the status the kernel reported.
      const endOf = (events: readonly ProcEvent[], root: number): ProcEvent | undefined =>
        find(events, (e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.pid === root && e.status !== undefined);
      const orphaned = (events: readonly ProcEvent[], root: number): boolean => {
        const child = spawnedBy(events, root);
        return (
          child !== undefined && events.some((e) => e.kind === 'reparent' && e.pid === child.pid && e.from === root && e.orphaned && e.inferred === undefined)
        );
      };
      // The orphaning can reach a frame before the parent's exit does (a re-read of the child
      // saw its new parent first), so the watch lasts until both came, or its deadline.
      const { events, root } = await watchPattern('kernel', PATTERNS.orphan, (events, root) => orphaned(events, root) && endOf(events, root) !== undefined);
      expect(endOf(events, root), JSON.stringify(events)).toMatchObject({ status: { code: 0 } });
    }
  }, 180_000);

  it(`a double fork: the grandchild is seen under the child that forked it, then adopted; the child is reaped by the program (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      await watchPattern('kernel', PATTERNS.doubleForkParentStays, (events, root) => {
        const child = spawnedBy(events, root);
        const grandchild = child === undefined ? undefined : spawnedBy(events, child.pid);
        // The program's sh waits for the child at once, then runs on: the child's reap is read (a
        // zombie caught) or inferred (read gone after its exit, the program read alive after it; or
        // released before its exit was reported), never left unsaid.
        const reaped = events.some((e) => e.kind === 'reap' && e.pid === child?.pid && (e.by ?? e.releasedFor) === root);
        return (
          reaped && grandchild !== undefined && events.some((e) => e.kind === 'reparent' && e.pid === grandchild.pid && e.orphaned && e.from === child?.pid)
        );
      });
    }
  }, 180_000);

  it.skipIf(!HAS_PERL)(
    `children of a parent ignoring SIGCHLD: each exit, then its reap by the kernel for that parent, never a zombie (${REPEATS}×)`,
    async () => {
      for (let i = 0; i < REPEATS; i += 1) {
        const { events, root } = await watchPattern(
          'kernel',
          PATTERNS.ignoredChildren,
          (events, root) => events.filter((e) => e.kind === 'reap' && e.kernelReapedFor === root).length === 3,
        );
        const children = events.filter((e) => e.kind === 'spawn' && e.ppid === root).map((e) => e.pid);
        expect(children, JSON.stringify(events)).toHaveLength(3);
        for (const child of children) {
          const ends = events.filter((e) => e.pid === child && (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap'));
          expect(ends.map((e) => e.kind)).toEqual(['exit', 'reap']);
          expect(ends[1]).toMatchObject({ by: undefined, kernelReapedFor: root, status: { code: 3 } });
        }
      }
    },
    90_000,
  );

  it(`a zombie, with its exit status, then its reap (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      const { events } = await watchPattern(
        'kernel',
        PATTERNS.zombie,
        (events) => {
          const zombie = find(events, (e) => e.kind === 'zombie');
          return zombie !== undefined && events.some((e) => e.kind === 'reap' && e.pid === zombie.pid);
        },
        { release: zombieSeen },
      );
      // The status is on the zombie's line, or, when the kernel's exit event was taken in after that
      // line went out (a busy machine), on its reap's: never lost.
      const zombie = find(events, (e) => e.kind === 'zombie');
      const withStatus = find(events, (e) => (e.kind === 'zombie' || e.kind === 'reap') && e.pid === zombie?.pid && e.status !== undefined);
      expect(withStatus, JSON.stringify(events)).toMatchObject({ status: { code: 0, signal: undefined } });
    }
    // The zombie's reap waits for PID 1, which reaps adopted orphans late here.
  }, 90_000);

  it(`an exec chain: every exec of the one pid is reported, also when it ends at once (${REPEATS}×)`, async () => {
    // sh (the program's own start), sh again, sleep: three execs. The sleep is killed as soon as an
    // exec line shows it, so the kernel's facts of the other two may be taken in only after it died.
    const sleepShown = (events: readonly ProcEvent[], root: number): boolean =>
      events.some((e) => e.kind === 'exec' && e.pid === root && e.args === 'sleep 300');
    for (let i = 0; i < REPEATS; i += 1) {
      await watchPattern(
        'kernel',
        PATTERNS.execChain,
        (events, root) =>
          events.filter((e) => e.kind === 'exec' && e.pid === root).length >= 3 &&
          events.some((e) => (e.kind === 'exit' || e.kind === 'zombie' || e.kind === 'reap') && e.pid === root),
        { release: sleepShown },
      );
    }
  }, 180_000);

  it(`exit by a signal: killed by SIGKILL (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      await watchPattern('kernel', PATTERNS.killed, (events) =>
        events.some((e) => (e.kind === 'exit' || e.kind === 'zombie') && e.status?.signal === 'SIGKILL'),
      );
    }
  }, 180_000);

  it('a core dump: killed by SIGSEGV, dumped core (where core dumps are allowed)', async () => {
    await watchPattern('kernel', PATTERNS.coreDump, (events) =>
      events.some((e) => (e.kind === 'exit' || e.kind === 'zombie') && e.status?.signal === 'SIGSEGV' && e.status.coreDumped),
    );
  });
});

describe('event stream, polling forced', () => {
  it(`an orphan made within milliseconds is reported as orphaned, seen or inferred, never with a made-up parent (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      const { events } = await watchPattern('polling', PATTERNS.orphan, (events, root) =>
        events.some((e) => e.kind === 'reparent' && e.orphaned && (e.from === root || (e.from === undefined && e.inferred !== undefined))),
      );
      for (const event of events)
        if (event.kind === 'reparent' && event.from === undefined) expect(event.inferred).toMatch(/probably orphaned before procview looked/);
      expect(events.every((e) => e.source !== 'kernel')).toBe(true);
    }
  }, 180_000);

  it(`a double fork: the grandchild is reported adopted (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      // The grandchild is the one orphaned by the child; read before it exec'd sleep, it is still sh.
      await watchPattern('polling', PATTERNS.doubleFork, (events, root) => {
        const child = spawnedBy(events, root);
        return events.some(
          (e) =>
            e.kind === 'reparent' &&
            e.orphaned &&
            (e.comm === 'sleep' || (child !== undefined && e.from === child.pid) || (e.from === undefined && e.inferred !== undefined)),
        );
      });
    }
  }, 180_000);

  it(`a zombie, then its reap (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      await watchPattern(
        'polling',
        PATTERNS.zombie,
        (events) => {
          const zombie = find(events, (e) => e.kind === 'zombie');
          return zombie !== undefined && events.some((e) => e.kind === 'reap' && e.pid === zombie.pid);
        },
        { release: zombieSeen },
      );
    }
  }, 90_000);

  it(`an exec chain ends in the last program (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      await watchPattern(
        'polling',
        PATTERNS.execChain,
        (events, root) => rootSeen(events, root) && events.some((e) => e.pid === root && (e.kind === 'exit' || e.kind === 'reap')),
        // The held program ends once it has been seen.
        { release: rootSeen },
      );
    }
  }, 180_000);
});

describe('event stream, polling forced: the scoped tracker', () => {
  it(`sees a child under its parent from the program's first instant, and its orphaning, with no full scan in between (${REPEATS}×)`, async () => {
    for (let i = 0; i < REPEATS; i += 1) {
      const choice = await chooseEvents('polling');
      let root: number | undefined;
      // One full scan (before the program starts), then none: whatever is seen after is the tracker's.
      const { events, ready, stream } = collectEvents(choice, {
        intervalMs: 600_000,
        roots: () => (root === undefined ? [] : [root, ...events.filter((e) => e.kind === 'spawn').map((e) => e.pid)]),
      });
      try {
        await ready;
        // The parent forks, then waits for a line: it exits only once procview has reported its child.
        const program = spawnGroup('sh', ['-c', 'sleep 30 & read line; exit 0'], { stdio: ['pipe', 'ignore', 'ignore'] });
        const parent = program.pid;
        root = parent;
        const child = await waitFor(() => events.find((e) => e.kind === 'spawn' && e.ppid === parent && e.source === 'polling'), {
          what: `the child of ${parent} sighted by the tracker`,
        });
        program.stdin?.end('\n');
        const orphaned = await waitFor(() => events.find((e) => e.kind === 'reparent' && e.pid === child.pid), { what: `the orphaning of ${child.pid}` });
        expect(orphaned).toMatchObject({ from: parent, orphaned: true });
        expect(orphaned.kind === 'reparent' && orphaned.inferred).toBe(undefined);
      } finally {
        stream.close();
      }
    }
  }, 120_000);
});

describe.skipIf(!kernel.ok)('event stream, kernel source: an adoption read before the old parent reads dead', () => {
  it('holds the child back until the parent reads dead, then reports it orphaned (not "reparented")', async () => {
    // exit_notify() hands the children to init a moment before the exiting parent's state turns Z:
    // a read in that moment shows the child adopted and the parent alive. The reads below are the
    // backend's own, but once the parent has died its reads are answered with its last live record
    // until the child has been read adopted twice since, which puts the stream in that moment every
    // time (counted from the parent's first dead read: on a busy machine the child's exec can be
    // read twice before any step reads the parent dead, and no read was ever answered stale).
    const inspector = createInspector();
    const reread = inspector.reread;
    if (reread === undefined) throw new Error('the procfs backend re-reads one process');
    let parent: number | undefined;
    let child: number | undefined;
    let adoptedReads = 0;
    let parentDied = false;
    let stale = 0;
    const lying: Inspector = {
      backend: inspector.backend,
      snapshot: () => inspector.snapshot(),
      close: () => inspector.close(),
      reread: (pid, previous) => {
        const record = reread(pid, previous);
        if (parentDied && pid === child && record?.ppid !== undefined && record.ppid !== parent) adoptedReads += 1;
        const dead = record === undefined || record.state === 'Z' || record.state === 'X';
        if (child !== undefined && pid === parent && dead) parentDied = true;
        if (child !== undefined && pid === parent && dead && previous !== undefined && previous.state !== 'Z' && adoptedReads < 2) {
          stale += 1;
          return previous;
        }
        return record;
      },
    };
    // One full scan, before the program starts; then only the kernel's events and the re-reads they cause.
    const { events, ready, stream } = collectEvents(await chooseEvents('kernel'), { intervalMs: 600_000, inspector: lying });
    try {
      await ready;
      // The parent exits once its child has been reported; the child waits until the parent is gone
      // (reaped by us), then execs: that exec makes the stream read it, adopted, while the parent's
      // reads still show it alive.
      const program = spawnGroup('sh', ['-c', '(while kill -0 $$ 2>/dev/null; do sleep 0.01; done; exec sleep 300) & read line; exit 0'], {
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      parent = program.pid;
      const spawned = await waitFor(() => events.find((e) => e.kind === 'spawn' && e.ppid === program.pid), { what: `the child of ${program.pid}` });
      child = spawned.pid;
      program.stdin?.end('\n');
      const reparent = await waitFor(() => events.find((e) => e.kind === 'reparent' && e.pid === spawned.pid), {
        timeoutMs: 20_000,
        what: `the orphaning of ${spawned.pid}`,
      });
      expect(stale, 'the parent was read alive after it died').toBeGreaterThan(0);
      expect(reparent, JSON.stringify(events)).toMatchObject({ from: parent, to: 1, orphaned: true, adopter: 'init' });
      expect(reparent.kind === 'reparent' && reparent.inferred).toBe(undefined);
    } finally {
      stream.close();
      inspector.close();
    }
  }, 60_000);
});
