// Setting this process's title, as `ps` and the dashboard show it (the chat
// room's processes, the lessons'). Node sets the title through libuv, which
// writes it over the original argv strings: it can never be longer than they
// were together (less one NUL), and Linux also copies its first 15 bytes into
// comm.
import { readOwnCommandLineBytes } from './self.js';

let capacity: { readonly bytes: number | undefined } | undefined;

/**
 * Bytes the title may take (the argv area less its last NUL), measured once,
 * before the first change shrinks what /proc shows; undefined where unknown.
 */
export function titleCapacity(): number | undefined {
  if (capacity === undefined) {
    const area = readOwnCommandLineBytes();
    capacity = { bytes: area === undefined ? undefined : area - 1 };
  }
  return capacity.bytes;
}

/** Cuts at a character boundary so the kernel never shows half a UTF-8 sequence. */
export function fitUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Sets the title, cut to what the argv area holds; returns what was set. */
export function setProcessTitle(title: string): string {
  const room = titleCapacity();
  const fitted = room === undefined ? title : fitUtf8(title, room);
  process.title = fitted;
  return fitted;
}
