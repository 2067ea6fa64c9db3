// The classic wire protocol: one UTF-8 text datagram per request.
//   client → server: `L name` log in, `C name text` say, `Q name` quit,
//                    `H name` heartbeat (ours; classic servers ignore unknown verbs)
//   server → client: `OK`, a reason, chat lines, `EXIT` to the one who quits,
//                    `H` to a member's heartbeat (ours: a client that sees it
//                    knows its server answers, and so can tell when it stops).
import { decodeUtf8Strict } from '../text/sanitize.js';
import { MAX_NAME_CHARS } from './names.js';

/** Longest text accepted in a `C` datagram (issue 4). */
export const MAX_TEXT_BYTES = 1000;
/** Classic clients receive into a 1024-byte buffer and add a NUL: a line must fit in 1023. */
export const MAX_LINE_BYTES = 1023;
/** `C ` + a name of 32 four-byte characters + ` ` + text: anything longer cannot be valid. */
export const MAX_DATAGRAM_BYTES = 2 + MAX_NAME_CHARS * 4 + 1 + MAX_TEXT_BYTES;

/** Where a room listens, and a client looks for it, unless told otherwise: this machine only, the classic port. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 9999;
/** How often our client sends `H name` unless told otherwise. */
export const DEFAULT_HEARTBEAT_MS = 5000;

export const REPLY_OK = 'OK';
export const REPLY_EXIT = 'EXIT';
/** The answer to a member's `H name`. No chat line is a bare `H` (they all hold a name and words). */
export const REPLY_HEARTBEAT = 'H';

export type Request =
  | { readonly verb: 'L'; readonly name: string }
  | { readonly verb: 'C'; readonly name: string; readonly text: string }
  | { readonly verb: 'Q'; readonly name: string }
  | { readonly verb: 'H'; readonly name: string };

export type Malformed = 'empty' | 'unknown-verb' | 'missing-field' | 'invalid-utf8' | 'too-long';

export type Parsed = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly problem: Malformed; readonly verb: string | undefined };

const NUL = 0x00;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * Classic C clients may send their fgets buffer (trailing `\n`) or a fixed-size
 * buffer (trailing NULs); both are tolerated, nothing else is trimmed.
 */
function trimmedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === NUL) end -= 1;
  if (end > 0 && bytes[end - 1] === LF) end -= 1;
  if (end > 0 && bytes[end - 1] === CR) end -= 1;
  return end;
}

/** The verb if the datagram starts like `X ` or is just `X` (ASCII letter). */
function peekVerb(bytes: Uint8Array, end: number): string | undefined {
  const first = bytes[0];
  if (first === undefined || first > 0x7f) return undefined;
  if (end > 1 && bytes[1] !== SPACE) return undefined;
  return String.fromCharCode(first);
}

export function parseDatagram(bytes: Uint8Array): Parsed {
  const end = trimmedLength(bytes);
  const verb = peekVerb(bytes, end);
  if (end === 0) return { ok: false, problem: 'empty', verb: undefined };
  // Checked before decoding so a 64 KiB datagram costs nothing more than its length.
  if (end > MAX_DATAGRAM_BYTES) return { ok: false, problem: 'too-long', verb };
  const text = decodeUtf8Strict(bytes.subarray(0, end));
  if (text === undefined) return { ok: false, problem: 'invalid-utf8', verb };
  return parseText(text, verb);
}

function parseText(text: string, verb: string | undefined): Parsed {
  const rest = text.slice(2);
  switch (verb) {
    case 'L':
      // `L ` with nothing after it is a login with an empty name: answered with the name rule.
      return text.length < 2 ? missing(verb) : { ok: true, request: { verb, name: rest } };
    case 'Q':
    case 'H':
      return rest.length === 0 ? missing(verb) : { ok: true, request: { verb, name: rest } };
    case 'C': {
      const space = rest.indexOf(' ');
      if (space <= 0) return missing(verb);
      return { ok: true, request: { verb, name: rest.slice(0, space), text: rest.slice(space + 1) } };
    }
    default:
      return { ok: false, problem: 'unknown-verb', verb };
  }
}

function missing(verb: string): Parsed {
  return { ok: false, problem: 'missing-field', verb };
}

/** What a client sends. */
export function formatRequest(request: Request): string {
  return request.verb === 'C' ? `C ${request.name} ${request.text}` : `${request.verb} ${request.name}`;
}
