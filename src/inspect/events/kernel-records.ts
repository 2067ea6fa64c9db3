// Decodes the packed records the native addon (native/proc-events/proc_events.c)
// hands over per batch: one ArrayBuffer instead of one JS object per event, so a
// fork storm costs one crossing into JavaScript per batch.
//
// Record layout (native endian, RECORD_BYTES each):
//   0  f64  wall-clock ms since the epoch (from proc_event.timestamp_ns, CLOCK_MONOTONIC)
//   8  u32  proc_event.what
//   12 u32  proc_event.cpu
//   16 24 bytes of proc_event.event_data, as linux/cn_proc.h lays it out
// An exec's record may be followed by a PROGRAM_READ one (the addon's own, laid out as a
// comm event): the name it read then, which the decoder puts on the exec event.
import { decodeUtf8Lossy } from '../../text/sanitize.js';
import type { KernelEvent } from './kernel-event.js';

export const RECORD_BYTES = 40;

// enum what in linux/cn_proc.h
export const PROC_EVENT = {
  fork: 0x00000001,
  exec: 0x00000002,
  uid: 0x00000004,
  sid: 0x00000080,
  comm: 0x00000200,
  coredump: 0x40000000,
  exit: 0x80000000,
} as const;

/** Not a kernel event: the addon's read of an exec'd process's name, after its exec record (proc_events.c PROGRAM_READ). */
export const PROGRAM_READ = 0x00010000;

const COMM_BYTES = 16; // TASK_COMM_LEN

/** The NUL-padded comm[16] of record `i` (event_data bytes 8-23, after pid and tgid). */
function commAt(bytes: Uint8Array, i: number): string {
  const start = i * RECORD_BYTES + 24;
  let end = start;
  while (end < start + COMM_BYTES && bytes[end] !== 0) end++;
  return decodeUtf8Lossy(bytes.subarray(start, end));
}

/** 0 where a parent should be means "not reported" (exit events before Linux 4.17). */
function reportedPid(pid: number): number | undefined {
  return pid === 0 ? undefined : pid;
}

/** The records of one batch as KernelEvents; unknown kinds are skipped. */
export function decodeRecords(buffer: ArrayBuffer, count: number): KernelEvent[] {
  const usable = Math.min(count, Math.floor(buffer.byteLength / RECORD_BYTES));
  const times = new Float64Array(buffer, 0, usable * (RECORD_BYTES / 8));
  const words = new Uint32Array(buffer, 0, usable * (RECORD_BYTES / 4));
  const ints = new Int32Array(buffer, 0, usable * (RECORD_BYTES / 4));
  const bytes = new Uint8Array(buffer);
  const events: KernelEvent[] = [];
  for (let i = 0; i < usable; i++) {
    const at = times[i * (RECORD_BYTES / 8)] ?? 0;
    const w = i * (RECORD_BYTES / 4);
    const what = words[w + 2];
    // event_data starts at word 4; every variant begins with two pid_t fields.
    const d0 = ints[w + 4] ?? 0;
    const d1 = ints[w + 5] ?? 0;
    const d2 = ints[w + 6] ?? 0;
    const d3 = ints[w + 7] ?? 0;
    const d4 = ints[w + 8] ?? 0;
    const d5 = ints[w + 9] ?? 0;
    switch (what) {
      case PROC_EVENT.fork: // parent_pid, parent_tgid, child_pid, child_tgid
        events.push({ kind: 'fork', at, parentPid: d0, parentTgid: d1, childPid: d2, childTgid: d3 });
        break;
      case PROC_EVENT.exec: // process_pid, process_tgid
        events.push({ kind: 'exec', at, pid: d0, tgid: d1 });
        break;
      case PROC_EVENT.exit: // process_pid, process_tgid, exit_code, exit_signal, parent_pid, parent_tgid
        events.push({
          kind: 'exit',
          at,
          pid: d0,
          tgid: d1,
          exitCode: (words[w + 6] ?? 0) >>> 0,
          exitSignal: d3,
          parentPid: reportedPid(d4),
          parentTgid: reportedPid(d5),
        });
        break;
      case PROC_EVENT.comm: // process_pid, process_tgid, comm[16] (NUL-padded)
        events.push({ kind: 'comm', at, pid: d0, tgid: d1, comm: commAt(bytes, i) });
        break;
      case PROGRAM_READ: {
        // Laid out as a comm event, right after its exec's record; `at` is when it was read.
        const exec = events.at(-1);
        if (exec?.kind === 'exec' && exec.tgid === d1) events[events.length - 1] = { ...exec, program: { comm: commAt(bytes, i), at } };
        break;
      }
      case PROC_EVENT.sid: // process_pid, process_tgid
        events.push({ kind: 'sid', at, pid: d0, tgid: d1 });
        break;
      case PROC_EVENT.uid: // process_pid, process_tgid, ruid, euid
        events.push({ kind: 'uid', at, pid: d0, tgid: d1, ruid: d2 >>> 0, euid: d3 >>> 0 });
        break;
      case PROC_EVENT.coredump: // process_pid, process_tgid, parent_pid, parent_tgid
        events.push({ kind: 'coredump', at, pid: d0, tgid: d1, parentPid: reportedPid(d2), parentTgid: reportedPid(d3) });
        break;
      default:
        break;
    }
  }
  return events;
}
