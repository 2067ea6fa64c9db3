// Byte ranges of proc files → strings. Most names and command lines are ASCII;
// those are copied straight out of the buffer, the rest go through the lossy
// UTF-8 decoder (invalid bytes → U+FFFD, shown as `?`). Both give the same text.
//
// Short ASCII texts (every comm, most command lines of workers, shells and
// sleepers) repeat across processes: the last one seen per hash slot is
// handed out again when the bytes match, so a first scan neither calls into
// the decoder nor keeps a copy per process of a name a hundred processes share.
import { decodeUtf8Lossy } from '../../text/sanitize.js';

/** Texts up to this many bytes are looked up among the recent ones. */
const RECENT_MAX_BYTES = 64;
/** Hash slots (a power of two): a few thousand bytes of strings at most, shared by every inspector. */
const RECENT_SLOTS = 1024;
const recent: string[] = new Array<string>(RECENT_SLOTS).fill('');

/**
 * The text of bytes [start, end). `ascii`: the caller has just looked at every
 * byte there (cmdline.ts) and says whether all are below 0x80, so a long text
 * is not looked at twice. The ASCII test is a loop here rather than
 * buffer.isAscii, which takes a subarray (a new Buffer object) per call.
 */
export function decodeRange(bytes: Buffer, start: number, end: number, ascii?: boolean): string {
  const length = end - start;
  if (length > RECENT_MAX_BYTES) {
    return (ascii ?? isAsciiRange(bytes, start, end)) ? bytes.toString('latin1', start, end) : decodeUtf8Lossy(bytes.subarray(start, end));
  }
  let hash = length;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte > 0x7f) return decodeUtf8Lossy(bytes.subarray(start, end));
    hash = (Math.imul(hash, 31) + byte) | 0;
  }
  const slot = hash & (RECENT_SLOTS - 1);
  const seen = recent[slot] ?? '';
  if (seen.length === length && sameText(seen, bytes, start)) return seen;
  const text = bytes.toString('latin1', start, end);
  recent[slot] = text;
  return text;
}

/** Whether `text` (ASCII) is the bytes from `start` on, as many as it has characters. */
function sameText(text: string, bytes: Buffer, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

function isAsciiRange(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}
