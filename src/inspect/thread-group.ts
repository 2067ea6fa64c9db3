// A process is a thread group: its leader (tid = pid) and the threads it
// started. stat field 20 (num_threads) counts them all, and the kernel keeps
// counting a leader that has exited while other threads run on.
import type { ProcInfo } from './types.js';

/** Whether stat counts threads besides the leader (field 20 > 1); an unknown count is taken as one. */
export function hasOtherThreads(proc: ProcInfo): boolean {
  return (proc.threads ?? 1) > 1;
}

/**
 * Dead for good: state Z with no thread running on. A leader that called
 * pthread_exit while others run reads Z, but its process has not exited
 * (ps still marks it <defunct>; pstree draws it with its threads).
 */
export function isDeadZombie(proc: ProcInfo): boolean {
  return proc.state === 'Z' && !hasOtherThreads(proc);
}
