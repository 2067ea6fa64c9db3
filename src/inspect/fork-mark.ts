// "Forked and no exec since": PF_FORKNOEXEC (0x40, include/linux/sched.h) in
// /proc/PID/stat field 9. fork sets it (kernel/fork.c copy_process) and exec
// clears it in begin_new_exec, before it sets the new name (__set_task_comm);
// /proc/PID/stat prints the name before it reads the flags (fs/proc/array.c
// do_task_stat). So a record read with the flag set carries the name the
// process was forked with (or a rename's, PROC_EVENT_COMM), never an exec's
// whose event is still on its way; one read with it clear has exec'd since its
// fork, whether or not that exec's event came yet.
//
// Like NOT_READ (unread.ts) the mark is a symbol-keyed field of the record:
// freezeProc and spreads copy it, JSON and Object.keys never see it. Absent is
// unknown (the ps backends, a record built by hand).
import type { ProcInfo } from './types.js';

export const FORKED_NO_EXEC: unique symbol = Symbol('procview.forkedNoExec');

/** A record as freezeProc takes it: its fields and the mark. */
export type MaybeForkMarked = { readonly [FORKED_NO_EXEC]?: boolean | undefined };

/** true: forked and no exec since the read; false: exec'd since its fork; undefined: unknown. */
export function forkedNoExec(proc: ProcInfo | undefined): boolean | undefined {
  return proc === undefined ? undefined : (proc as MaybeForkMarked)[FORKED_NO_EXEC];
}
