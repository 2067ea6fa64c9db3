// The fork patterns learners write, as shell one-liners, and a way to watch one
// through the real event stream (kernel or polling) until what it teaches has
// been reported or a deadline passes. The program runs in its own process
// group (killed after the test), started only once the stream has its first
// table, as `procview run` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { chooseEvents, type EventsMode } from '../../../src/inspect/events/choose.js';
import { advanceMembers, concernsMembers, type Members } from '../../../src/inspect/events/members.js';
import { EventStream, type WatchFrame } from '../../../src/inspect/events/stream.js';
import type { ProcEvent } from '../../../src/inspect/types.js';
import { killGroup, spawnGroup } from '../../helpers/processes.js';

export interface Pattern {
  readonly name: string;
  /** Ends by itself within a second or two (for `procview run`, which waits for its program). */
  readonly script: string;
  /**
   * The same shape with every process that is only there to be seen held until the test ends
   * it (a long sleep, killed with the group), so no observer, however starved, can miss it.
   */
  readonly held: string;
}

export const PATTERNS = {
  /** The parent exits at once; its child is adopted within milliseconds. */
  orphan: { name: 'orphan', script: 'sleep 0.4 & exit 0', held: 'sleep 300 & exit 0' },
  /** The child forks a grandchild and exits at once; the parent waits for the child only. */
  doubleFork: { name: 'double fork', script: 'sh -c "sleep 0.4 & exit 0"; wait', held: 'sh -c "sleep 300 & exit 0"; wait' },
  /** The same, the parent living on after it reaped the child (a daemon's starter that keeps running). */
  doubleForkParentStays: {
    name: 'double fork, parent stays',
    script: 'sh -c "sleep 0.4 & exit 0"; exec sleep 1',
    held: 'sh -c "sleep 300 & exit 0"; exec sleep 300',
  },
  /** A child exits while its parent (sh replaced by sleep) never waits: a zombie. */
  zombie: { name: 'zombie', script: 'sleep 0.05 & exec sleep 1.5', held: 'sleep 0 & exec sleep 300' },
  /** sh execs sh execs sleep: one pid, three programs. */
  execChain: { name: 'exec chain', script: 'exec sh -c "exec sleep 0.3"', held: 'exec sh -c "exec sleep 300"' },
  /** A child ended by SIGKILL. */
  killed: { name: 'killed', script: 'sleep 5 & kill -KILL $!; wait', held: 'sleep 5 & kill -KILL $!; wait' },
  /** A child ended by SIGSEGV with core dumps allowed (the core lands in the temporary cwd). */
  coreDump: { name: 'core dump', script: 'ulimit -c unlimited; sleep 5 & kill -SEGV $!; wait', held: 'ulimit -c unlimited; sleep 5 & kill -SEGV $!; wait' },
  /**
   * A parent that ignores SIGCHLD (no shell sets that for itself: dash and bash keep SIGCHLD to
   * wait; perl does, and perl-base is part of every Debian system): its children are reaped by the
   * kernel as they exit, never zombies.
   */
  ignoredChildren: {
    name: 'children of a parent ignoring SIGCHLD',
    script: `exec perl -e '$SIG{CHLD} = "IGNORE"; for (1..3) { fork or exit 3 } sleep 1'`,
    held: `exec perl -e '$SIG{CHLD} = "IGNORE"; for (1..3) { fork or exit 3 } sleep 300'`,
  },
} as const satisfies Record<string, Pattern>;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface Watched {
  readonly root: number;
  readonly events: ProcEvent[];
  readonly source: 'kernel' | 'polling';
}

/**
 * Runs `pattern.held` under a stream of `mode` and resolves once `done(events)`
 * holds (events about the program's processes, in order), or rejects at the
 * deadline with what was seen. Once `release(events)` holds, the program's
 * first process is killed (a held parent lets its zombie go, a held program
 * ends); the whole group is killed when the watch ends.
 */
export async function watchPattern(
  mode: EventsMode,
  pattern: Pattern,
  done: (events: readonly ProcEvent[], root: number) => boolean,
  { timeoutMs = 15_000, release }: { timeoutMs?: number; release?: (events: readonly ProcEvent[], root: number) => boolean } = {},
): Promise<Watched> {
  const choice = await chooseEvents(mode);
  const cwd = mkdtempSync(join(tmpdir(), 'procview-pattern-'));
  dirs.push(cwd);
  let root: number | undefined;
  let members: Members = new Map();
  const events: ProcEvent[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let resolveDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (resolveDone = resolve));
  let failure: unknown;
  let released = false;
  const onFrame = (frame: WatchFrame): void => {
    resolveReady();
    if (root === undefined) return;
    const group: number[] = [];
    frame.snapshot.procs.forEach((proc, pid) => {
      if (proc.pgid === root) group.push(pid);
    });
    const before = members;
    members = advanceMembers(before, frame.snapshot, frame.events, [root, ...group]);
    for (const event of frame.events) if (concernsMembers(event, before, members)) events.push(event);
    if (!released && release?.(events, root) === true) {
      released = true;
      process.kill(root, 'SIGKILL');
    }
    if (done(events, root)) resolveDone();
  };
  const stream = new EventStream(choice, { intervalMs: 250, roots: () => (root === undefined ? [] : [root, ...members.keys()]) }, onFrame, (error) => {
    failure = error;
    resolveDone();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await ready;
    root = spawnGroup('sh', ['-c', pattern.held], { cwd }).pid;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([finished, late]);
    if (failure !== undefined) throw failure;
    if (outcome === 'late') {
      throw new Error(`${pattern.name} (${choice.source}): not reported within ${timeoutMs} ms; saw:\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
    }
    return { root, events, source: choice.source };
  } finally {
    clearTimeout(timer);
    stream.close();
    if (root !== undefined) killGroup(root);
  }
}
