// A child's end as Node reports it, and stopping a child in steps. Until Node
// has reported the exit, the child is not reaped: its pid (and the group it
// may lead) cannot belong to anyone else yet, so only then is a signal safe.
import type { ChildProcess } from 'node:child_process';

/** Node has reported the exit: the child is reaped, its pid may already be someone else's. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** 'exited' once Node reports the exit, or 'late' after `ms` (Infinity: never late). */
export function exitWithin(child: ChildProcess, ms: number): Promise<'exited' | 'late'> {
  if (hasExited(child)) return Promise.resolve('exited');
  return new Promise((resolve) => {
    const exited = (): void => {
      clearTimeout(timer);
      resolve('exited');
    };
    // A timer longer than 2^31 - 1 ms would fire at once (TimeoutOverflowWarning).
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          child.off('exit', exited);
          resolve('late');
        }, ms)
      : undefined;
    child.once('exit', exited);
  });
}

export interface StopOptions {
  /**
   * Sent first (default SIGTERM). null sends nothing: the caller has already
   * asked the child to go another way (an IPC message, a closed pipe).
   */
  readonly signal?: NodeJS.Signals | null;
  /** How long the child gets to exit before SIGKILL. */
  readonly graceMs: number;
  /** Signal the process group the child leads (it was spawned detached), not only the child. */
  readonly group?: boolean;
  /** After SIGKILL, how long to wait for the exit to be reported (default: as long as it takes). */
  readonly killWaitMs?: number;
}

/**
 * Stops `child`: the signal, then SIGKILL if it has not exited within the
 * grace period. Each signal goes only while the exit is unreported. Resolves
 * to whether the exit was reported in the end.
 */
export async function stopChild(child: ChildProcess, options: StopOptions): Promise<boolean> {
  const signal = (name: NodeJS.Signals): void => {
    if (hasExited(child) || child.pid === undefined) return;
    try {
      if (options.group === true) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // ESRCH: the group is gone already.
    }
  };
  const first = options.signal === undefined ? 'SIGTERM' : options.signal;
  if (first !== null) signal(first);
  if ((await exitWithin(child, options.graceMs)) === 'exited') return true;
  signal('SIGKILL');
  return (await exitWithin(child, options.killWaitMs ?? Number.POSITIVE_INFINITY)) === 'exited';
}
