// The processes of one lesson, from procview's side: it starts them, hears
// their messages, knows which pids are ours, and ends them all.
//
// Every process a lesson starts with start() leads its own session (Node's
// `detached` is setsid()), and everything it starts stays in that process
// group, orphans included: reparenting changes the parent, not the group. So
// the lesson is found again, even outside our tree, by its groups. Before any
// signal, the target is confirmed to be ours (pid + start time, or a group that
// still holds such a process), since pids and groups get reused.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { pollUntil } from '../base/poll.js';
import { sameStartTime } from '../inspect/identity.js';
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { exitWithin, hasExited } from '../process/child-exit.js';
import { requireNumber } from './facts.js';
import { Inbox } from './inbox.js';
import { HOLD_ENV, LIFELINE_FD, LIFELINE_FD_ENV, markerFor, numberField, stringField, type ChildMessage } from './messages.js';
import { LessonProblem } from './problem.js';
import type { DemoReporter } from './types.js';
import { NEVER_ABORTED, Watcher } from './watch.js';
import { languageEnv } from '../text/i18n/lang.js';
import { t } from '../text/i18n/message.js';

/** How long the lesson's processes get to end by themselves, then after SIGTERM. */
const GRACE_MS = 700;
/**
 * How long a stderr line waits for its writer's 'stderr' message. The message is written first, on
 * another pipe; the loop turn that reads the line has read it too, so this is a bound, not a pace.
 */
const STDERR_PAIRING_MS = 20;

/** A line a lesson process wrote to stderr, and whose it was. */
export interface StderrLine {
  readonly line: string;
  /** Who wrote it, as it said on fd 1 (children/channel.ts writeStderr); undefined when nobody did. */
  readonly writer: { readonly pid: number; readonly name: string } | undefined;
  /** The process procview started whose stderr pipe it came through: the writer or one of its descendants. */
  readonly root: number;
}

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A process procview itself started: its direct child, so procview reaps it. */
export interface LabProcess {
  readonly pid: number;
  /** Sends one command line on fd 3. */
  command(text: string): void;
  /** Resolves when procview has reaped it. */
  readonly exited: Promise<ChildExit>;
}

export class Lab {
  readonly watch: Watcher;
  private readonly inbox: Inbox;
  private readonly stderrListeners: Array<(line: StderrLine) => void> = [];
  /** Lines announced by 'stderr' messages, not yet paired with what the stderr pipes brought. */
  private readonly announced: Array<{ readonly pid: number; readonly name: string; readonly line: string }> = [];
  /** Stderr lines go out one after the other, each once its writer is known (or cannot be). */
  private stderrTurn: Promise<void> = Promise.resolve();
  /** Until when the stderr lines that came together wait for their writers' messages: one wait per burst. */
  private pairingUntil = 0;
  /** Stderr pipes not yet at their end: close() relays a trace written as a process ends. */
  private stderrOpen = 0;
  private readonly roots: ChildProcess[] = [];
  /** pid → start time at first sight (undefined until seen). */
  private readonly identities = new Map<number, number | undefined>();
  private readonly groups = new Set<number>();
  private closed = false;

  constructor(
    readonly demo: string,
    private readonly reporter: DemoReporter,
    private readonly holdMs: number,
    signal: AbortSignal,
  ) {
    this.inbox = new Inbox(signal, (message) => this.trackSenders(message));
    this.watch = new Watcher(
      signal,
      (snapshot) => this.remember(snapshot),
      (event) => this.identities.has(event.pid),
    );
  }

  /** Starts `children/<script>.js` as the leader of a new session, with the lifeline, messages and commands. */
  start(script: string, args: readonly string[] = []): LabProcess {
    if (this.closed) throw new LessonProblem(t('demo.check.over'));
    const path = fileURLToPath(new URL(`./children/${script}.js`, import.meta.url));
    const child = spawn(process.execPath, [path, markerFor(this.demo, process.pid), ...args], {
      detached: true,
      // 0: its lifeline, 1: messages, 2: stderr, 3: commands, 4: its children's lifeline.
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Its messages (a refusal, the words it sends over the socket) in the lesson's language.
        ...languageEnv(),
        [HOLD_ENV]: String(this.holdMs),
        [LIFELINE_FD_ENV]: String(LIFELINE_FD),
      },
    });
    const exited = new Promise<ChildExit>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', () => resolve({ code: null, signal: null }));
    });
    const { pid } = child;
    if (pid === undefined) throw new LessonProblem(t('process.couldNotStart', { command: script }));
    for (const stream of child.stdio) stream?.on('error', () => undefined);
    this.roots.push(child);
    this.groups.add(pid);
    this.track(pid);
    if (child.stdout !== null) createInterface({ input: child.stdout }).on('line', (line) => this.inbox.receive(line));
    if (child.stderr !== null) {
      const lines = createInterface({ input: child.stderr });
      this.stderrOpen += 1;
      lines.once('close', () => {
        this.stderrOpen -= 1;
      });
      lines.on('line', (line) => {
        const now = performance.now();
        if (now >= this.pairingUntil) this.pairingUntil = now + STDERR_PAIRING_MS;
        const until = this.pairingUntil;
        this.stderrTurn = this.stderrTurn.then(() => this.relayStderr(line, pid, until));
      });
    }
    const control = child.stdio[3];
    return {
      pid,
      exited,
      command: (text: string) => {
        if (control !== null && control !== undefined && 'write' in control) control.write(`${text}\n`);
      },
    };
  }

  /** Announces a pid to the reporter (once) and remembers it as ours. */
  track(pid: number): void {
    if (this.identities.has(pid)) return;
    this.identities.set(pid, undefined);
    this.reporter.track(pid);
  }

  /** Every line a lesson process writes to stderr, with its writer when known. */
  onStderr(listener: (line: StderrLine) => void): void {
    this.stderrListeners.push(listener);
  }

  /**
   * A line from the stderr pipe of `root`, which all its descendants share: paired with the
   * writer's own 'stderr' message when there is one (same text, oldest first).
   */
  private async relayStderr(line: string, root: number, until: number): Promise<void> {
    const take = (): { pid: number; name: string } | undefined => {
      const at = this.announced.findIndex((said) => said.line === line);
      return at < 0 ? undefined : this.announced.splice(at, 1)[0];
    };
    const said = await pollUntil(take, { timeoutMs: Math.max(0, until - performance.now()), intervalMs: 0 });
    const writer = said === undefined ? undefined : { pid: said.pid, name: said.name };
    for (const listener of this.stderrListeners) listener({ line, writer, root });
  }

  /** The first unread message of this kind (or kinds) from the lesson's processes matching `where`, waiting for it if need be. */
  message(kind: string | readonly string[], where?: (message: ChildMessage) => boolean, timeoutMs?: number): Promise<ChildMessage> {
    return this.inbox.take(kind, where, timeoutMs);
  }

  /** The hello `pid` sends once its script runs. */
  hello(pid: number): Promise<ChildMessage> {
    return this.inbox.take('hello', (m) => m.pid === pid);
  }

  /** The pid of the next child that `parent` reports it started. */
  async spawnedBy(parent: number): Promise<number> {
    return requireNumber(await this.inbox.take('spawned', (m) => m.pid === parent), 'child');
  }

  /** Whoever speaks is ours, and so is any child it names: tracked from birth. */
  private trackSenders(message: ChildMessage): void {
    this.track(message.pid);
    const line = stringField(message, 'line');
    if (message.kind === 'stderr' && line !== undefined) this.announced.push({ pid: message.pid, name: stringField(message, 'name') ?? '?', line });
    const child = numberField(message, 'child');
    if (child !== undefined) this.track(child);
  }

  /** Records the start time of tracked pids at first sight: their identity from then on. */
  private remember(snapshot: Snapshot): void {
    for (const [pid, startTime] of this.identities) {
      if (startTime !== undefined) continue;
      const proc = snapshot.procs.get(pid);
      if (proc?.startTime !== undefined) this.identities.set(pid, proc.startTime);
    }
  }

  /** Is this row one of the processes we tracked (same pid, same start time)? */
  isOurs(proc: ProcInfo): boolean {
    if (!this.identities.has(proc.pid)) return false;
    const known = this.identities.get(proc.pid);
    // Never seen in a snapshot (it was only named in a message): trust the pid
    // only inside one of our sessions.
    if (known === undefined) return proc.sid !== undefined && this.groups.has(proc.sid);
    return sameStartTime(known, proc.startTime);
  }

  /** Closes the lifeline and the command pipes: every lesson process then ends by itself. */
  endLifelines(): void {
    for (const child of this.roots) {
      for (const stream of [child.stdin, child.stdio[3], child.stdio[LIFELINE_FD]]) stream?.destroy();
    }
  }

  /**
   * Our processes still in `snapshot`, and the groups it is safe to signal. A
   * group is ours while procview has not reaped its leader (the pid cannot be
   * reused before that) or while a member is a confirmed process of ours.
   */
  leftovers(snapshot: Snapshot): { procs: ProcInfo[]; groups: number[] } {
    const groups = new Set<number>();
    for (const child of this.roots) {
      if (!hasExited(child) && child.pid !== undefined) groups.add(child.pid);
    }
    for (const proc of snapshot.procs.values()) {
      if (proc.pgid !== undefined && this.groups.has(proc.pgid) && this.isOurs(proc)) groups.add(proc.pgid);
    }
    const procs = [...snapshot.procs.values()].filter((proc) => {
      const member = proc.pgid !== undefined && groups.has(proc.pgid);
      if (!member && !this.isOurs(proc)) return false;
      // A zombie whose parent is not ours (init, a subreaper) is theirs to reap. One adopted by
      // procview as a subreaper is procview's, but Node reaps only what it spawned: not a leftover
      // of the lesson (it ends nothing by being signalled), it goes when procview does.
      if (proc.state !== 'Z') return true;
      if (proc.ppid === process.pid) return this.roots.some((child) => child.pid === proc.pid);
      return this.isOursByPid(snapshot, proc.ppid);
    });
    return { procs, groups: [...groups] };
  }

  private isOursByPid(snapshot: Snapshot, pid: number | undefined): boolean {
    if (pid === undefined) return false;
    if (pid === process.pid) return true;
    const proc = snapshot.procs.get(pid);
    return proc !== undefined && this.isOurs(proc);
  }

  /**
   * Ends the lesson: lifelines first (processes end themselves, parents reap
   * their children), then SIGCONT + SIGTERM, then SIGKILL, each after a grace
   * period. Resolves to the pids that survived, which should be none. The
   * watcher is closed then.
   */
  async close(): Promise<number[]> {
    if (this.closed) return [];
    this.closed = true;
    this.inbox.close();
    try {
      this.endLifelines();
      let left = await this.settle(GRACE_MS);
      for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
        if (left.procs.length === 0) break;
        this.signalAll(left, 'SIGCONT');
        this.signalAll(left, signal);
        left = await this.settle(GRACE_MS);
      }
      // procview's own children (the session leaders) are reaped by its event loop.
      await Promise.all(this.roots.map((child) => exitWithin(child, GRACE_MS)));
      // Their last stderr lines (a trace written as a process ends) are relayed before the result.
      await pollUntil(() => (this.stderrOpen === 0 ? true : undefined), { timeoutMs: GRACE_MS, intervalMs: 10 });
      await this.stderrTurn;
      return left.procs.map((proc) => proc.pid);
    } finally {
      this.watch.close();
    }
  }

  /** Our leftovers once none is left, or at the deadline. Not cut short by the lesson's abort: cleanup must look. */
  private async settle(ms: number): Promise<{ procs: ProcInfo[]; groups: number[] }> {
    let left: { procs: ProcInfo[]; groups: number[] } = { procs: [], groups: [] };
    await this.watch.within(
      ms,
      (snapshot) => {
        left = this.leftovers(snapshot);
        return left.procs.length === 0 ? true : undefined;
      },
      NEVER_ABORTED,
    );
    return left;
  }

  private signalAll(left: { procs: ProcInfo[]; groups: number[] }, signal: NodeJS.Signals): void {
    for (const group of left.groups) quietKill(-group, signal);
    for (const proc of left.procs) quietKill(proc.pid, signal);
  }
}

function quietKill(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // ESRCH: already gone, which is what we want.
  }
}
