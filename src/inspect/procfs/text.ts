// Byte ranges of proc files → strings. Most names and command lines are ASCII;
// those are copied straight out of the buffer, the rest go through the lossy
// UTF-8 decoder (invalid bytes → U+FFFD, shown as `?`). Both give the same text.
import { decodeUtf8Lossy } from '../../text/sanitize.js';

export function decodeRange(bytes: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    if ((bytes[i] as number) >= 0x80) return decodeUtf8Lossy(bytes.subarray(start, end));
  }
  return bytes.toString('latin1', start, end);
}
