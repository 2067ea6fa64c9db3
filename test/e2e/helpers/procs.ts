// Reading the process table from a test, to check what the dashboard left
// behind. Tests may read /proc directly; the product goes through src/inspect.
import { readdirSync, readFileSync } from 'node:fs';

export interface Seen {
  readonly state: string;
  readonly ppid: number;
}

/** State and parent of `pid` now, or undefined when it is gone. */
export function procStat(pid: number): Seen | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/**
 * Gone, or a zombie of PID 1: this machine's init reaps adopted orphans
 * lazily, so such a zombie is init's to reap, not a leak of ours.
 */
export function isGone(pid: number): boolean {
  const seen = procStat(pid);
  return seen === undefined || (seen.state === 'Z' && seen.ppid === 1);
}

/** Pids whose command line contains `needle` and which are not gone. */
export function processesWithArg(needle: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (args.includes(needle) && !isGone(pid)) out.push(pid);
    } catch {
      // vanished while we looked
    }
  }
  return out;
}

/** The processes of a lesson run by the procview with pid `anchor` (their first argument names it). */
export function lessonProcesses(demo: string, anchor: number): number[] {
  return processesWithArg(`--procview-demo=${demo}:${anchor}`);
}

export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    for (const signal of ['SIGCONT', 'SIGKILL'] as const) {
      try {
        process.kill(pid, signal);
      } catch {
        // gone
      }
    }
  }
}

/**
 * The pid of a child the test spawned. A child without one never started: the
 * test stops here rather than go on with a stand-in (`-0` as a process group
 * is the test's own).
 */
export function pidOf(child: { readonly pid?: number | undefined }): number {
  if (child.pid === undefined) throw new Error('the child process did not start (it has no pid)');
  return child.pid;
}
