// Parser for the lines of /proc/PID/status that procps ps reads there: the
// effective uid (`ps -o uid`), VmLck (the `L` in STAT) and VmRSS (`ps -o rss`).
//
// One pass from the top, looking only at the first bytes of each line, and it
// stops once all three lines were seen: the kernel prints Uid, VmLck and VmRSS
// in the first half of the file (fs/proc/array.c proc_pid_status). A first
// scan parses every process's status, so this is one of its inner loops; three
// Buffer.indexOf calls over the whole text each cost more than this walk.

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

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// The labels, bytes after the line's first letter (`U`, `V`) up to and including the colon.
const U = 0x55;
const V = 0x56;
const UID_REST = Buffer.from('id:');
const VMLCK_REST = Buffer.from('mLck:');
const VMRSS_REST = Buffer.from('mRSS:');

// Where the last number read ended (numberAt), so a second number can follow it.
let numberEnd = 0;

/**
 * The fields of the first `length` bytes of a status file. A label counts at
 * the start of a line after the first (the Name line may hold any text); the
 * first line with a label decides, even when its number is malformed.
 */
export function parseStatus(bytes: Buffer, length: number = bytes.length): StatusFields {
  const end = Math.min(length, bytes.length);
  let euid: number | undefined;
  let lockedKb: number | undefined;
  let rssKb: number | undefined;
  let seenUid = false;
  let seenLck = false;
  let seenRss = false;
  let pos = 0;
  while (!(seenUid && seenLck && seenRss)) {
    // To the start of the next line.
    while (pos < end && bytes[pos] !== NEWLINE) pos++;
    pos++;
    if (pos >= end) break;
    const first = bytes[pos];
    if (first === U) {
      if (!seenUid && labelAt(bytes, pos + 1, end, UID_REST)) {
        seenUid = true;
        // Real uid first, then the effective one.
        if (numberAt(bytes, pos + 1 + UID_REST.length, end) !== undefined) euid = numberAt(bytes, numberEnd, end);
      }
    } else if (first === V) {
      if (!seenLck && labelAt(bytes, pos + 1, end, VMLCK_REST)) {
        seenLck = true;
        lockedKb = numberAt(bytes, pos + 1 + VMLCK_REST.length, end);
      } else if (!seenRss && labelAt(bytes, pos + 1, end, VMRSS_REST)) {
        seenRss = true;
        rssKb = numberAt(bytes, pos + 1 + VMRSS_REST.length, end);
      }
    }
  }
  return { euid, lockedKb: lockedKb ?? 0, rssKb: rssKb ?? 0 };
}

/** Whether bytes [at, at + label.length) are `label`, all of it before `end`. */
function labelAt(bytes: Buffer, at: number, end: number, label: Buffer): boolean {
  if (at + label.length > end) return false;
  for (let i = 0; i < label.length; i++) if (bytes[at + i] !== label[i]) return false;
  return true;
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
