// Shared test plumbing for real processes: every test spawns into its own
// process group and the group is torn down (SIGCONT first, so stopped members
// can die) when the test ends; every wait is a poll bounded by a deadline.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { afterEach } from 'vitest';

export interface PollOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Shown in the error when the deadline passes. */
  readonly what?: string;
}

/** Polls until `probe` returns something other than undefined/false, or throws at the deadline. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 10_000, intervalMs = 25, what = 'condition' }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** True while `pid` exists (a zombie still exists). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const groups = new Set<number>();

/** Signals a whole process group, ignoring "no such group". */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGCONT then SIGKILL to the group, so stopped members die too. */
export function killGroup(pgid: number): void {
  signalGroup(pgid, 'SIGCONT');
  signalGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
}

/**
 * Spawns `command` as the leader of a new process group, registered for
 * cleanup after the current test. stdio defaults to ignore.
 */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess & { readonly pid: number } {
  const child = spawn(command, args, { stdio: 'ignore', ...options, detached: true });
  const { pid } = child;
  if (pid === undefined) throw new Error(`could not spawn ${command}`);
  groups.add(pid);
  // Keep an error (e.g. ENOENT) from becoming an unhandled event.
  child.on('error', () => undefined);
  // The pid is known from here on; the type says so, so callers need no `?? 0` stand-in.
  return Object.assign(child, { pid });
}

/** Registers an extra process group (e.g. one a fixture made) for cleanup. */
export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

afterEach(() => {
  for (const pgid of [...groups]) killGroup(pgid);
});
