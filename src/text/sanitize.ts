// Untrusted text (process names, command lines, chat messages) must be inert
// before it reaches a terminal. procps escape.c turns C0, DEL, C1 and invalid
// UTF-8 into `?`; we do the same, one `?` per offending code point.
import { isUtf8 } from 'node:buffer';

/** Replacement for a code point that must not be drawn. */
const MARK = '?';

// C0 (U+0000..U+001F, ESC included), DEL (U+007F), C1 (U+0080..U+009F), and
// U+FFFD, which is what a lossy UTF-8 decode leaves where bytes were invalid.
// Also the bidi/line separators that can reorder or break a terminal line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ufffd\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Joiners that make one emoji of several (U+200D ZERO WIDTH JOINER before a pictograph: 👨‍👩‍👧)
 * and the selector that asks for emoji presentation (U+FE0F: ❤️). Terminals disagree on how wide
 * those are drawn (tmux 3.3 draws the family in 2 cells, glibc's wcwidth and xterm in 6), and a
 * row drawn narrower than measured leaves the previous row's text on screen. Without them every
 * terminal draws each emoji alone, as wide as text/width.ts measures it. A joiner between letters
 * (Indic scripts) stays.
 */
const EMOJI_GLUE = /\u200d(?=\p{Extended_Pictographic})|\ufe0f/gu;

/** procps-style: every control, escape or invalid-UTF-8 code point becomes `?`. */
export function sanitizeForDisplay(text: string): string {
  return text.replace(UNSAFE, MARK);
}

/**
 * sanitizeForDisplay for text laid out in columns or cells (the dashboard, ps and tree listings),
 * where its measured width must be the width drawn: emoji are drawn one by one (EMOJI_GLUE left
 * out). Not for text read back (metric labels, paths a script reads, chat names).
 */
export function sanitizeForCells(text: string): string {
  const safe = sanitizeForDisplay(text);
  return safe.includes('\u200d') || safe.includes('\ufe0f') ? safe.replace(EMOJI_GLUE, '') : safe;
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** Decode bytes as UTF-8; each invalid sequence becomes U+FFFD (then `?` on display). */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/**
 * Decode bytes as UTF-8, or undefined when they are not valid UTF-8. Same
 * answer as a fatal TextDecoder (which also drops one leading BOM, U+FEFF as
 * EF BB BF), for a fraction of its cost on the chat server's every datagram:
 * isUtf8 validates without throwing, and Buffer's decoder skips the checks.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
}

// Whole escape sequences, so that stripping `ESC[31m` leaves nothing behind
// rather than a stray `[31m`: CSI (ESC [ or U+009B … final byte), OSC/DCS/SOS/PM/APC
// strings (ESC ] P X ^ _ or their C1 forms … terminated by BEL or ST), and
// two-byte ESC sequences.
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/gu;

/**
 * UNSAFE without the g flag, to ask whether there is anything to strip (test()
 * on a g regex moves its lastIndex). Every escape sequence starts with ESC or a
 * C1 code point, both UNSAFE: text without one has no sequence either.
 */
const HAS_UNSAFE = new RegExp(UNSAFE.source, 'u');

/** For chat text: drop escape sequences entirely, then drop every other control code point. */
export function stripControls(text: string): string {
  // Most chat lines are clean: one scan, and the text itself back, no copies.
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '');
}

/** Multi-line untrusted text for a plain terminal write: each line made safe, the line breaks kept. */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitizeForDisplay).join('\n');
}
