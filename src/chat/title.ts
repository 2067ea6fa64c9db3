// Setting a process title (what it says: room-titles.ts), so `procview
// --watch chat` (and ps) can tell what each process of the room is, and which
// room it belongs to. Node sets the title
// through libuv, which writes it over the original argv strings: it can never
// be longer than they were together (less one NUL), and Linux also copies its
// first 15 bytes into comm.
import { readOwnCommandLineBytes } from '../inspect/self.js';

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

/**
 * `base HOST:PORT` when it fits whole in `room` bytes, else `base` alone (cut
 * if need be): a cut address (`127.0.0.1:99` of `…:9999`) would name another
 * room, so the address is all or nothing.
 */
export function fitRoomTitle(base: string, address: string, room: number | undefined): string {
  const whole = `${base} ${address}`;
  if (room === undefined || Buffer.byteLength(whole) <= room) return whole;
  return fitUtf8(base, room);
}

/** Sets the title, cut to what the argv area holds; returns what was set. */
export function setProcessTitle(title: string): string {
  const room = titleCapacity();
  const fitted = room === undefined ? title : fitUtf8(title, room);
  process.title = fitted;
  return fitted;
}

/** Sets `base HOST:PORT`, or `base` alone if the address does not fit whole (see fitRoomTitle). */
export function setRoomTitle(base: string, address: string): string {
  return setProcessTitle(fitRoomTitle(base, address, titleCapacity()));
}
