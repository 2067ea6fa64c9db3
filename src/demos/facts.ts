// Small pieces of narration shared by several lessons: what a status means in
// wait() terms, who adopted an orphan, and reading numbers out of messages.
import { constants } from 'node:os';
import type { ProcInfo, Snapshot } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';
import { LessonProblem } from './problem.js';
import { numberField, type ChildMessage } from './messages.js';

/** A numeric field the lesson cannot go on without. */
export function requireNumber(message: ChildMessage, field: string): number {
  const value = numberField(message, field);
  if (value === undefined) throw new LessonProblem(t('demo.check.noField', { kind: message.kind, pid: message.pid, field }));
  return value;
}

/** The child's end in the words of wait(2): Node's (code, signal) is WEXITSTATUS or WTERMSIG. */
export function describeExit(code: unknown, signal: unknown): string {
  if (typeof signal === 'string') {
    const number = (constants.signals as Record<string, number | undefined>)[signal];
    const shell = number === undefined ? '' : t('demo.exit.shell', { status: 128 + number });
    return t('demo.exit.killed', { signal, number: number ?? '?', shell });
  }
  return t('demo.exit.exited', { code: String(code) });
}

/** pid and name of a process in `snapshot`, e.g. `1 (init)`; the name is raw (the reporter sanitizes). */
export function label(snapshot: Snapshot, pid: number | undefined): string {
  if (pid === undefined) return t('demo.unknownProcess');
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
    // Named once: 'PID 1 (systemd)', not 'PID 1, pid 1 (systemd)'.
    return [t('demo.adopter.init1', { name: snapshot.procs.get(1)?.comm ?? 'init' }), t('demo.adopter.init2')];
  }
  if (adopter === process.pid) {
    return [t('demo.adopter.self1', { who }), t('demo.adopter.self2')];
  }
  const ancestry = isOurAncestor(snapshot, adopter) ? t('demo.adopter.ancestry') : '';
  return [t('demo.adopter.other1', { who, ancestry }), t('demo.adopter.other2')];
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
