// Parser for the lines of /proc/PID/status that procps ps reads there: the
// effective uid (`ps -o uid`), VmLck (the `L` in STAT) and VmRSS (`ps -o rss`).

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

const UID_LABEL = Buffer.from('\nUid:');
const VMLCK_LABEL = Buffer.from('\nVmLck:');
const VMRSS_LABEL = Buffer.from('\nVmRSS:');

export function parseStatus(bytes: Buffer, length: number = bytes.length): StatusFields {
  return {
    euid: numberAfter(bytes, length, UID_LABEL, 1),
    lockedKb: numberAfter(bytes, length, VMLCK_LABEL, 0) ?? 0,
    rssKb: numberAfter(bytes, length, VMRSS_LABEL, 0) ?? 0,
  };
}

/** The unsigned number at position `index` (0-based, blank-separated) after `label`, or undefined. */
function numberAfter(bytes: Buffer, length: number, label: Buffer, index: number): number | undefined {
  const at = bytes.indexOf(label);
  // The buffer is scratch space: a match past `length` is stale bytes, not this file.
  if (at < 0 || at + label.length > length) return undefined;
  let pos = at + label.length;
  for (let i = 0; ; i++) {
    while (pos < length && (bytes[pos] === 0x20 || bytes[pos] === 0x09)) pos++;
    const start = pos;
    let value = 0;
    for (let byte = bytes[pos]; pos < length && byte !== undefined && byte >= 0x30 && byte <= 0x39; byte = bytes[++pos]) {
      value = value * 10 + (byte - 0x30);
    }
    if (pos === start) return undefined;
    if (i === index) return value;
  }
}
