// What every lesson process shares with procview:
//   fd 0  the lifeline: a pipe whose other end only procview holds. EOF means
//         the lesson is over or procview died; every process then ends itself,
//         orphans included (they left our process tree, not our pipe). A
//         lesson's first process passes its fd 4 on as its children's fd 0 (see
//         LIFELINE_FD_ENV): its own stdin pipe closes when it exits.
//   fd 1  messages to procview, one JSON line each (see ../messages.ts).
//   fd 2  stderr, relayed by procview.
//   fd 3  commands from procview, one per line (a lesson's first process only;
//         see commands.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithin, hasExited } from '../../process/child-exit.js';
import { errnoOf } from '../../process/errno.js';
import { refuseInspectorSignal } from '../../base/inspector-signal.js';
import { watchLifeline } from '../../process/lifeline.js';
import { setProcessTitle } from '../../inspect/process-title.js';
import { HOLD_ENV, LIFELINE_FD_ENV } from '../messages.js';
import { lessonName, lessonTitle } from './title.js';

// Every lesson process imports this module first thing: none opens Node's inspector on SIGUSR1.
refuseInspectorSignal();

/** The lifeline our children get as fd 0: ours (fd 0) unless we are a lesson's first process. */
const childLifeline = Number(process.env[LIFELINE_FD_ENV]);
// Only the first process has it; its children must not think they do.
delete process.env[LIFELINE_FD_ENV];

/** How long each interesting state is held, as procview was told (--hold). */
export const holdMs = positiveOr(Number(process.env[HOLD_ENV]), 1000);

/** argv[2] names the lesson and its procview; children get it too, so `ps` finds the whole lesson. */
const marker = process.argv[2] ?? '';

const options = new Map<string, string>(
  process.argv.slice(3).map((arg): [string, string] => {
    const at = arg.indexOf('=');
    return at < 0 ? [arg, ''] : [arg.slice(0, at), arg.slice(at + 1)];
  }),
);

/** A `name=value` argument (a bare `name` gives ''). */
// Named for what it is in the lesson (title.ts), as soon as the options are known.
const script = basename(process.argv[1] ?? '', '.js');
setProcessTitle(lessonTitle(script, marker, options.get('role')));

export function option(name: string): string | undefined {
  return options.get(name);
}

export function numberOption(name: string, fallback: number): number {
  const value = Number(options.get(name));
  return options.has(name) && Number.isFinite(value) ? value : fallback;
}

function positiveOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps without giving the event loop a turn: timers, I/O and child reaping all wait. */
export function blockFor(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Tells procview something. Synchronous, so a message written just before exit() is not lost. */
export function send(kind: string, data: Record<string, unknown> = {}): void {
  const bytes = Buffer.from(`${JSON.stringify({ ...data, kind, pid: process.pid, ppid: process.ppid })}\n`);
  let offset = 0;
  for (let tries = 0; offset < bytes.length && tries < 100; tries += 1) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      // EAGAIN: another process made the shared pipe non-blocking and it is full.
      if (errnoOf(error) !== 'EAGAIN') return;
      blockFor(5);
    }
  }
}

/**
 * Writes `line` to stderr, which every process of the lesson shares (fd 2), so
 * procview cannot tell from the pipe who wrote it. The writer says so first on
 * fd 1, with its name: procview pairs the two and says whose line it was.
 */
export function writeStderr(line: string): void {
  send('stderr', { line, name: lessonName(script, options.get('role')) });
  writeSync(2, `${line}\n`);
}

const endHooks: Array<() => void> = [];
const ownChildren = new Set<ChildProcess>();
let ending = false;
/** How long a parent waits for its children to end and be reaped before it leaves anyway. */
const CHILDREN_GRACE_MS = 500;

/** Runs just before this process ends because the lesson is over (e.g. remove a socket file). */
export function onLessonEnd(hook: () => void): void {
  endHooks.push(hook);
}

/**
 * The lesson is over (or procview is gone): wake stopped peers, run the end
 * hooks, and exit once our own children (who see the same EOF) have exited
 * and been reaped here, so they do not end up as init's zombies.
 */
export function endOfLesson(): void {
  if (ending) return;
  ending = true;
  // A stopped member of our group cannot see EOF until it runs again.
  try {
    process.kill(0, 'SIGCONT');
  } catch {
    // Nobody left to wake.
  }
  for (const hook of endHooks) {
    try {
      hook();
    } catch {
      // Ending matters more than tidiness.
    }
  }
  const running = [...ownChildren].filter((child) => !hasExited(child));
  if (running.length === 0) process.exit(0);
  void Promise.all(running.map((child) => exitWithin(child, CHILDREN_GRACE_MS))).then(() => process.exit(0));
}

/**
 * Watches the lifeline on fd 0: its end-of-file ends this process. It also
 * keeps the process alive, as a sleeper has nothing else to wait for.
 */
export function keepLifeline(): void {
  try {
    watchLifeline(0, endOfLesson, { keepAlive: true });
  } catch {
    // No lifeline to watch: nothing would ever end this process, so end it now.
    endOfLesson();
  }
}

/** Absolute path of a sibling child script (compiled next to this file). */
export function scriptPath(script: string): string {
  return fileURLToPath(new URL(`./${script}.js`, import.meta.url));
}

/** The argv a lesson process needs to start `script` with the lesson's marker. */
export function scriptArgs(script: string, args: readonly string[] = []): string[] {
  return [scriptPath(script), marker, ...args];
}

/** stdio for a child: the lesson's lifeline as fd 0, our messages and stderr, optionally an IPC channel. */
export function childStdio(ipc = false): Array<'inherit' | 'ipc' | number> {
  const lifeline = Number.isInteger(childLifeline) && childLifeline > 2 ? childLifeline : 'inherit';
  return ipc ? [lifeline, 'inherit', 'inherit', 'ipc'] : [lifeline, 'inherit', 'inherit'];
}

/**
 * Starts another lesson process. It inherits fds 0-2 (lifeline, messages,
 * stderr) and this process group; with `ipc`, a Node message channel as fd 3.
 * procview is told its pid at once so it can track it from birth.
 */
export function spawnScript(script: string, args: readonly string[] = [], ipc = false): ChildProcess {
  const child = spawn(process.execPath, scriptArgs(script, args), { stdio: childStdio(ipc) });
  child.on('error', (error) => send('error', { message: error.message }));
  ownChildren.add(child);
  child.once('exit', () => ownChildren.delete(child));
  if (child.pid !== undefined) send('spawned', { child: child.pid, script, args });
  return child;
}

/**
 * Ends this process's own children and reaps them before it exits itself, so
 * none of them is left to init as an orphan. SIGCONT first: a stopped child
 * would not act on SIGTERM until continued.
 */
export async function endChildren(children: readonly ChildProcess[]): Promise<void> {
  const running = children.filter((child) => !hasExited(child));
  const reaped = running.map((child) => exitWithin(child, Number.POSITIVE_INFINITY));
  for (const child of running) {
    child.kill('SIGCONT');
    child.kill('SIGTERM');
  }
  await Promise.all(reaped);
}
