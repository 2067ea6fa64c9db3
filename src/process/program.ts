// The program `procview run` starts: in its own process group (so q, Ctrl-C
// and the end of procview reach everything it started that stayed in the
// group), stdin shared, stdout and stderr read line by line. An orphan that
// keeps the pipes open still has its lines read.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pollUntil } from '../base/poll.js';
import { t } from '../text/i18n/message.js';
import { stopChild } from './child-exit.js';

export interface ProgramLine {
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  /** Raw (untrusted): sanitize before display. */
  readonly text: string;
}

export interface ProgramEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Program {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the program (the process started, not its descendants) has exited and been reaped. */
  readonly ended: Promise<ProgramEnd>;
  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /**
   * Stops reading its output (a last unfinished line is given first). What it left behind keeps the
   * pipes open as long as it lives, and an open pipe would keep procview from exiting once it is done.
   */
  release(): void;
}

/**
 * The environment entry `procview run` gives its program, `PROCVIEW_RUN=<procview's pid>.<random>`:
 * descendants inherit it through fork and exec, so polling, which sees no fork, still finds one a
 * fast double fork left under PID 1 before any scan (StreamOptions.kinEntry, the frame's `kin`).
 * A program that clears its environment is not found so.
 */
export const RUN_TOKEN_NAME = 'PROCVIEW_RUN';

/** A fresh `PROCVIEW_RUN=…` entry for one run. */
export function runTokenEntry(): string {
  return `${RUN_TOKEN_NAME}=${process.pid}.${randomBytes(6).toString('hex')}`;
}

/** The environment with `entry` (`NAME=value`) set. */
export function withEntry(env: NodeJS.ProcessEnv, entry: string): NodeJS.ProcessEnv {
  const at = entry.indexOf('=');
  return { ...env, [entry.slice(0, at)]: entry.slice(at + 1) };
}

/** Node's spawn error (ENOENT, EACCES) as a rejection, the program otherwise. */
export function startProgram(
  command: string,
  args: readonly string[],
  onLine: (line: ProgramLine) => void,
  stdin: 'inherit' | 'ignore' = 'inherit',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Program> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [stdin, 'pipe', 'pipe'], detached: true, env });
    const ended = new Promise<ProgramEnd>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    const releases: (() => void)[] = [];
    const split = (stream: 'stdout' | 'stderr'): void => {
      let partial = '';
      const source = child[stream];
      source?.setEncoding('utf8');
      source?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) onLine({ at: Date.now(), stream, text });
      });
      const rest = (): void => {
        if (partial !== '') onLine({ at: Date.now(), stream, text: partial });
        partial = '';
      };
      source?.on('end', rest);
      releases.push(() => {
        rest();
        source?.destroy();
      });
    };
    child.once('error', (error) => reject(error));
    child.once('spawn', () => {
      split('stdout');
      split('stderr');
      const pid = child.pid;
      if (pid === undefined) {
        reject(new Error(t('process.couldNotStart', { command })));
        return;
      }
      resolve({
        pid,
        child,
        ended,
        async stop(graceMs) {
          await stopChild(child, { graceMs, group: true });
          // What it left in its group (an orphan keeps the group, and so its number, alive): the same.
          await stopGroup(pid, graceMs);
        },
        release() {
          for (const release of releases.splice(0)) release();
        },
      });
    });
  });
}

/** Why a program could not be started, as a shell says it (the code kept for searching), else the code or message. */
export function startFailureWords(error: unknown, command: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // As a shell says it: a name is looked up in PATH (not found), a path is opened as it is (no such file).
  if (code === 'ENOENT') return command.includes('/') ? t('ui.program.noSuchFile') : t('ui.program.notFound');
  if (code === 'EACCES') return t('ui.program.notPermitted');
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Whether a process group has members now (kill with signal 0 checks without sending). */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is gone.
  }
}

/**
 * SIGTERM to what is left of group `pgid`, SIGKILL to whatever is still there after `graceMs`
 * (SIGCONT first, so stopped members can die). While any member lives, the group's number
 * cannot be given to anyone else.
 */
async function stopGroup(pgid: number, graceMs: number): Promise<void> {
  if (!groupExists(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  signalGroup(pgid, 'SIGCONT');
  const gone = await pollUntil(() => (groupExists(pgid) ? undefined : true), { timeoutMs: graceMs, intervalMs: 20 });
  if (gone === undefined) signalGroup(pgid, 'SIGKILL');
}

/** The status a shell would report: the exit code, or 128 + the signal's number. */
export function shellStatus(end: ProgramEnd, signalNumber: (name: NodeJS.Signals) => number): number {
  if (end.signal !== null) return 128 + signalNumber(end.signal);
  return end.code ?? 1;
}
