// What the kernel's process events connector reports (linux/cn_proc.h,
// struct proc_event), as the kernel-events source hands it to JavaScript.
// pid is the thread id, tgid the process id (what ps calls PID); a thread
// event has pid !== tgid. `at` is wall-clock ms since the epoch, converted
// from the event's timestamp_ns (CLOCK_MONOTONIC since boot).

export type KernelEvent =
  /** PROC_EVENT_FORK: parent_pid/parent_tgid forked child_pid/child_tgid (the child's real_parent:
   *  for a new thread, childTgid is the creating process and parent* is that process's parent). */
  | {
      readonly kind: 'fork';
      readonly at: number;
      readonly parentPid: number;
      readonly parentTgid: number;
      readonly childPid: number;
      readonly childTgid: number;
    }
  /** PROC_EVENT_EXEC: process_pid/process_tgid called execve(). `program`: its name (comm, untrusted)
   *  as the addon read it when it took the event out of the socket, and when (ms since the epoch);
   *  absent when it was gone by then. A later exec may have renamed it before that read. */
  | {
      readonly kind: 'exec';
      readonly at: number;
      readonly pid: number;
      readonly tgid: number;
      readonly program?: { readonly comm: string; readonly at: number };
    }
  /** PROC_EVENT_EXIT: exit_code is the wait status (`status` of waitpid: exit code << 8 | signal,
   *  0x80 when a core was dumped); exitSignal is the signal sent to the parent (SIGCHLD usually).
   *  parentPid/parentTgid: the parent at exit (kernels >= 4.17), undefined when not reported: also
   *  when the parent reaped the zombie before its exit event was sent (cn_proc.c names the parent
   *  only while pid_alive), which a child preempted as it turns zombie allows. */
  | {
      readonly kind: 'exit';
      readonly at: number;
      readonly pid: number;
      readonly tgid: number;
      readonly exitCode: number;
      readonly exitSignal: number;
      readonly parentPid: number | undefined;
      readonly parentTgid: number | undefined;
    }
  /** PROC_EVENT_COMM: the thread's comm changed by prctl(PR_SET_NAME) or a write to /proc/PID/comm
   *  (exec changes comm too but reports only `exec`). Raw bytes decoded as UTF-8 with replacement:
   *  untrusted, sanitize before display. */
  | { readonly kind: 'comm'; readonly at: number; readonly pid: number; readonly tgid: number; readonly comm: string }
  /** PROC_EVENT_SID: setsid(). */
  | { readonly kind: 'sid'; readonly at: number; readonly pid: number; readonly tgid: number }
  /** PROC_EVENT_UID: real and effective uid changed. */
  | {
      readonly kind: 'uid';
      readonly at: number;
      readonly pid: number;
      readonly tgid: number;
      readonly ruid: number;
      readonly euid: number;
    }
  /** PROC_EVENT_COREDUMP: the process is dumping core. */
  | {
      readonly kind: 'coredump';
      readonly at: number;
      readonly pid: number;
      readonly tgid: number;
      readonly parentPid: number | undefined;
      readonly parentTgid: number | undefined;
    };

export type KernelEventKind = KernelEvent['kind'];

/** Why there is no kernel source; each says what to do about it in `message`. */
export type KernelEventsUnavailable =
  | 'no-native-module' // the optional addon was not built (no C compiler at install time)
  | 'not-linux'
  | 'not-permitted' // bind/subscribe refused: needs CAP_NET_ADMIN (root)
  | 'other-namespace' // subscribed, but the connector answers only in the initial network namespace
  | 'unsupported' // the kernel has no process events connector (CONFIG_PROC_EVENTS), or refused the subscription
  | 'disabled'; // PROCVIEW_EVENTS=polling, or a flag, asked for polling

export interface KernelEventSource {
  readonly kind: 'kernel';
  /** Batches, never one callback per event; `lost` counts events the kernel dropped (ENOBUFS)
   *  since the previous batch: when > 0 the consumer must resynchronise with a full scan.
   *  Counted from the per-CPU sequence numbers, so exact once an event from that CPU has been
   *  received; an overflow not yet explained that way counts as 1 (later gaps do not count it
   *  twice). */
  onBatch(listener: (batch: readonly KernelEvent[], lost: number) => void): void;
  /** Hands the listeners, before returning, what the kernel has sent so far and is still
   *  waiting in the socket (a coalescing window, a loop turn not polled yet): a reader of /proc
   *  calls it first, so that what its read shows comes with the events that led to it. */
  takeNow(): void;
  close(): void;
}

export type OpenKernelEventsResult =
  | { readonly ok: true; readonly source: KernelEventSource }
  | { readonly ok: false; readonly reason: KernelEventsUnavailable; readonly message: string };
