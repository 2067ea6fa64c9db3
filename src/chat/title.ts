// Setting a chat process's title (what it says: room-titles.ts), so `procview
// --watch chat` (and ps) can tell what each process of the room is, and which
// room it belongs to. How a title is set at all (libuv over the argv area,
// comm gets its first 15 bytes) is inspect/process-title.ts, shared with the
// lessons.
import { fitUtf8, setProcessTitle, titleCapacity } from '../inspect/process-title.js';

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

/** Sets `base HOST:PORT`, or `base` alone if the address does not fit whole (see fitRoomTitle). */
export function setRoomTitle(base: string, address: string): string {
  return setProcessTitle(fitRoomTitle(base, address, titleCapacity()));
}
