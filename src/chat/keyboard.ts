// Reading the name before the client forks: the parent must take exactly one
// line from stdin and leave the rest (already typed or piped) to the keyboard
// child, which inherits the same stdin. A buffered stream would swallow that
// rest, so this reads one byte at a time, synchronously, as fgets would.
import { readSync } from 'node:fs';
import { errnoOf } from '../process/errno.js';

const MAX_LINE_BYTES = 4096;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** One line from `fd` without its line ending, or undefined at end of input. */
export function readLineSync(fd = 0): string | undefined {
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, one, 0, 1, null);
    } catch (error) {
      const code = errnoOf(error);
      // A stdin some parent left non-blocking: wait a moment and try again.
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') count = 0;
      else throw error;
    }
    if (count === 0) return bytes.length === 0 ? undefined : finish(bytes);
    const byte = one[0];
    if (byte === 0x0a) return finish(bytes);
    if (byte !== undefined && bytes.length < MAX_LINE_BYTES) bytes.push(byte);
  }
}

function finish(bytes: number[]): string {
  if (bytes[bytes.length - 1] === 0x0d) bytes.pop();
  return Buffer.from(bytes).toString('utf8');
}
