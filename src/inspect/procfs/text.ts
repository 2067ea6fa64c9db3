// Byte ranges of proc files → strings. Most names and command lines are ASCII;
// those are copied straight out of the buffer, the rest go through the lossy
// UTF-8 decoder (invalid bytes → U+FFFD, shown as `?`). Both give the same text.
import { isAscii } from 'node:buffer';
import { decodeUtf8Lossy } from '../../text/sanitize.js';

export function decodeRange(bytes: Buffer, start: number, end: number): string {
  const range = bytes.subarray(start, end);
  return isAscii(range) ? bytes.toString('latin1', start, end) : decodeUtf8Lossy(range);
}
