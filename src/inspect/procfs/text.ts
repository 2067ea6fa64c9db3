// Byte ranges of proc files → strings. Most names and command lines are ASCII;
// those are copied straight out of the buffer, the rest go through the lossy
// UTF-8 decoder (invalid bytes → U+FFFD, shown as `?`). Both give the same text.
import { decodeUtf8Lossy } from '../../text/sanitize.js';

/**
 * The text of bytes [start, end). `ascii`: the caller has just looked at every
 * byte there (cmdline.ts) and says whether all are below 0x80. The ASCII test
 * is a loop here rather than buffer.isAscii, which takes a subarray (a new
 * Buffer object) per call: a first scan decodes two ranges per process.
 */
export function decodeRange(bytes: Buffer, start: number, end: number, ascii: boolean = isAsciiRange(bytes, start, end)): string {
  return ascii ? bytes.toString('latin1', start, end) : decodeUtf8Lossy(bytes.subarray(start, end));
}

function isAsciiRange(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}
