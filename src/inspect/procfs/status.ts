// Parser for the lines of /proc/PID/status that procps ps reads there: the
// effective uid (`ps -o uid`), VmLck (the `L` in STAT) and VmRSS (`ps -o rss`).
//
// A first scan parses every process's status before V8 has optimized
// anything (a one-shot `procview ps` never gets further): a loop over the
// bytes ran in the interpreter at ~10 µs a file. Here the text is the bytes as
// latin1, the labels are found by the built-in indexOf and the numbers read by
// a regular expression (compiled to machine code once), whatever the tier.

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

/** A number as the kernel prints one here: blanks (spaces, tabs), then digits; no digits reads as undefined. */
const NUMBER = /[ \t]*(\d*)/uy;

/**
 * The fields of the first `length` bytes of a status file. A label counts at
 * the start of a line after the first (the Name line may hold any text); the
 * first line with a label decides, even when its number is malformed.
 */
export function parseStatus(bytes: Buffer, length: number = bytes.length): StatusFields {
  const text = bytes.toString('latin1', 0, Math.min(length, bytes.length));
  const uid = text.indexOf('\nUid:');
  // Real uid first, then the effective one.
  const euid = uid < 0 || numberAt(text, uid + 5) === undefined ? undefined : numberAt(text, NUMBER.lastIndex);
  return { euid, lockedKb: labelled(text, '\nVmLck:') ?? 0, rssKb: labelled(text, '\nVmRSS:') ?? 0 };
}

/** The number after the first line that starts with `label` (given with its newline), or undefined. */
function labelled(text: string, label: string): number | undefined {
  const at = text.indexOf(label);
  return at < 0 ? undefined : numberAt(text, at + label.length);
}

/** The unsigned number at `pos` after blanks, or undefined; NUMBER.lastIndex is where it ended. */
function numberAt(text: string, pos: number): number | undefined {
  NUMBER.lastIndex = pos;
  const digits = NUMBER.exec(text)?.[1];
  return digits === undefined || digits === '' ? undefined : Number(digits);
}
