// The threads of multi-threaded processes, as pstree finds them: the ids in
// /proc/PID/task (the leader's own id, which is the pid, left out), and with
// 'names' each thread's own name (task/TID/comm, the name pstree -t reads from
// task/TID/stat). Only a process whose stat counts more than one thread (field
// 20, num_threads) is looked at, so a table of single-threaded processes costs
// no extra read: the kernel keeps counting an exited leader while its other
// threads run, so such a process is looked at too.
import { readdirSync, readFileSync } from 'node:fs';
import { hasOtherThreads } from '../thread-group.js';
import type { ProcInfo, ThreadInfo } from '../types.js';
import { decodeRange } from './text.js';

export function listThreads(root: string, procs: ReadonlyMap<number, ProcInfo>, names: boolean): Map<number, readonly ThreadInfo[]> {
  const threads = new Map<number, readonly ThreadInfo[]>();
  for (const proc of procs.values()) {
    if (!hasOtherThreads(proc)) continue;
    // Not listed (gone, unreadable): left out, so a reader says unknown rather than none.
    const tids = taskIds(`${root}/${proc.pid}/task`, proc.pid);
    if (tids === undefined) continue;
    threads.set(
      proc.pid,
      tids.map((tid) => Object.freeze({ tid, comm: names ? threadComm(`${root}/${proc.pid}/task/${tid}/comm`) : undefined })),
    );
  }
  return threads;
}

/** The thread ids under `dir` but the leader's, ascending (the order the kernel lists them); undefined when it cannot be listed. */
function taskIds(dir: string, leader: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  const tids: number[] = [];
  for (const name of entries) {
    const tid = /^\d+$/u.test(name) ? Number(name) : 0;
    if (tid > 0 && tid !== leader) tids.push(tid);
  }
  return tids.sort((a, b) => a - b);
}

/** A thread's name: the comm file without its newline; undefined when the thread has ended. */
function threadComm(path: string): string | undefined {
  try {
    const bytes = readFileSync(path);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.length - 1 : bytes.length;
    return decodeRange(bytes, 0, end);
  } catch {
    return undefined;
  }
}
