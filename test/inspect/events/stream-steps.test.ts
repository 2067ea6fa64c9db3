// What a step of the event stream reads between scans, on a hand-made table: a
// fake kernel source hands batches in, a fake inspector counts the re-reads.
// (The real kernel and /proc are in stream-live.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../../../src/base/poll.js';
import type { KernelEvent, KernelEventSource } from '../../../src/inspect/events/kernel-event.js';
import { EventStream, namesExitParents, type WatchFrame } from '../../../src/inspect/events/stream.js';
import { FORKED_NO_EXEC } from '../../../src/inspect/fork-mark.js';
import type { Inspector, ProcEvent, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { proc, snapshot } from '../diff-builders.js';
import { eventSentence } from '../../../src/inspect/format/event-words.js';

const PARENT = 500;
const ZOMBIES = 1000;
const FIRST_ZOMBIE = 10_000;

class FakeKernel implements KernelEventSource {
  readonly kind = 'kernel' as const;
  #listener: ((batch: readonly KernelEvent[], lost: number) => void) | undefined;
  onBatch(listener: (batch: readonly KernelEvent[], lost: number) => void): void {
    this.#listener = listener;
  }
  send(batch: readonly KernelEvent[]): void {
    this.#listener?.(batch, 0);
  }
  /** Events the kernel has sent that still wait in the socket: takeNow() hands them over. */
  #socket: KernelEvent[] = [];
  hold(batch: readonly KernelEvent[]): void {
    this.#socket.push(...batch);
  }
  takeNow(): void {
    const batch = this.#socket.splice(0);
    if (batch.length > 0) this.send(batch);
  }
  close(): void {
    this.#listener = undefined;
  }
}

/** A parent with ZOMBIES unreaped children; `reaped` of them are gone from the scans after the first. */
function table(reaped: number): Snapshot {
  const procs: ProcInfo[] = [proc({ pid: 1, ppid: 0, comm: 'init' }), proc({ pid: PARENT, comm: 'python3', args: 'python3 kids.py' })];
  for (let i = reaped; i < ZOMBIES; i += 1) procs.push(proc({ pid: FIRST_ZOMBIE + i, ppid: PARENT, state: 'Z', stat: 'Z', args: '' }));
  return snapshot(procs, Date.now());
}

function fakeInspector(): { inspector: Inspector; rereads: number[]; reap: (count: number) => void } {
  let reaped = 0;
  let scans = 0;
  const rereads: number[] = [];
  const inspector: Inspector = {
    backend: 'procfs',
    snapshot: async () => table(scans++ === 0 ? 0 : reaped),
    // Unchanged: the same frozen record, as the procfs backend gives it; read whole (after an exec) the table's.
    reread: (pid, previous) => {
      rereads.push(pid);
      return previous ?? table(0).procs.get(pid);
    },
    close: () => {},
  };
  return { inspector, rereads, reap: (count) => (reaped = count) };
}

const streams: EventStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

/**
 * A stream on the fake kernel and inspector, full scans a minute apart (only steps between): its
 * frames. Its looks at waiting processes between steps are as often as `lookIntervalMs` says (by
 * default a minute apart: the steps' own reads are counted alone).
 */
function openStream(kernel: FakeKernel, inspector: Inspector, lookIntervalMs = 60_000, holdMs?: number): { frames: WatchFrame[]; stream: EventStream } {
  const frames: WatchFrame[] = [];
  const stream = new EventStream(
    { source: 'kernel', kernel },
    // The fake kernel is a modern one (>= 4.17: exits name the parent), whatever this host runs.
    { intervalMs: 60_000, inspector, lookIntervalMs, exitsNameParents: true, ...(holdMs === undefined ? {} : { holdMs }) },
    (frame) => frames.push(frame),
    (error) => {
      throw error;
    },
  );
  streams.push(stream);
  return { frames, stream };
}

/**
 * An inspector whose table is init and `parent`; `gone` read as gone; `ignores` answers whether a
 * process ignores SIGCHLD, and `asked` lists whom it was asked about.
 */
function parentInspector(parent: ProcInfo, gone: readonly number[], ignores: (pid: number) => boolean | undefined): { inspector: Inspector; asked: number[] } {
  const asked: number[] = [];
  const inspector: Inspector = {
    backend: 'procfs',
    snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), parent], Date.now()),
    reread: (pid, previous) => (gone.includes(pid) ? undefined : previous),
    ignoresChildSignal: (pid) => {
      asked.push(pid);
      return ignores(pid);
    },
    close: () => {},
  };
  return { inspector, asked };
}

async function frameWhere(frames: readonly WatchFrame[], match: (frame: WatchFrame) => boolean): Promise<WatchFrame | undefined> {
  return pollUntil(() => frames.find(match), { timeoutMs: 10_000, intervalMs: 5 });
}

describe('event stream steps', () => {
  it('look at a few of a thousand zombies per step, and the next scan still reports every reap', async () => {
    const kernel = new FakeKernel();
    const { inspector, rereads, reap } = fakeInspector();
    const { frames, stream } = openStream(kernel, inspector);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === ZOMBIES + 2)).toBeDefined();

    // The parent execs: its program is read as the batch comes in (its name), then a step re-reads it
    // and looks at some zombies for a reap.
    kernel.send([{ kind: 'exec', at: Date.now(), pid: PARENT, tgid: PARENT }]);
    const stepped = (): true | undefined => (rereads.filter((pid) => pid === PARENT).length >= 2 ? true : undefined);
    expect(await pollUntil(stepped, { timeoutMs: 10_000, intervalMs: 2 })).toBe(true);
    const zombiesRead = rereads.filter((pid) => pid >= FIRST_ZOMBIE).length;
    expect(zombiesRead).toBeGreaterThan(0);
    expect(zombiesRead).toBeLessThan(ZOMBIES / 10);

    // The parent reaps 600 of them: the scan's frame says so, each reap once.
    reap(600);
    stream.scanNow();
    const after = await frameWhere(frames, (frame) => frame.snapshot.procs.size === ZOMBIES - 600 + 2);
    const reaps = frames.flatMap((frame) => frame.events).filter((event: ProcEvent) => event.kind === 'reap');
    expect(after).toBeDefined();
    expect(new Set(reaps.map((event) => event.pid)).size).toBe(600);
    expect(reaps).toHaveLength(600);
    expect(reaps.every((event) => event.kind === 'reap' && event.by === PARENT)).toBe(true);
  });

  it('say a reap and a continue between full scans though no kernel batch comes: the waiting processes are looked at', async () => {
    const kernel = new FakeKernel();
    const ZOMBIE = 700;
    const STOPPED = 701;
    let reaped = false;
    let continued = false;
    const parent = proc({ pid: PARENT, comm: 'sh', args: 'sh -c x' });
    const zombie = proc({ pid: ZOMBIE, ppid: PARENT, comm: 'true', state: 'Z', stat: 'Z', args: '' });
    const stopped = proc({ pid: STOPPED, ppid: PARENT, comm: 'sleep', state: 'T', stat: 'T', args: 'sleep 9' });
    const running = proc({ ...stopped, state: 'S', stat: 'S' });
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), parent, zombie, stopped], Date.now()),
      reread: (pid, previous) => (pid === ZOMBIE ? (reaped ? undefined : zombie) : pid === STOPPED ? (continued ? running : stopped) : previous),
      close: () => {},
    };
    const { frames } = openStream(kernel, inspector, 5);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 4)).toBeDefined();
    reaped = true;
    continued = true;
    const said = (kind: string, pid: number) => frameWhere(frames, (frame) => frame.events.some((event) => event.kind === kind && event.pid === pid));
    expect(await said('reap', ZOMBIE)).toBeDefined();
    expect(await said('continue', STOPPED)).toBeDefined();
  });

  it("say a scope's stop and renice between full scans though no kernel batch comes; not a running process's R and S", async () => {
    const kernel = new FakeKernel();
    const WORKER = 702;
    let now = proc({ pid: WORKER, ppid: PARENT, comm: 'yes', state: 'R', stat: 'R', nice: 0, args: 'yes' });
    let steps = 0;
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), proc({ pid: PARENT, comm: 'sh' }), now], Date.now()),
      reread: (pid, previous) => (pid === WORKER ? now : previous),
      close: () => {},
    };
    const frames: WatchFrame[] = [];
    const stream = new EventStream(
      { source: 'kernel', kernel },
      { intervalMs: 60_000, inspector, lookIntervalMs: 5, roots: () => [WORKER] },
      (frame) => {
        steps += 1;
        frames.push(frame);
      },
      (error) => {
        throw error;
      },
    );
    streams.push(stream);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 3)).toBeDefined();
    // Running, then sleeping, then running: nothing to say, no frame.
    now = proc({ ...now, state: 'S', stat: 'S' });
    await pollUntil(() => (frames.length === 1 ? undefined : true), { timeoutMs: 100, intervalMs: 5 }).catch(() => undefined);
    expect(steps).toBe(1);
    now = proc({ ...now, state: 'T', stat: 'T' });
    const said = (kind: string) => frameWhere(frames, (frame) => frame.events.some((event) => event.kind === kind && event.pid === WORKER));
    expect(await said('stop')).toBeDefined();
    now = proc({ ...now, state: 'S', stat: 'SN', nice: 5 });
    expect(await said('continue')).toBeDefined();
    expect(await said('renice')).toBeDefined();
  });

  it("say a fork demo's parent before its child when the parent's exit comes after the child was read adopted", async () => {
    // bash (50) forks 60, which execs and forks 61 and exits: the kernel hands 61 to PID 1 and only
    // then sends 60's exit (exit_notify, then proc_exit_connector). A step reads 61 under 1 in between.
    const kernel = new FakeKernel();
    const shell = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });
    // Read with PF_FORKNOEXEC set (fork-mark.ts): it still has the name it was forked with, 60's.
    const orphan = proc({ pid: 61, ppid: 1, pgid: 60, comm: 'orphdemo', args: './orphdemo', [FORKED_NO_EXEC]: true });
    let born = false;
    let readsOf61 = 0;
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), shell], Date.now()),
      reread: (pid, previous) => {
        if (pid === 61) readsOf61 += 1;
        return pid === 61 ? (born ? orphan : undefined) : pid === 60 ? undefined : previous;
      },
      close: () => {},
    };
    // The frame waits for the forker's lines as long as this test may take to send them (a loaded machine).
    const { frames } = openStream(kernel, inspector, 60_000, 20_000);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    const at = Date.now() - 50;
    born = true;
    kernel.send([
      { kind: 'fork', at, parentPid: 50, parentTgid: 50, childPid: 60, childTgid: 60 },
      { kind: 'exec', at: at + 1, pid: 60, tgid: 60 },
      { kind: 'fork', at: at + 2, parentPid: 60, parentTgid: 60, childPid: 61, childTgid: 61 },
    ]);
    // The step that reads 61 runs; 60's exit comes a moment later, in a batch of its own.
    await pollUntil(() => (readsOf61 > 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 1 });
    kernel.send([{ kind: 'exit', at: at + 3, pid: 60, tgid: 60, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }]);
    const said = await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'exit' && event.pid === 60));
    const lines = frames.flatMap((frame) => frame.events).map((event) => `${event.kind} ${event.pid} ${event.comm ?? '-'}`);
    expect(said, lines.join('\n')).toBeDefined();
    // bash (50) lives: it reaped 60, never read as a zombie (inferred, at the read).
    expect(lines).toEqual(['spawn 60 bash', 'exec 60 orphdemo', 'spawn 61 orphdemo', 'exit 60 orphdemo', 'reparent 61 orphdemo', 'reap 60 orphdemo']);
  });

  it('keep the fork of a process started while the first table was read, which that table does not hold', async () => {
    const kernel = new FakeKernel();
    const shell = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });
    const program = proc({ pid: 80, ppid: 50, pgid: 80, comm: 'sleep', args: 'sleep 9' });
    let scans = 0;
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => {
        scans += 1;
        const init = proc({ pid: 1, ppid: 0, comm: 'init' });
        if (scans > 1) return snapshot([init, shell, program], Date.now());
        // The scan has read past pid 80's place when bash forks it and it execs.
        const table = snapshot([init, shell], Date.now());
        kernel.send([
          { kind: 'fork', at: Date.now(), parentPid: 50, parentTgid: 50, childPid: 80, childTgid: 80 },
          { kind: 'exec', at: Date.now() + 0.5, pid: 80, tgid: 80 },
        ]);
        return table;
      },
      reread: (pid, previous) => (pid === 80 ? program : previous),
      close: () => {},
    };
    const { frames, stream } = openStream(kernel, inspector);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    stream.scanNow();
    const born = await frameWhere(frames, (frame) => frame.snapshot.procs.has(80));
    const events = (born?.events ?? []).filter((event) => event.pid === 80);
    expect(events.map((event) => event.kind)).toEqual(['spawn', 'exec']);
    expect(events[0]).toMatchObject({ ppid: 50, source: 'kernel' });
    expect(events[0]?.inferred).toBeUndefined();
  });

  it("name a program whose whole life came in one batch by the addon's read at its exec, its command line unknown", async () => {
    // bash (50) forks 70, which execs a program that exits within a millisecond: fork, exec and exit
    // come in one batch, and nothing is left to read by then. The addon read its name as it took
    // the exec out of the socket (proc_events.c PROGRAM_READ).
    const kernel = new FakeKernel();
    const shell = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), shell], Date.now()),
      reread: (pid, previous) => (pid === 70 ? undefined : previous),
      close: () => {},
    };
    const { frames } = openStream(kernel, inspector, 60_000, 20_000);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    const at = Date.now() - 50;
    kernel.send([
      { kind: 'fork', at, parentPid: 50, parentTgid: 50, childPid: 70, childTgid: 70 },
      { kind: 'exec', at: at + 1, pid: 70, tgid: 70, program: { comm: 'quick', at: at + 1.2 } },
      { kind: 'exit', at: at + 2, pid: 70, tgid: 70, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 },
    ]);
    const said = await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'exit' && event.pid === 70));
    const events = frames.flatMap((frame) => frame.events);
    const lines = events.map((event) => `${event.kind} ${event.pid} ${event.comm ?? '-'}`);
    expect(said, lines.join('\n')).toBeDefined();
    expect(lines.slice(0, 3)).toEqual(['spawn 70 bash', 'exec 70 quick', 'exit 70 quick']);
    const exec = events.find((event) => event.kind === 'exec');
    expect(exec?.kind === 'exec' ? exec.args : 'none').toBeUndefined();
  });

  it('take in what waits in the socket before reading: an exec chain read at its end comes with its execs', async () => {
    const kernel = new FakeKernel();
    const CHILD = 600;
    const parent = proc({ pid: PARENT, comm: 'python3', args: 'python3 kids.py' });
    const child = proc({ pid: CHILD, ppid: PARENT, comm: 'sleep', args: 'sleep 5' });
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), parent], Date.now()),
      // The child is read once it has exec'd twice (sh, then sleep).
      reread: (pid, previous) => (pid === CHILD ? child : previous),
      close: () => {},
    };
    const { frames } = openStream(kernel, inspector);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    const at = Date.now();
    // The fork's batch came; the execs that followed are still in the socket (the addon's window).
    kernel.hold([
      { kind: 'exec', at: at + 1, pid: CHILD, tgid: CHILD },
      { kind: 'exec', at: at + 2, pid: CHILD, tgid: CHILD },
    ]);
    // The read that follows must come after both execs' times (a fact timed after a read waits for the
    // next step): on a fast machine the step could read within the same millisecond as `at`.
    await pollUntil(() => (Date.now() > at + 2 ? true : undefined), { timeoutMs: 1000, intervalMs: 1 });
    kernel.send([{ kind: 'fork', at, parentPid: PARENT, parentTgid: PARENT, childPid: CHILD, childTgid: CHILD }]);
    const born = await frameWhere(frames, (frame) => frame.snapshot.procs.has(CHILD));
    const events = (born?.events ?? []).filter((event) => event.pid === CHILD);
    expect(events.map((event) => event.kind)).toEqual(['spawn', 'exec', 'exec']);
    expect(events[1]).toMatchObject({ fromComm: 'python3', fromArgs: 'python3 kids.py', comm: undefined });
    expect(events[2]).toMatchObject({ fromComm: undefined, comm: 'sleep', args: 'sleep 5' });
  });

  it('name no program for an exec whose read may show a later exec the kernel reported only after the read', async () => {
    const kernel = new FakeKernel();
    const table = proc({ pid: PARENT, comm: 'twoexecp', args: './twoexecp' });
    const first = proc({ pid: PARENT, comm: 'twoexec', args: './twoexec' });
    const second = proc({ pid: PARENT, comm: 'twoexec', args: './twoexec stage1' });
    let calls = 0;
    let secondAt = 0;
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), table], Date.now()),
      reread: (pid, previous) => {
        if (pid !== PARENT) return previous;
        calls += 1;
        // The read as the first exec's batch comes in shows its program; the step's read shows the
        // second exec's, whose event comes in during that read (after the step took in its batches).
        if (calls === 1) return first;
        if (secondAt === 0) {
          secondAt = Date.now() - 0.5;
          kernel.hold([{ kind: 'exec', at: secondAt, pid: PARENT, tgid: PARENT }]);
        }
        return second;
      },
      close: () => {},
    };
    const { frames } = openStream(kernel, inspector);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    const firstAt = Date.now() - 1;
    kernel.send([{ kind: 'exec', at: firstAt, pid: PARENT, tgid: PARENT }]);
    const execs = async (count: number): Promise<ProcEvent[] | undefined> =>
      pollUntil(
        () => {
          const found = frames.flatMap((frame) => frame.events).filter((event) => event.kind === 'exec' && event.pid === PARENT);
          return found.length >= count ? found : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 5 },
      );
    const [one, two] = (await execs(2)) ?? [];
    // The first exec is not named after the second's command line: what it led to was not read.
    expect(one).toMatchObject({ at: firstAt, fromComm: 'twoexecp', comm: undefined, args: undefined });
    expect(two).toMatchObject({ at: secondAt, comm: 'twoexec', args: './twoexec stage1' });
  });

  it("say how a child never read as a zombie was released, from its exit report and its parent's SIGCHLD, read as the exit comes in", async () => {
    const cases = [
      // Released inside its exit (exit_notify autoreap): the report names no parent.
      { named: false, ignores: true, said: { kernelReapedFor: 50 } },
      // Named (its other threads outlived its main one: released at the last one's end), the parent ignores SIGCHLD.
      { named: true, ignores: true, said: { kernelReapedFor: 50 } },
      // Not named, the parent does not ignore SIGCHLD: its wait() at that moment, or SA_NOCLDWAIT.
      { named: false, ignores: false, said: { releasedFor: 50 } },
    ];
    for (const { named, ignores, said } of cases) {
      const kernel = new FakeKernel();
      const shell = proc({ pid: 50, ppid: 1, comm: 'perl', args: 'perl ign.pl' });
      const { inspector, asked } = parentInspector(shell, [60], (pid) => (pid === 50 ? ignores : undefined));
      const { frames } = openStream(kernel, inspector);
      expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
      const at = Date.now() - 20;
      kernel.send([
        { kind: 'fork', at, parentPid: 50, parentTgid: 50, childPid: 60, childTgid: 60 },
        {
          kind: 'exit',
          at: at + 1,
          pid: 60,
          tgid: 60,
          exitCode: 3 << 8,
          exitSignal: 17,
          parentPid: named ? 50 : undefined,
          parentTgid: named ? 50 : undefined,
        },
      ]);
      const ended = await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'reap' && event.pid === 60));
      expect(ended, JSON.stringify(frames.flatMap((frame) => frame.events))).toBeDefined();
      const events = frames.flatMap((frame) => frame.events).filter((event) => event.pid === 60);
      expect(asked).toEqual([50]);
      expect(events.map((event) => event.kind)).toEqual(['spawn', 'exit', 'reap']);
      expect(events[2]).toMatchObject({ by: undefined, at: at + 1, status: { code: 3 }, ...said });
    }
  });

  it('say a release hedged when the exit names no parent and the parent it had has exited too, and the child ends first', async () => {
    const kernel = new FakeKernel();
    const shell = proc({ pid: 50, ppid: 1, comm: 'sh', args: 'sh' });
    // A zombie's status still shows its SigIgn: 50 must not be asked.
    const { inspector, asked } = parentInspector(shell, [60, 50], () => false);
    const { frames } = openStream(kernel, inspector);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    const at = Date.now() - 20;
    kernel.send([
      { kind: 'fork', at, parentPid: 50, parentTgid: 50, childPid: 60, childTgid: 60 },
      { kind: 'exit', at: at + 1, pid: 50, tgid: 50, exitCode: 0, exitSignal: 17, parentPid: 1, parentTgid: 1 },
      // Released before its own report: by 50 (SIGCHLD ignored, SA_NOCLDWAIT, its wait()), which woke
      // and exited, reporting first (a learner's SIG_IGN program: 6 of 10 runs); or, 50 gone first, by
      // an adopter that reaped it at once. 50 cannot be read to tell: both are said.
      { kind: 'exit', at: at + 2, pid: 60, tgid: 60, exitCode: 6 << 8, exitSignal: 17, parentPid: undefined, parentTgid: undefined },
    ]);
    expect(await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'reap' && event.pid === 60))).toBeDefined();
    expect(asked).toEqual([1]);
    const ends = frames.flatMap((frame) => frame.events).filter((event) => (event.kind === 'exit' || event.kind === 'reap') && [50, 60].includes(event.pid));
    // The child's end before its parent's, at that parent's time (its report's was a bound): its exit line names 50 as its parent.
    expect(ends.map((event) => `${event.kind} ${event.pid}`)).toEqual(['exit 60', 'reap 60', 'exit 50', 'reap 50']);
    expect(ends[0]).toMatchObject({ at: at + 1, ppid: 50, status: { code: 6 } });
    expect(ends[1]).toMatchObject({ at: at + 1, by: undefined, releasedFor: 50, parentGone: true, inferred: expect.stringContaining('or by its adopter') });
    expect(eventSentence(ends[1] as ProcEvent, () => undefined)).toMatch(
      /^60 \(sh\) reaped as it exited, never read as a zombie \(inferred: .* by its parent 50, .* or by its adopter if that parent exited first/,
    );
  });

  it("say a parent's end before the orphaning a read showed first (the kernel hands the children over, then sends the exit)", async () => {
    const kernel = new FakeKernel();
    // The child's parent, 50, is in no table (a scoped view, or read past); the child is read under init.
    let child = proc({ pid: 60, ppid: 50, comm: 'sleep', args: 'sleep 2' });
    const inspector: Inspector = {
      backend: 'procfs',
      snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), child], Date.now()),
      reread: (pid, previous) => {
        rereads.push(pid);
        return pid === 60 ? child : previous;
      },
      close: () => {},
    };
    const rereads: number[] = [];
    const { frames } = openStream(kernel, inspector, 60_000, 2_000);
    expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 2)).toBeDefined();
    child = proc({ pid: 60, ppid: 1, comm: 'sleep', args: 'sleep 2' });
    // Something of the child's makes a step read it: under init now, its parent's exit not in yet.
    kernel.send([{ kind: 'comm', at: Date.now() - 5, pid: 60, tgid: 60, comm: 'sleep' }]);
    // The step that reads it, before the exit comes (a frame goes out only after the hold, 2 s here).
    await pollUntil(() => (rereads.includes(60) ? true : undefined), { timeoutMs: 10_000, intervalMs: 2 });
    const exitAt = Date.now();
    // Its parent's fork (long ago, before procview: what the kernel said lets it be told) and its exit, later.
    kernel.send([
      { kind: 'fork', at: exitAt - 1000, parentPid: 1, parentTgid: 1, childPid: 50, childTgid: 50 },
      { kind: 'exit', at: exitAt, pid: 50, tgid: 50, exitCode: 9, exitSignal: 17, parentPid: 1, parentTgid: 1 },
    ]);
    const ended = await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'exit' && event.pid === 50));
    const said = frames.flatMap((frame) => frame.events).filter((event) => [50, 60].includes(event.pid));
    expect(ended, JSON.stringify(said)).toBeDefined();
    // The exit first, the orphaning at its time (both in the frame that waited for the exit).
    // (The name the child set again is no rename: it was its name already.)
    expect(said.map((event) => `${event.kind} ${event.pid}`)).toEqual(['spawn 50', 'exit 50', 'reparent 60', 'reap 50']);
    expect(said[2]).toMatchObject({ orphaned: true, from: 50, to: 1, at: exitAt });
  });

  it('say a child read gone after its exit reaped by its parent when that parent reads alive after it, by it or its adopter when it reads dead', async () => {
    for (const parentLives of [true, false]) {
      const kernel = new FakeKernel();
      const shell = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });
      const child = proc({ pid: 60, ppid: 50, comm: 'sleep', args: 'sleep 1' });
      const reads: number[] = [];
      let childGone = false;
      const inspector: Inspector = {
        backend: 'procfs',
        snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), shell, child], Date.now()),
        reread: (pid, previous) => {
          reads.push(pid);
          if (pid === 60) return childGone ? undefined : previous;
          // The parent: alive, or (read after the child) a zombie, having exited just after.
          return pid === 50 && !parentLives && reads.includes(60) ? proc({ ...shell, state: 'Z', stat: 'Z' }) : previous;
        },
        close: () => {},
      };
      const { frames } = openStream(kernel, inspector);
      expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 3)).toBeDefined();
      childGone = true;
      kernel.send([{ kind: 'exit', at: Date.now() - 5, pid: 60, tgid: 60, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }]);
      expect(await frameWhere(frames, (frame) => frame.events.some((event) => event.kind === 'exit' && event.pid === 60))).toBeDefined();
      const lines = frames.flatMap((frame) => frame.events).map((event) => `${event.kind} ${event.pid}`);
      // The parent was read after the child, whatever the order the step started with.
      expect(reads.lastIndexOf(50)).toBeGreaterThan(reads.indexOf(60));
      if (parentLives) {
        expect(lines).toEqual(['exit 60', 'reap 60']);
        expect(frames.flatMap((frame) => frame.events).find((event) => event.kind === 'reap')).toMatchObject({ by: 50 });
      } else {
        // Its exit not taken in yet, the parent read a zombie after the child exited: it reaped the
        // child before it died, or left it to its adopter (said before that parent's own line).
        expect(lines).toEqual(['exit 60', 'reap 60', 'zombie 50']);
        expect(frames.flatMap((frame) => frame.events).find((event) => event.kind === 'reap')).toMatchObject({ by: undefined, lastParent: 50 });
      }
    }
  });

  it('infer the reap of a child read gone before its exit report came in, once the report names its parent', async () => {
    for (const parentLives of [true, false]) {
      const kernel = new FakeKernel();
      const shell = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });
      const child = proc({ pid: 60, ppid: 50, comm: 'sleep', args: 'sleep 1' });
      let childGone = false;
      let foundGone = false;
      let parentDead = false;
      const inspector: Inspector = {
        backend: 'procfs',
        snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), shell, child], Date.now()),
        reread: (pid, previous) => {
          if (pid === 60 && childGone) foundGone = true;
          if (pid === 60) return childGone ? undefined : (previous ?? child);
          return pid === 50 && parentDead ? proc({ ...shell, state: 'Z', stat: 'Z' }) : previous;
        },
        close: () => {},
      };
      const { frames } = openStream(kernel, inspector);
      expect(await frameWhere(frames, (frame) => frame.snapshot.procs.size === 3)).toBeDefined();
      childGone = true;
      // The child is read (a rename made it pending) and found gone: its exit line waits for a status,
      // the frame held for it.
      kernel.send([{ kind: 'comm', at: Date.now(), pid: 60, tgid: 60, comm: 'sleep' }]);
      expect(await pollUntil(() => (foundGone ? true : undefined), { timeoutMs: 10_000, intervalMs: 1 })).toBe(true);
      parentDead = !parentLives;
      kernel.send([{ kind: 'exit', at: Date.now() - 5, pid: 60, tgid: 60, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }]);
      const ends = await pollUntil(
        () => {
          const events = frames.flatMap((frame) => frame.events).filter((event) => event.pid === 60 && event.kind !== 'rename');
          return events.some((event) => event.kind === 'exit') ? events : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 5 },
      );
      expect(ends?.map((event) => event.kind)).toEqual(['exit', 'reap']);
      expect(ends?.[0]).toMatchObject({ status: { code: 0 } });
      if (parentLives) expect(ends?.[1]).toMatchObject({ by: 50, inferred: expect.stringContaining('never read as a zombie') });
      else expect(ends?.[1]).toMatchObject({ by: undefined, lastParent: 50 });
    }
  });

  it.each([2, 3])(
    "say a pthread_exit leader's end with its last thread's status and time, also when a read shows it ended before that thread's report (%i threads)",
    async (threads) => {
      // zl (70) runs `threads` threads; main calls pthread_exit (its report: code 0) and the process
      // reads Zl for a second; with three, thread 71 then calls pthread_exit (code 0) and the process
      // still reads Zl; then the last one (70 + threads - 1) calls exit(7). The kernel makes 70 a
      // zombie (exit_notify) before it sends that thread's report (proc_exit_connector): a look in
      // between reads 70 Z with one thread.
      const kernel = new FakeKernel();
      const shell = proc({ pid: 50, ppid: 1, comm: 'sh', args: 'sh' });
      const running = proc({ pid: 70, ppid: 50, comm: 'zl', args: './zl', threads, stat: 'Sl' });
      const last = 70 + threads - 1;
      let now = running;
      let reads = 0;
      const ended = proc({ ...running, state: 'Z', stat: 'Z', args: '', threads: 1 });
      let endedReads = 0;
      let endedAt = Number.POSITIVE_INFINITY;
      const inspector: Inspector = {
        backend: 'procfs',
        snapshot: async () => snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), shell, now], Date.now()),
        reread: (pid, previous) => {
          if (pid !== 70) return previous;
          reads += 1;
          // The step that follows the look's read reads it ended too; the last thread's report comes in during that read.
          if (now === ended) endedReads += 1;
          if (now === ended && endedReads === 2) {
            endedAt = Date.now() - 1;
            kernel.hold([{ kind: 'exit', at: endedAt, pid: last, tgid: 70, exitCode: 7 << 8, exitSignal: -1, parentPid: 50, parentTgid: 50 }]);
          }
          return now;
        },
        close: () => {},
      };
      const readAgain = async (): Promise<void> => {
        const before = reads;
        await pollUntil(() => (reads > before ? true : undefined), { timeoutMs: 10_000, intervalMs: 1 });
      };
      // Looks every 5 ms. The last report comes in within the step that reads the end (#execsReadAhead
      // takes it in after the reads, before the frame), and the frame with that end waits out the hold
      // for a later report: a short one.
      const { frames } = openStream(kernel, inspector, 5, 200);
      expect(await frameWhere(frames, (frame) => frame.snapshot.procs.has(70))).toBeDefined();
      const at = Date.now() - 1000;
      now = proc({ ...running, state: 'Z', stat: 'Zl', args: '' });
      kernel.send([{ kind: 'exit', at, pid: 70, tgid: 70, exitCode: 0, exitSignal: 17, parentPid: 50, parentTgid: 50 }]);
      // Read Zl (the report's step, then the looks at a table's Z).
      await readAgain();
      await readAgain();
      if (threads === 3) {
        // A thread of the three ends alone (pthread_exit, code 0), the last one at once: 71's report
        // is taken in before the read that shows the process ended, the last one's during it.
        kernel.hold([{ kind: 'exit', at: at + 500, pid: 71, tgid: 70, exitCode: 0, exitSignal: -1, parentPid: 50, parentTgid: 50 }]);
      }
      // The last thread ends: read first, reported after.
      now = ended;
      const said = await frameWhere(frames, (frame) => frame.events.some((event) => event.pid === 70 && event.kind === 'zombie'));
      const zombie = said?.events.find((event) => event.pid === 70 && event.kind === 'zombie');
      // Not the main thread's code 0 at its pthread_exit, nor another thread's.
      expect(zombie).toMatchObject({ kind: 'zombie', status: { code: 7 }, source: 'kernel' });
      expect(zombie?.at).toBeGreaterThanOrEqual(endedAt);
      // No exit was said at a thread's end: the process lived on.
      expect(frames.flatMap((frame) => frame.events).filter((event) => event.pid === 70 && (event.kind === 'exit' || event.kind === 'zombie'))).toHaveLength(1);
    },
  );

  it('know from the kernel release whether exit events name the parent (Linux 4.17)', () => {
    expect(namesExitParents('6.1.0-18-amd64')).toBe(true);
    expect(namesExitParents('4.17.0')).toBe(true);
    expect(namesExitParents('4.16.18-generic')).toBe(false);
    expect(namesExitParents('3.10.0-1160.el7.x86_64')).toBe(false);
    expect(namesExitParents('5.4')).toBe(true);
    expect(namesExitParents('unknown')).toBe(false);
  });
});
