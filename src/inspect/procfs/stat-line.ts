// Parser for /proc/PID/stat (proc(5)). comm is only located (byte offsets),
// not decoded; the numbers are read by two regular expressions.

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

const CLOSE_PAREN = 0x29;

/** The last field every line must have (24: rss). */
const LAST_FIELD = 24;
/** The last field read when the line has it (41: policy, in every kernel since 2.5.19). */
const POLICY_FIELD = 41;

/** Field 1, the pid: digits, then ` (` (comm's opening). */
const PID = /^(\d+) \(/u;
/**
 * After comm's `)`: ` S ` (field 3, a state letter: R S D T t Z X I W P K x …;
 * anything else is malformed) and fields 4..24, each an optional `-` and
 * digits, one space between them; after field 24 a space, a newline (a fixture
 * may omit it) or the end. lastIndex stops at the end of field 24.
 */
const FIELDS_3_TO_24 = new RegExp(` ([A-Za-z]) ${Array.from({ length: LAST_FIELD - 3 }, () => '(-?\\d+)').join(' ')}(?=[ \\n]|$)`, 'uy');
/**
 * Fields 25..41 after field 24's separator: digits, one space between
 * (field 38, exit_signal, is the only signed one, and never negative in
 * practice); field 41, the policy, then ends with a space, a newline or the end.
 */
const FIELDS_25_TO_41 = new RegExp(`(?:\\d+ ){${POLICY_FIELD - LAST_FIELD - 1}}(\\d+)(?:[ \\n]|$)`, 'uy');

// Where the last field read ended, for lastParsedEnd().
let parsedEnd = 0;

/**
 * Where field 24 (rss) ended in the line the last successful parseStatLine
 * read: bytes [0, end) hold every field StatFields is made of but the policy
 * (field 41), which the backend's unchanged-stat check compares on its own
 * (policyAfterField24: fields 25–40 between move without changing anything
 * shown). No later field holds a `)`, so a line that starts with those same
 * bytes, followed by a space, a newline or nothing, parses to the same fields
 * but the policy. (Not a StatFields member: it is an offset into one buffer,
 * not a field of the process.)
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
 * anything, and a one-shot `procview ps` never gets past that: a loop over
 * the bytes ran in the interpreter at ~15 µs a line, where a regular
 * expression (compiled to machine code once) and Number() take a fraction
 * of it, optimized or not. Warm, the loop was faster (~1.4 µs a line against
 * ~4 µs, and it allocated nothing), but a steady refresh parses only the lines
 * whose bytes changed (backend.ts compares them first), and every `ps`, `tree`
 * and dashboard start parses all of them cold. The text is the bytes as latin1,
 * one character per byte, so its offsets are byte offsets.
 */
export function parseStatLine(bytes: Buffer, length: number = bytes.length): StatFields | undefined {
  const end = Math.min(length, bytes.length);
  // comm may itself hold `)`, spaces or newlines (`a) Z 1 (b`), so it ends at
  // the LAST `)` of the line, as procps stat2proc and htop do.
  const commEnd = end > 0 ? bytes.lastIndexOf(CLOSE_PAREN, end - 1) : -1;
  if (commEnd < 0) return undefined;
  const text = bytes.toString('latin1', 0, end);
  const pid = PID.exec(text);
  if (pid === null) return undefined;
  const commStart = pid[0].length;
  if (commEnd < commStart) return undefined;
  FIELDS_3_TO_24.lastIndex = commEnd + 1;
  const f = FIELDS_3_TO_24.exec(text);
  if (f === null) return undefined;
  const end24 = FIELDS_3_TO_24.lastIndex;
  // Fields 25..41 (rsslim … policy), when the line has them. The old rule
  // stands for the rest of the line (nothing after field 24 can spoil the
  // fields above): a tail of another shape only leaves the policy unknown.
  const policy = end24 < end ? policyAt(text, end24 + 1) : undefined;
  parsedEnd = end24;
  // f[1] is the state letter; f[n] is field n + 2.
  return {
    pid: Number(pid[1]),
    commStart,
    commEnd,
    state: f[1] ?? '',
    ppid: field(f, 4),
    pgid: field(f, 5),
    sid: field(f, 6),
    ttyNr: field(f, 7),
    tpgid: field(f, 8),
    flags: field(f, 9),
    faults: field(f, 10) + field(f, 12),
    cpuTicks: field(f, 14) + field(f, 15),
    childCpuTicks: field(f, 16) + field(f, 17),
    priority: field(f, 18),
    nice: field(f, 19),
    threads: field(f, 20),
    startTicks: field(f, 22),
    vszBytes: field(f, 23),
    rssPages: field(f, 24),
    policy,
  };
}

/** Field 41 of stat text whose field 25 starts at `from`: the number, or undefined when the line stops before it or has another shape. */
function policyAt(text: string, from: number): number | undefined {
  FIELDS_25_TO_41.lastIndex = from;
  const digits = FIELDS_25_TO_41.exec(text)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Field 41 (policy) of the `length` bytes of a stat line whose field 24 ends
 * at `end24` (lastParsedEnd of an earlier parse of the same leading bytes), as
 * parseStatLine would read it. A change of policy alone (`chrt -p`) moves no
 * field up to 24, so a record reused while those bytes stand still must also
 * ask this (procfs/entry.ts samePolicy).
 */
export function policyAfterField24(bytes: Buffer, length: number, end24: number): number | undefined {
  return end24 < length ? policyAt(bytes.toString('latin1', end24 + 1, length), 0) : undefined;
}

/** Field `n` (4..24) of a FIELDS_3_TO_24 match; `-0` is 0. */
function field(match: RegExpExecArray, n: number): number {
  return Number(match[n - 2]) || 0;
}

/** PF_KTHREAD in field 9 (include/linux/sched.h): a kernel thread, with no memory map or command line. */
export const PF_KTHREAD = 0x00200000;

/** Whether field 9 holds `flag` (one PF_* bit). */
function hasFlag(fields: StatFields, flag: number): boolean {
  // flags reach 2^32; `&` would cut them to 32 bits signed, so test the bit arithmetically.
  return Math.floor(fields.flags / flag) % 2 === 1;
}

export function isKernelThread(fields: StatFields): boolean {
  return hasFlag(fields, PF_KTHREAD);
}

/** PF_FORKNOEXEC in field 9 (include/linux/sched.h): forked, and no exec since (fork-mark.ts). */
export const PF_FORKNOEXEC = 0x40;

export function isForkedNoExec(fields: StatFields): boolean {
  return hasFlag(fields, PF_FORKNOEXEC);
}
