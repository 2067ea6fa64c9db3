// procview's optional kernel process events source: a netlink socket on the
// process events connector (linux/cn_proc.h), read on the JS thread through a
// uv_poll and handed to JavaScript in batches of packed records.
//
// JS API (see src/inspect/events/kernel-source.ts, which decodes the records):
//   open(onBatch, nonce[, rcvbufBytes[, coalesceMs]]) -> handle   throws Error{code, syscall}
//     onBatch(records: ArrayBuffer, count, lost, ackErr)
//       records: `count` records of RECORD_BYTES (layout below)
//       lost:    events the kernel dropped since the previous call (>= 1 on ENOBUFS)
//       ackErr:  -1, or the err field of the answer to our PROC_CN_MCAST_LISTEN
//   close(handle)                         unsubscribes, releases the fd; idempotent
//   takeNow(handle)                       reads what the socket holds now and calls onBatch
//                                         before returning (if anything was there, or was
//                                         read earlier in a coalescing window), even within one
//   stats(handle) -> { received, lost, overflows, batches, fd, readCpuMs, jsCpuMs }
#define NAPI_VERSION 8
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <node_api.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

// One record per event, native endian, 8-byte aligned:
//   0  f64  wall-clock ms since the epoch
//   8  u32  proc_event.what
//   12 u32  proc_event.cpu
//   16 24 bytes: proc_event.event_data as the kernel wrote it (fork/exec/id/sid/comm/coredump/exit)
#define RECORD_BYTES 40
#define EVENT_DATA_BYTES 24
// Not a kernel event: the name (/proc/TGID/comm) of a process that exec'd, read as its
// exec event was taken out of the socket, laid out as PROC_EVENT_COMM (pid, tgid,
// comm[16]) and stamped with the time of the read. It follows its exec's record. A
// program that runs for a millisecond is gone by the time JavaScript could read it (the
// events wait for the coalescing window, then the event loop); read here, it is named.
// No cn_proc.h value uses this bit.
#define PROGRAM_READ 0x00010000u
// At most this many such reads a second: a fork storm's thousands of execs a second would
// triple this module's CPU (three system calls each); past it, the consumer's own read after
// the batch names them, as it names every exec it can.
#define PROGRAM_READS_PER_SECOND 200
// Reads of the socket within a coalescing window, at most this many a second: each is a wake-up
// of the event loop, which a fork storm would otherwise cause per event (twice this module's CPU);
// past it, a window lets events gather in the socket until it ends, as it did before the reads.
#define WINDOW_TAKES_PER_SECOND 200
// Datagrams read per readable notification; the rest wait for the next loop turn,
// so a fork storm cannot keep the JS thread in one callback for long.
#define MAX_DATAGRAMS_PER_TICK 4096
// The socket buffer: a few MiB holds tens of thousands of events (each skb costs ~1 KiB
// of truesize) while JavaScript is busy.
#define RCVBUF_BYTES (8 * 1024 * 1024)
#define NO_CPU 0xffffffffu
// Batches are at least this far apart: the first event after a quiet spell goes to
// JavaScript at once, later ones within the window wait for it and travel together.
#define COALESCE_MS 2

typedef struct watcher {
  int fd;
  int closed;
  int failed; // a read failed other than EAGAIN/ENOBUFS: the fd is broken, reading stops
  napi_env env;
  uv_poll_t poll;
  uv_timer_t timer; // ends a coalescing window
  int open_handles; // poll and timer: freed when both are closed
  uint32_t coalesce_ms;
  uint64_t last_call_ms; // uv_now() of the last batch
  napi_ref callback;
  napi_ref self; // keeps the JS handle alive while open
  napi_async_context async_context;
  napi_async_cleanup_hook_handle cleanup;
  uint32_t nonce;
  // Per-CPU sequence numbers: send_msg() in drivers/connector/cn_proc.c stamps every
  // message with a per-CPU counter (cn_msg.seq) and the CPU (proc_event.cpu), with
  // preemption off, so on one CPU they arrive in order and a gap is a lost event.
  uint32_t *next_seq;
  uint8_t *seen_cpu;
  uint32_t cpus;
  // Events the socket overflow reported (ENOBUFS) before a gap could count them.
  uint64_t lost_credit;
  uint8_t *records;
  size_t record_count;
  size_t record_capacity;
  uint64_t received, lost, overflows, batches;
  // Read out of the socket and not yet handed to JavaScript (a coalescing window is open).
  uint64_t pending_missing;
  int pending_overflowed;
  int32_t pending_ack;
  // PROGRAM_READ budget: reads made in the second that began at reads_since (uv_now ms).
  uint64_t reads_since;
  uint32_t reads;
  // The same for reads of the socket within a coalescing window.
  uint64_t takes_since;
  uint32_t takes;
  double read_ms, js_ms; // CLOCK_THREAD_CPUTIME_ID spent reading the socket / in JavaScript
} watcher;

typedef struct handle_box {
  watcher *w;
} handle_box;

static const char *errno_code(int err) {
  switch (err) {
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ENOBUFS: return "ENOBUFS";
    case ENOMEM: return "ENOMEM";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    default: return "EUNKNOWN";
  }
}

static void throw_errno(napi_env env, int err, const char *syscall) {
  napi_value code, msg, error, num, sys;
  char text[160];
  snprintf(text, sizeof text, "%s: %s", syscall, strerror(err));
  napi_create_string_utf8(env, errno_code(err), NAPI_AUTO_LENGTH, &code);
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, code, msg, &error);
  napi_create_int32(env, err, &num);
  napi_set_named_property(env, error, "errno", num);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &sys);
  napi_set_named_property(env, error, "syscall", sys);
  napi_throw(env, error);
}

// PROC_CN_MCAST_LISTEN / IGNORE: a connector message to the kernel (port 0). The
// 4-byte form means "all events" on every kernel (6.6 also accepts struct proc_input).
static int send_mcast_op(int fd, enum proc_cn_mcast_op op, uint32_t ack) {
  struct {
    struct nlmsghdr nl;
    struct cn_msg cn;
    enum proc_cn_mcast_op op;
  } __attribute__((packed)) msg;
  memset(&msg, 0, sizeof msg);
  msg.nl.nlmsg_len = sizeof msg;
  msg.nl.nlmsg_type = NLMSG_DONE;
  msg.cn.id.idx = CN_IDX_PROC;
  msg.cn.id.val = CN_VAL_PROC;
  msg.cn.ack = ack; // the kernel answers with ack + 1 (cn_proc_ack)
  msg.cn.len = sizeof msg.op;
  msg.op = op;
  struct sockaddr_nl to = {.nl_family = AF_NETLINK, .nl_pid = 0, .nl_groups = 0};
  for (;;) {
    ssize_t n = sendto(fd, &msg, sizeof msg, 0, (struct sockaddr *)&to, sizeof to);
    if (n >= 0) return 0;
    if (errno != EINTR) return errno;
  }
}

static int ensure_cpu(watcher *w, uint32_t cpu) {
  if (cpu < w->cpus) return 1;
  if (cpu >= 65536) return 0; // beyond any NR_CPUS: not a CPU number
  uint32_t want = cpu + 64;
  uint32_t *seq = realloc(w->next_seq, want * sizeof *seq);
  if (seq == NULL) return 0;
  w->next_seq = seq;
  uint8_t *seen = realloc(w->seen_cpu, want);
  if (seen == NULL) return 0;
  w->seen_cpu = seen;
  memset(w->seen_cpu + w->cpus, 0, want - w->cpus);
  w->cpus = want;
  return 1;
}

// Counts the events missing before this one on its CPU.
static uint64_t track_seq(watcher *w, uint32_t cpu, uint32_t seq) {
  if (cpu == NO_CPU || !ensure_cpu(w, cpu)) return 0; // old kernels: acks carry cpu -1
  uint64_t missing = 0;
  if (w->seen_cpu[cpu]) {
    uint32_t gap = seq - w->next_seq[cpu]; // u32 arithmetic: the counter wraps
    // A huge "gap" is a counter that went backwards, not billions of lost events.
    if (gap != 0 && gap < 0x80000000u) missing = gap;
  }
  w->seen_cpu[cpu] = 1;
  w->next_seq[cpu] = seq + 1;
  return missing;
}

static int push_record(watcher *w, double at, const struct proc_event *ev) {
  if (w->record_count == w->record_capacity) {
    size_t want = w->record_capacity ? w->record_capacity * 2 : 256;
    uint8_t *grown = realloc(w->records, want * RECORD_BYTES);
    if (grown == NULL) return 0;
    w->records = grown;
    w->record_capacity = want;
  }
  uint8_t *r = w->records + w->record_count * RECORD_BYTES;
  uint32_t what = ev->what, cpu = ev->cpu;
  memcpy(r, &at, 8);
  memcpy(r + 8, &what, 4);
  memcpy(r + 12, &cpu, 4);
  memcpy(r + 16, &ev->event_data, EVENT_DATA_BYTES);
  w->record_count++;
  return 1;
}

static double clock_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// After an exec event: the name the process has now (exec sets it before it sends the event,
// fs/exec.c begin_new_exec, then proc_exec_connector), as a PROGRAM_READ record. Nothing when
// the process is gone already. A later exec may have renamed it since: the record's time
// says when it was read, and the consumer weighs it against the exec times it knows.
static void push_program_read(watcher *w, int32_t tgid) {
  uint64_t now = uv_now(w->poll.loop);
  if (now - w->reads_since >= 1000) {
    w->reads_since = now;
    w->reads = 0;
  }
  if (w->reads >= PROGRAM_READS_PER_SECOND) return;
  w->reads++;
  char path[32];
  snprintf(path, sizeof path, "/proc/%d/comm", (int)tgid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  char name[32];
  ssize_t n;
  do n = read(fd, name, sizeof name); while (n < 0 && errno == EINTR);
  close(fd);
  if (n <= 0) return;
  if (name[n - 1] == '\n') n--; // comm is printed with a newline (fs/proc/base.c comm_show)
  struct proc_event ev;
  memset(&ev, 0, sizeof ev);
  ev.what = PROGRAM_READ;
  ev.cpu = NO_CPU;
  ev.event_data.comm.process_pid = tgid;
  ev.event_data.comm.process_tgid = tgid;
  memcpy(ev.event_data.comm.comm, name, (size_t)n < sizeof ev.event_data.comm.comm ? (size_t)n : sizeof ev.event_data.comm.comm);
  push_record(w, clock_ms(CLOCK_REALTIME), &ev);
}

// Parses one datagram; returns the events it shows were lost before it.
static uint64_t parse_datagram(watcher *w, const uint8_t *buf, size_t len, double mono_to_epoch,
                               int32_t *ack_err) {
  uint64_t missing = 0;
  const struct nlmsghdr *nl = (const struct nlmsghdr *)buf;
  int remaining = (int)len;
  for (; NLMSG_OK(nl, remaining); nl = NLMSG_NEXT(nl, remaining)) {
    if (nl->nlmsg_type == NLMSG_NOOP || nl->nlmsg_type == NLMSG_ERROR) continue;
    if (nl->nlmsg_len < NLMSG_LENGTH(sizeof(struct cn_msg))) continue;
    struct cn_msg cn;
    memcpy(&cn, NLMSG_DATA(nl), sizeof cn);
    if (cn.id.idx != CN_IDX_PROC || cn.id.val != CN_VAL_PROC) continue;
    size_t avail = nl->nlmsg_len - NLMSG_LENGTH(sizeof(struct cn_msg));
    size_t take = cn.len < avail ? cn.len : avail;
    if (take < offsetof(struct proc_event, event_data)) continue;
    // The payload sits at offset 36, not 8-aligned: copy before reading timestamp_ns.
    struct proc_event ev;
    memset(&ev, 0, sizeof ev);
    memcpy(&ev, (const uint8_t *)NLMSG_DATA(nl) + sizeof(struct cn_msg),
           take < sizeof ev ? take : sizeof ev);
    missing += track_seq(w, ev.cpu, cn.seq);
    switch (ev.what) {
      case PROC_EVENT_NONE:
        // cn_proc_ack(): the answer to a LISTEN/IGNORE, ours when ack == nonce + 1.
        if (cn.ack == w->nonce + 1) *ack_err = (int32_t)ev.event_data.ack.err;
        break;
      case PROC_EVENT_FORK:
      case PROC_EVENT_EXEC:
      case PROC_EVENT_UID:
      case PROC_EVENT_SID:
      case PROC_EVENT_COMM:
      case PROC_EVENT_COREDUMP:
      case PROC_EVENT_EXIT: {
        // timestamp_ns: ktime_get_ns(), CLOCK_MONOTONIC in ns.
        double at = (double)ev.timestamp_ns / 1e6 + mono_to_epoch;
        if (push_record(w, at, &ev)) w->received++;
        else missing++; // out of memory: say so rather than drop it silently
        if (ev.what == PROC_EVENT_EXEC) push_program_read(w, ev.event_data.exec.process_tgid);
        break;
      }
      default:
        break; // GID, PTRACE: not part of procview's model
    }
  }
  return missing;
}

static void call_js(watcher *w, uint64_t lost, int32_t ack_err) {
  napi_env env = w->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value callback, recv, argv[4];
  void *data = NULL;
  size_t bytes = w->record_count * RECORD_BYTES;
  napi_get_reference_value(env, w->callback, &callback);
  napi_get_global(env, &recv); // napi_make_callback wants an object as receiver
  napi_create_arraybuffer(env, bytes, &data, &argv[0]);
  if (bytes > 0 && data != NULL) memcpy(data, w->records, bytes);
  napi_create_uint32(env, (uint32_t)w->record_count, &argv[1]);
  napi_create_double(env, (double)lost, &argv[2]);
  napi_create_int32(env, ack_err, &argv[3]);
  w->record_count = 0;
  w->batches++;
  w->last_call_ms = uv_now(w->poll.loop);
  napi_value result;
  double started = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  napi_status status = napi_make_callback(env, w->async_context, recv, callback, 4, argv, &result);
  w->js_ms += clock_ms(CLOCK_THREAD_CPUTIME_ID) - started;
  if (status == napi_pending_exception) {
    napi_value error;
    napi_get_and_clear_last_exception(env, &error);
    napi_fatal_exception(env, error);
  }
  napi_close_handle_scope(env, scope);
}

// Reads what is queued (bounded) into the records, without calling JavaScript: the socket is
// emptied at every readable notification, even within a coalescing window (only the call
// waits), so what is read at an exec (push_program_read) is read at once. Returns 0, or the
// errno of a read error other than "nothing more" (EAGAIN) and "overflowed" (ENOBUFS).
static int take(watcher *w) {
  // One (CLOCK_MONOTONIC, CLOCK_REALTIME) pair per read converts every timestamp.
  double mono_to_epoch = clock_ms(CLOCK_REALTIME) - clock_ms(CLOCK_MONOTONIC);
  uint8_t buf[8192] __attribute__((aligned(8)));
  double started = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  int failure = 0;
  for (int i = 0; i < MAX_DATAGRAMS_PER_TICK && !w->closed; i++) {
    ssize_t n = recv(w->fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOBUFS) { // the socket buffer overflowed: events were dropped
        w->pending_overflowed = 1;
        w->overflows++;
        continue;
      }
      if (errno != EAGAIN && errno != EWOULDBLOCK) failure = errno;
      break;
    }
    if (n == 0) break;
    w->pending_missing += parse_datagram(w, buf, (size_t)n, mono_to_epoch, &w->pending_ack);
  }
  w->read_ms += clock_ms(CLOCK_THREAD_CPUTIME_ID) - started;
  return failure;
}

// Hands what take() gathered to JavaScript, once. `failure`: the last read's errno, or 0.
static void deliver(watcher *w, int failure) {
  // A gap may show up only when that CPU's next event arrives; until then an overflow
  // counts as "at least 1", which later gaps then do not count twice.
  uint64_t missing = w->pending_missing;
  uint64_t lost = missing;
  if (lost >= w->lost_credit) {
    lost -= w->lost_credit;
    w->lost_credit = 0;
  } else {
    w->lost_credit -= lost;
    lost = 0;
  }
  if (w->pending_overflowed && missing == 0) {
    lost += 1;
    w->lost_credit += 1;
  }
  if (failure != 0 && lost == 0) lost = 1; // the consumer must resynchronise
  w->lost += lost;
  int32_t ack_err = w->pending_ack;
  w->pending_missing = 0;
  w->pending_overflowed = 0;
  w->pending_ack = -1;
  if (w->record_count > 0 || lost > 0 || ack_err != -1) call_js(w, lost, ack_err);
}

// Reads what is queued, then calls JavaScript once.
static int drain(watcher *w) {
  int failure = take(w);
  if (!w->closed) deliver(w, failure);
  return failure;
}

static void on_readable(uv_poll_t *poll, int status, int events);

// Drains, then polls again: libuv stops a poll on EPOLLERR, which a pending socket error
// (ENOBUFS after an overflow) raises, and the recv in drain() consumes that error. A read
// that failed otherwise means a broken fd: stop rather than spin.
static void drain_and_poll(watcher *w) {
  int failure = drain(w);
  if (w->closed) return; // a listener closed the source
  if (failure == 0) {
    uv_poll_start(&w->poll, UV_READABLE, on_readable);
  } else {
    w->failed = 1;
    uv_poll_stop(&w->poll);
  }
}

static void on_window_end(uv_timer_t *timer) {
  watcher *w = timer->data;
  if (!w->closed && !w->failed) drain_and_poll(w);
}

static void on_readable(uv_poll_t *poll, int status, int events) {
  (void)events;
  watcher *w = poll->data;
  if (w->closed) return;
  uint64_t since = uv_now(poll->loop) - w->last_call_ms;
  // The first batch goes at once (last_call_ms is 0 until then, and uv_now counts from boot).
  if (status >= 0 && w->batches > 0 && since < w->coalesce_ms) {
    uint64_t now = uv_now(poll->loop);
    if (now - w->takes_since >= 1000) {
      w->takes_since = now;
      w->takes = 0;
    }
    if (w->takes >= WINDOW_TAKES_PER_SECOND) {
      // A storm: let events gather in the socket buffer until the window ends.
      uv_poll_stop(poll);
      if (!uv_is_active((uv_handle_t *)&w->timer)) uv_timer_start(&w->timer, on_window_end, w->coalesce_ms - since, 0);
      return;
    }
    w->takes++;
    // Within the window: read the socket now (an exec's program is read as it comes), and let
    // the records gather until the window ends, when they go to JavaScript together.
    int failure = take(w);
    if (w->closed) return;
    if (failure != 0) {
      w->failed = 1;
      uv_timer_stop(&w->timer);
      uv_poll_stop(poll);
      deliver(w, failure);
      return;
    }
    // The poll stays on (an error, EPOLLERR, comes with status < 0 and drains below).
    if (!uv_is_active((uv_handle_t *)&w->timer)) uv_timer_start(&w->timer, on_window_end, w->coalesce_ms - since, 0);
    return;
  }
  uv_timer_stop(&w->timer);
  drain_and_poll(w);
}

static void on_handle_closed(uv_handle_t *handle) {
  watcher *w = handle->data;
  if (--w->open_handles > 0) return;
  if (w->cleanup != NULL) napi_remove_async_cleanup_hook(w->cleanup);
  free(w->next_seq);
  free(w->seen_cpu);
  free(w->records);
  free(w);
}

// Unsubscribe, stop polling, close the fd now; the watcher is freed when libuv has
// closed both handles.
static void shutdown_watcher(watcher *w, int unsubscribe) {
  if (w->closed) return;
  w->closed = 1;
  if (unsubscribe) send_mcast_op(w->fd, PROC_CN_MCAST_IGNORE, 0);
  uv_poll_stop(&w->poll);
  uv_timer_stop(&w->timer);
  uv_close((uv_handle_t *)&w->poll, on_handle_closed);
  uv_close((uv_handle_t *)&w->timer, on_handle_closed);
  close(w->fd);
  w->fd = -1;
}

static void release_js(watcher *w) {
  napi_env env = w->env;
  if (w->callback) napi_delete_reference(env, w->callback);
  if (w->self) napi_delete_reference(env, w->self);
  if (w->async_context) napi_async_destroy(env, w->async_context);
  w->callback = NULL;
  w->self = NULL;
  w->async_context = NULL;
}

// The environment is going away (process exit, worker end) with the source still open:
// close it; on_handle_closed() then tells Node we are done by removing the hook.
static void on_env_teardown(napi_async_cleanup_hook_handle hook, void *arg) {
  (void)hook;
  watcher *w = arg;
  if (!w->closed) shutdown_watcher(w, 1);
}

static void finalize_box(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  free(data);
}

static watcher *unwrap(napi_env env, napi_callback_info info, napi_value *out_handle) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1) return NULL;
  handle_box *box = NULL;
  if (napi_get_value_external(env, argv[0], (void **)&box) != napi_ok || box == NULL) return NULL;
  if (out_handle) *out_handle = argv[0];
  return box->w;
}

static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type != napi_function) {
    napi_throw_type_error(env, NULL, "open(onBatch, nonce): onBatch must be a function");
    return NULL;
  }
  uint32_t nonce = 0;
  if (argc >= 2) napi_get_value_uint32(env, argv[1], &nonce);
  int32_t size = RCVBUF_BYTES; // tests ask for a small buffer to provoke ENOBUFS
  if (argc >= 3) napi_get_value_int32(env, argv[2], &size);
  uint32_t coalesce_ms = COALESCE_MS; // benchmarks compare windows
  if (argc >= 4) napi_get_value_uint32(env, argv[3], &coalesce_ms);

  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_CONNECTOR);
  if (fd < 0) {
    throw_errno(env, errno, "socket");
    return NULL;
  }
  // SO_RCVBUFFORCE passes the rmem_max limit (CAP_NET_ADMIN, which we need anyway).
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  struct sockaddr_nl addr = {.nl_family = AF_NETLINK, .nl_pid = 0, .nl_groups = CN_IDX_PROC};
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    int err = errno;
    close(fd);
    throw_errno(env, err, "bind");
    return NULL;
  }
  int err = send_mcast_op(fd, PROC_CN_MCAST_LISTEN, nonce);
  if (err != 0) {
    close(fd);
    throw_errno(env, err, "send");
    return NULL;
  }

  watcher *w = calloc(1, sizeof *w);
  handle_box *box = calloc(1, sizeof *box);
  if (w == NULL || box == NULL) {
    free(w);
    free(box);
    close(fd);
    throw_errno(env, ENOMEM, "calloc");
    return NULL;
  }
  w->fd = fd;
  w->env = env;
  w->nonce = nonce;
  box->w = w;
  uv_loop_t *loop = NULL;
  napi_get_uv_event_loop(env, &loop);
  if (loop == NULL || uv_timer_init(loop, &w->timer) != 0) {
    free(w);
    free(box);
    close(fd);
    throw_errno(env, EINVAL, "uv_timer_init");
    return NULL;
  }
  w->timer.data = w;
  int poll_err = uv_poll_init(loop, &w->poll, fd);
  if (poll_err != 0) {
    w->open_handles = 1;
    uv_close((uv_handle_t *)&w->timer, on_handle_closed); // frees w
    free(box);
    close(fd);
    throw_errno(env, -poll_err, "uv_poll_init");
    return NULL;
  }
  w->poll.data = w;
  w->open_handles = 2;
  w->coalesce_ms = coalesce_ms;
  w->pending_ack = -1;
  napi_value handle, resource, name;
  napi_create_external(env, box, finalize_box, NULL, &handle);
  napi_create_object(env, &resource);
  napi_create_string_utf8(env, "procview:kernel-events", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, resource, name, &w->async_context);
  napi_create_reference(env, argv[0], 1, &w->callback);
  napi_create_reference(env, handle, 1, &w->self);
  napi_add_async_cleanup_hook(env, on_env_teardown, w, &w->cleanup);
  uv_poll_start(&w->poll, UV_READABLE, on_readable);
  return handle;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  napi_value handle;
  watcher *w = unwrap(env, info, &handle);
  if (w == NULL) return NULL;
  handle_box *box = NULL;
  napi_get_value_external(env, handle, (void **)&box);
  box->w = NULL;
  release_js(w);
  shutdown_watcher(w, 1);
  return NULL;
}

// A reader about to read /proc takes in first every event the kernel has sent so far: an exec
// chain or a fork storm can sit in the socket for a coalescing window (or until the loop polls)
// while the read already shows their result. Same drain as a readable notification, called
// from JavaScript; the window's timer, if running, then finds nothing and polls again.
static napi_value js_take_now(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info, NULL);
  // A broken fd was reported once (lost >= 1, the consumer rescans); reading it again would spin.
  if (w == NULL || w->closed || w->failed) return NULL;
  int failure = drain(w);
  if (failure != 0 && !w->closed) {
    w->failed = 1;
    uv_timer_stop(&w->timer);
    uv_poll_stop(&w->poll);
  }
  return NULL;
}

static void set_number(napi_env env, napi_value obj, const char *key, double value) {
  napi_value v;
  napi_create_double(env, value, &v);
  napi_set_named_property(env, obj, key, v);
}

static napi_value js_stats(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info, NULL);
  napi_value obj;
  napi_create_object(env, &obj);
  if (w == NULL) return obj;
  set_number(env, obj, "received", (double)w->received);
  set_number(env, obj, "lost", (double)w->lost);
  set_number(env, obj, "overflows", (double)w->overflows);
  set_number(env, obj, "batches", (double)w->batches);
  set_number(env, obj, "fd", (double)w->fd);
  set_number(env, obj, "readCpuMs", w->read_ms);
  set_number(env, obj, "jsCpuMs", w->js_ms);
  return obj;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"open", NULL, js_open, NULL, NULL, NULL, napi_enumerable, NULL},
      {"close", NULL, js_close, NULL, NULL, NULL, napi_enumerable, NULL},
      {"stats", NULL, js_stats, NULL, NULL, NULL, napi_enumerable, NULL},
      {"takeNow", NULL, js_take_now, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_value record_bytes;
  napi_create_uint32(env, RECORD_BYTES, &record_bytes);
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  napi_set_named_property(env, exports, "recordBytes", record_bytes);
  return exports;
}
