// Small pieces of narration shared by several lessons: what a status means in
// wait() terms, who adopted an orphan, and reading numbers out of messages.
import { constants } from 'node:os';
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { LessonProblem } from './problem.js';
import { numberField, type ChildMessage } from './messages.js';

/** A numeric field the lesson cannot go on without. */
export function requireNumber(message: ChildMessage, field: string): number {
  const value = numberField(message, field);
  if (value === undefined) throw new LessonProblem(`'${message.kind}' message from pid ${message.pid} has no ${field}`);
  return value;
}

/** The child's end in the words of wait(2): Node's (code, signal) is WEXITSTATUS or WTERMSIG. */
export function describeExit(code: unknown, signal: unknown): string {
  if (typeof signal === 'string') {
    const number = (constants.signals as Record<string, number | undefined>)[signal];
    const shell = number === undefined ? '' : `, a shell would show $? = ${128 + number}`;
    return `killed by ${signal}: WIFSIGNALED, WTERMSIG = ${number ?? '?'}${shell}`;
  }
  return `exited with status ${String(code)}: WIFEXITED, WEXITSTATUS = ${String(code)}`;
}

/** pid and name of a process in `snapshot`, e.g. `1 (init)`; the name is raw (the reporter sanitizes). */
export function label(snapshot: Snapshot, pid: number | undefined): string {
  if (pid === undefined) return 'an unknown process';
  const comm = snapshot.procs.get(pid)?.comm;
  return comm === undefined ? `pid ${pid}` : `pid ${pid} (${comm})`;
}

/** Is `pid` procview itself or one of its ancestors? */
export function isOurAncestor(snapshot: Snapshot, pid: number): boolean {
  const seen = new Set<number>();
  for (let at: number | undefined = process.pid; at !== undefined && at > 0 && !seen.has(at); at = snapshot.procs.get(at)?.ppid) {
    if (at === pid) return true;
    seen.add(at);
  }
  return false;
}

/** Who adopted an orphan, and why it was that process: PID 1, or a subreaper. */
export function adopterStory(snapshot: Snapshot, adopter: number): string[] {
  const who = label(snapshot, adopter);
  if (adopter === 1) {
    return [
      `The adopter is PID 1, ${who}: no ancestor declared itself a subreaper, so the kernel handed the orphan to init.`,
      'On a desktop or server PID 1 is systemd (or another init); in a container it is whatever the container started first ' +
        "(tini, docker-init, a shell, or the application itself), and that program inherits init's duty of reaping orphans. " +
        'A container whose PID 1 never calls wait() slowly fills with zombies.',
    ];
  }
  if (adopter === process.pid) {
    return [
      `The adopter is procview itself (${who}): whoever started it marked it a child subreaper with ` +
        "prctl(PR_SET_CHILD_SUBREAPER, 1) and then exec'd procview, and the mark survives exec. So orphans among " +
        "procview's descendants come to procview, not to init. /proc does not show that flag; this reparenting is the evidence.",
      "A subreaper takes on init's duty: it must wait() for what it adopts, as tini and systemd do with a loop on waitpid(-1). " +
        'procview runs on Node.js, which can only wait for the children it spawned itself, so it cannot reap this one.',
    ];
  }
  const ancestry = isOurAncestor(snapshot, adopter) ? ', an ancestor of procview,' : '';
  return [
    `The adopter is ${who}${ancestry} and not PID 1: it marked itself a child subreaper with prctl(PR_SET_CHILD_SUBREAPER, 1), ` +
      'so orphans among its descendants go to it instead of init. /proc does not show that flag; this reparenting is the evidence.',
    "systemd --user does this for a login session, and container runtimes (containerd-shim, tini -s, podman's conmon) do it so " +
      'that orphans stay inside their session or container.',
  ];
}

/** One row per pid, in the same places: `[a, b]` gives two rows, `[a, ...more]` a row list. */
export type RowsOf<P extends readonly number[]> = { -readonly [K in keyof P]: ProcInfo };

/** The rows of all `pids`, in their order, once every one of them is in the table and passes `test`; else undefined. */
export function rowsOf<const P extends readonly number[]>(snapshot: Snapshot, pids: P, test: (row: ProcInfo) => boolean = () => true): RowsOf<P> | undefined {
  const rows: ProcInfo[] = [];
  for (const pid of pids) {
    const row = snapshot.procs.get(pid);
    if (row === undefined || !test(row)) return undefined;
    rows.push(row);
  }
  return rows as RowsOf<P>;
}
