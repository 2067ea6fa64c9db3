// Parser for the lines of /proc/PID/status that procps ps reads there: the
// effective uid (`ps -o uid`), VmLck (the `L` in STAT) and VmRSS (`ps -o rss`).
//
// A first scan parses every process's status before V8 has optimized
// anything (a one-shot `procview ps` never gets further): a loop over all the
// bytes ran in the interpreter at ~10 µs a file. Here the built-in
// Buffer.indexOf finds each label, whatever the tier, and only the few bytes
// of each number are walked in JavaScript. Nothing is decoded: a scan reads
// thousands of these, and 1.4 kB of text each was 3 MB of garbage.

export interface StatusFields {
  /** `Uid:` holds real, effective, saved and filesystem uid; the second one. Undefined if absent. */
  readonly euid: number | undefined;
  /** `VmLck:` in kB. Kernel threads and zombies have no memory map and no such line: 0, as ps reads it. */
  readonly lockedKb: number;
  /**
   * `VmRSS:` in kB; 0 without a memory map. Exact, where stat field 24 is the
   * kernel's per-CPU approximation (since Linux 6.16 the two differ).
   */
  readonly rssKb: number;
}

const TAB = 0x09;
const SPACE = 0x20;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// Each label with the newline before it: it counts at the start of a line after the first.
const UID = Buffer.from('\nUid:', 'latin1');
const VMLCK = Buffer.from('\nVmLck:', 'latin1');
const VMRSS = Buffer.from('\nVmRSS:', 'latin1');

// Where the last number read ended (numberAt), so a second number can follow it.
let numberEnd = 0;

/**
 * The fields of the first `length` bytes of a status file. A label counts at
 * the start of a line after the first (the Name line may hold any text); the
 * first line with a label decides, even when its number is malformed.
 */
export function parseStatus(bytes: Buffer, length: number = bytes.length): StatusFields {
  const end = Math.min(length, bytes.length);
  const uid = after(bytes, UID, end);
  // Real uid first, then the effective one.
  const euid = uid < 0 || numberAt(bytes, uid, end) === undefined ? undefined : numberAt(bytes, numberEnd, end);
  const locked = after(bytes, VMLCK, end);
  const rss = after(bytes, VMRSS, end);
  return { euid, lockedKb: (locked < 0 ? undefined : numberAt(bytes, locked, end)) ?? 0, rssKb: (rss < 0 ? undefined : numberAt(bytes, rss, end)) ?? 0 };
}

/** Where the first `label` of bytes [0, end) ends, or -1. (Bytes past `end` may be another file's: a later match is none.) */
function after(bytes: Buffer, label: Buffer, end: number): number {
  const at = bytes.indexOf(label);
  return at < 0 || at + label.length > end ? -1 : at + label.length;
}

/** The unsigned number after the blanks (spaces, tabs) at `pos`, or undefined; sets numberEnd. */
function numberAt(bytes: Buffer, pos: number, end: number): number | undefined {
  let byte = pos < end ? bytes[pos] : undefined;
  while (byte === SPACE || byte === TAB) byte = ++pos < end ? bytes[pos] : undefined;
  const start = pos;
  let value = 0;
  while (byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9) {
    value = value * 10 + (byte - DIGIT_0);
    byte = ++pos < end ? bytes[pos] : undefined;
  }
  numberEnd = pos;
  return pos === start ? undefined : value;
}

const SIGIGN = Buffer.from('\nSigIgn:', 'latin1');

/**
 * Whether signal number `signal` is in the `SigIgn:` mask of a status file's
 * first `length` bytes (hexadecimal, bit N-1 for signal N: proc(5)); undefined
 * when the line is missing or malformed.
 */
export function signalIgnored(bytes: Buffer, signal: number, length: number = bytes.length): boolean | undefined {
  const end = Math.min(length, bytes.length);
  let pos = after(bytes, SIGIGN, end);
  if (pos < 0) return undefined;
  while (pos < end && (bytes[pos] === SPACE || bytes[pos] === TAB)) pos += 1;
  let last = pos;
  while (last < end && hexDigit(bytes[last]) !== undefined) last += 1;
  const bit = signal - 1;
  const digit = last - 1 - Math.floor(bit / 4);
  if (last === pos || (last < end && bytes[last] !== NEWLINE)) return undefined;
  // A mask shorter than the signal's digit has that bit clear.
  return digit >= pos && (((hexDigit(bytes[digit]) ?? 0) >> (bit % 4)) & 1) === 1;
}

const NEWLINE = 0x0a;

function hexDigit(byte: number | undefined): number | undefined {
  if (byte === undefined) return undefined;
  if (byte >= DIGIT_0 && byte <= DIGIT_9) return byte - DIGIT_0;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : undefined;
}
