// What the chat load generator writes into each message, and reads back from
// every delivery without decoding it to a string: the phase, the time the
// message was due (its schedule) and the time it really left, on a clock all
// load processes share.
//
//   C NAME P SSSSSSSSSSSSSSS AAAAAAAAAAAAAAA     (sent)
//   NAME says: P SSSSSSSSSSSSSSS AAAAAAAAAAAAAAA  (delivered)
//
// P marks the phase: `w` the warm-up, `a`, `b`, … the measured runs, so a late
// delivery is never counted in the wrong one. S and A are microseconds of the
// clock, zero-padded to a fixed width so a receiver finds them at fixed
// offsets from the end of the datagram.

/** One ASCII letter (see phaseMark). */
export type Phase = string;

/** `w` for the warm-up (run -1), then `a`…`v` for the measured runs, round and round. */
export function phaseMark(run: number): Phase {
  return run < 0 ? 'w' : String.fromCharCode(0x61 + (run % 22));
}

const DIGITS = 15;
const SPACE = 0x20;
const ZERO = 0x30;

// performance.now() counts from this process's start; hrtime is CLOCK_MONOTONIC,
// the same in every process on the machine. Both come from the same clock, so
// the difference is constant: measured once at start, a plain now() per datagram.
// A now() read between two hrtime reads pins the offset to within half their
// gap; the tightest of a few such brackets is kept, and its half-gap is known.
function calibrate(): { readonly offsetMs: number; readonly uncertaintyMs: number } {
  let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before = Number(process.hrtime.bigint()) / 1e6;
    const now = performance.now();
    const after = Number(process.hrtime.bigint()) / 1e6;
    const half = (after - before) / 2;
    if (half < best.uncertaintyMs) best = { offsetMs: before + half - now, uncertaintyMs: half };
  }
  return best;
}

const { offsetMs: OFFSET_MS, uncertaintyMs } = calibrate();

/** How far sharedClockMs() may be from CLOCK_MONOTONIC at most (the calibration's half-gap). */
export const SHARED_CLOCK_UNCERTAINTY_MS = uncertaintyMs;

/** Milliseconds on the monotonic clock every process of this machine shares. */
export function sharedClockMs(): number {
  return performance.now() + OFFSET_MS;
}

function micros(ms: number): string {
  return String(Math.round(ms * 1000)).padStart(DIGITS, '0');
}

/** The text of a `C` message: its phase, when it was due and when it is sent (ms, shared clock). */
export function formatStamp(phase: Phase, dueMs: number, sentMs: number): string {
  return `${phase} ${micros(dueMs)} ${micros(sentMs)}`;
}

/** The DIGITS decimal digits at `start`, or -1 if one is not a digit. */
function readMicros(bytes: Uint8Array, start: number): number {
  let value = 0;
  for (let i = start; i < start + DIGITS; i += 1) {
    const digit = (bytes[i] ?? 0) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads the stamp at the end of a delivery into `out` ([due, sent] in ms);
 * false for anything else (join notices, the other phase's stragglers).
 */
export function readStamp(bytes: Uint8Array, phase: Phase, out: Float64Array): boolean {
  const end = bytes.length;
  const sentAt = end - DIGITS;
  const dueAt = sentAt - 1 - DIGITS;
  if (dueAt < 3 || bytes[dueAt - 3] !== SPACE || bytes[dueAt - 2] !== phase.charCodeAt(0) || bytes[dueAt - 1] !== SPACE || bytes[sentAt - 1] !== SPACE) {
    return false;
  }
  const due = readMicros(bytes, dueAt);
  const sent = readMicros(bytes, sentAt);
  if (due < 0 || sent < 0) return false;
  out[0] = due / 1000;
  out[1] = sent / 1000;
  return true;
}
