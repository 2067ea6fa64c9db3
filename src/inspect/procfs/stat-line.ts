// Parser for /proc/PID/stat (proc(5)). It works on raw bytes: a steady refresh
// parses thousands of these, so numbers are read digit by digit without
// splitting the line into strings, and comm is only located, not decoded.

/** The fields of one stat line that procview uses. Field numbers as in proc(5). */
export interface StatFields {
  /** Field 1. */
  readonly pid: number;
  /** Field 2 (comm) spans bytes [commStart, commEnd): inside the first `(` and the last `)`. */
  readonly commStart: number;
  readonly commEnd: number;
  /** Field 3: one state letter. */
  readonly state: string;
  /** Field 4. */
  readonly ppid: number;
  /** Field 5: pgrp. */
  readonly pgid: number;
  /** Field 6: session. */
  readonly sid: number;
  /** Field 7: tty_nr, the device number of the controlling terminal (0: none). */
  readonly ttyNr: number;
  /** Field 8: tpgid, the terminal's foreground process group (-1: none). */
  readonly tpgid: number;
  /** Field 9: the kernel's PF_* flags. */
  readonly flags: number;
  /** Fields 10 + 12: minflt + majflt, page faults of every thread: how resident memory grows. */
  readonly faults: number;
  /** Fields 14 + 15: utime + stime, in clock ticks. */
  readonly cpuTicks: number;
  /** Fields 16 + 17: cutime + cstime, what its waited-for children used, in clock ticks. */
  readonly childCpuTicks: number;
  /** Field 18: priority as the kernel reports it. */
  readonly priority: number;
  /** Field 19. */
  readonly nice: number;
  /** Field 20: num_threads. */
  readonly threads: number;
  /** Field 22: starttime, clock ticks after boot. */
  readonly startTicks: number;
  /** Field 23: vsize, bytes. */
  readonly vszBytes: number;
  /** Field 24: rss, pages. */
  readonly rssPages: number;
  /** Field 41: policy, the SCHED_* number; undefined on a line that stops before it. */
  readonly policy: number | undefined;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** The last field every line must have (24: rss). */
const LAST_FIELD = 24;
/** The last field read when the line has it (41: policy, in every kernel since 2.5.19). */
const POLICY_FIELD = 41;

// Reused between calls: values of fields 4..POLICY_FIELD (index = field number).
const numbers = new Float64Array(POLICY_FIELD + 1);
// Where the last field read ended, for lastParsedEnd().
let parsedEnd = 0;

/**
 * Where field 24 (rss) ended in the line the last successful parseStatLine
 * read: bytes [0, end) hold every field StatFields is made of but the policy
 * (field 41), which the backend's unchanged-stat check leaves out on purpose
 * (see procfs/backend.ts). No later field
 * holds a `)`, so a line that starts with those same bytes, followed by a
 * space, a newline or nothing, parses to the same fields. (Not a StatFields
 * member: it is an offset into one buffer, not a field of the process.)
 */
export function lastParsedEnd(): number {
  return parsedEnd;
}

/**
 * Parses the first `length` bytes of a stat file. Returns undefined when the
 * text does not have the shape proc(5) describes (never throws), so one odd
 * process cannot break a scan.
 *
 * The first scan parses every process's stat before V8 has optimized
 * anything, so the loops stay lean for its interpreter: one bounds test and
 * one range test per byte, no helper calls, and the last `)` found by the
 * built-in lastIndexOf.
 */
export function parseStatLine(bytes: Uint8Array, length: number = bytes.length): StatFields | undefined {
  const end = Math.min(length, bytes.length);
  // Field 1: pid, digits up to " (".
  let pos = 0;
  let pid = 0;
  let byte = end > 0 ? (bytes[0] ?? 0) : 0;
  while (byte >= DIGIT_0 && byte <= DIGIT_9) {
    pid = pid * 10 + (byte - DIGIT_0);
    pos++;
    byte = pos < end ? (bytes[pos] ?? 0) : 0;
  }
  if (pos === 0) return undefined;
  if (byte !== SPACE || pos + 1 >= end || bytes[pos + 1] !== OPEN_PAREN) return undefined;
  const commStart = pos + 2;
  // comm may itself hold `)`, spaces or newlines (`a) Z 1 (b`), so it ends at
  // the LAST `)` of the line, as procps stat2proc and htop do.
  const commEnd = end > 0 ? bytes.lastIndexOf(CLOSE_PAREN, end - 1) : -1;
  if (commEnd < commStart) return undefined;
  // ") S " — then field 4 onwards.
  pos = commEnd + 1;
  if (pos + 2 >= end || bytes[pos] !== SPACE || bytes[pos + 2] !== SPACE) return undefined;
  const stateByte = bytes[pos + 1] ?? 0;
  if (!isStateLetter(stateByte)) return undefined;
  pos += 3;
  let digitsEnd = pos;
  for (let field = 4; field <= LAST_FIELD; field++) {
    byte = pos < end ? (bytes[pos] ?? 0) : 0;
    const negative = byte === MINUS;
    if (negative) {
      pos++;
      byte = pos < end ? (bytes[pos] ?? 0) : 0;
    }
    const digitsStart = pos;
    let value = 0;
    while (byte >= DIGIT_0 && byte <= DIGIT_9) {
      value = value * 10 + (byte - DIGIT_0);
      pos++;
      byte = pos < end ? (bytes[pos] ?? 0) : 0;
    }
    if (pos === digitsStart) return undefined;
    digitsEnd = pos;
    numbers[field] = negative && value !== 0 ? -value : value;
    // One space between fields; the line ends with a newline (a fixture may omit it).
    if (pos < end) {
      if (byte !== SPACE && !(byte === NEWLINE && field === LAST_FIELD)) return undefined;
      pos++;
    } else if (field < LAST_FIELD) {
      return undefined;
    }
  }
  const end24 = digitsEnd;
  // Fields 25..41 (rsslim … policy), when the line has them. The old rule
  // stands for the rest of the line (nothing after field 24 can spoil the
  // fields above): a tail of another shape only leaves the policy unknown.
  let policy: number | undefined;
  for (let field = LAST_FIELD + 1; field <= POLICY_FIELD && pos < end; field++) {
    byte = bytes[pos] ?? 0;
    const digitsStart = pos;
    let value = 0;
    while (byte >= DIGIT_0 && byte <= DIGIT_9) {
      value = value * 10 + (byte - DIGIT_0);
      pos++;
      byte = pos < end ? (bytes[pos] ?? 0) : 0;
    }
    const separated = pos >= end || byte === SPACE || byte === NEWLINE;
    // Field 38 (exit_signal) is the only signed one, and never negative in practice.
    if (pos === digitsStart || !separated) break;
    if (field === POLICY_FIELD) policy = value;
    if (byte !== SPACE) break;
    pos++;
  }
  parsedEnd = end24;
  return {
    pid,
    commStart,
    commEnd,
    state: String.fromCharCode(stateByte),
    ppid: at(4),
    pgid: at(5),
    sid: at(6),
    ttyNr: at(7),
    tpgid: at(8),
    flags: at(9),
    faults: at(10) + at(12),
    cpuTicks: at(14) + at(15),
    childCpuTicks: at(16) + at(17),
    priority: at(18),
    nice: at(19),
    threads: at(20),
    startTicks: at(22),
    vszBytes: at(23),
    rssPages: at(24),
    policy,
  };
}

function at(field: number): number {
  return numbers[field] ?? 0;
}

/** State letters are ASCII letters (R S D T t Z X I W P K x …); anything else is malformed. */
function isStateLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** PF_KTHREAD in field 9 (include/linux/sched.h): a kernel thread, with no memory map or command line. */
export const PF_KTHREAD = 0x00200000;

export function isKernelThread(fields: StatFields): boolean {
  // flags reach 2^32; `&` would cut them to 32 bits signed, so test the bit arithmetically.
  return Math.floor(fields.flags / PF_KTHREAD) % 2 === 1;
}
