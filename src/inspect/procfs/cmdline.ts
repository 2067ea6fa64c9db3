// /proc/PID/cmdline holds argv as NUL-terminated strings; kernel threads and
// zombies have none (empty file). We join it as procps does (library
// readproc.c, read_unvectored): trailing NULs dropped, every other NUL and
// every newline turned into a space, and one trailing space dropped when the
// data ends in one (a rewritten argv padded with blanks).
import { decodeRange } from './text.js';

const NUL = 0;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * The command line as ps shows it, before display escaping; '' when the file is empty, '?' when its
 * arguments join to nothing.
 * Rewrites `bytes` in place (the caller's scratch buffer), then decodes
 * lossily, so invalid UTF-8 becomes U+FFFD. Other control characters stay raw.
 */
export function cmdlineToArgs(bytes: Buffer, length: number = bytes.length): string {
  const size = Math.min(length, bytes.length);
  let end = size;
  while (end > 0 && bytes[end - 1] === NUL) end--;
  // One pass: separators become spaces, and whether the text is ASCII is noted for decodeRange.
  let ascii = true;
  for (let at = 0; at < end; at++) {
    const byte = bytes[at] ?? 0;
    if (byte === NUL || byte === NEWLINE) bytes[at] = SPACE;
    else if (byte > 0x7f) ascii = false;
  }
  if (end === size && end > 0 && bytes[end - 1] === SPACE) end--;
  if (end > 0) return decodeRange(bytes, 0, end, ascii);
  // An empty file is no command line ('': ps shows [comm]); arguments that join to nothing (argv [""]) are
  // one that cannot be shown, which procps's library stores as "?" (readproc.c fill_cmdline_cvt).
  return size === 0 ? '' : '?';
}

/**
 * args from a cmdline read of `length` bytes, or undefined (not known yet)
 * when a live process reads empty. execve sets the new comm (begin_new_exec)
 * before the ELF loader sets up the argument area (create_elf_tables), so a
 * read in between sees the new name with an empty command line; kept, that
 * empty string would stand until the next exec. A zombie's reads empty for
 * good (state Z or X): that is its answer.
 */
export function argsAfterRead(bytes: Buffer, length: number, state: string | undefined): string | undefined {
  if (length === 0 && state !== 'Z' && state !== 'X') return undefined;
  return cmdlineToArgs(bytes, length);
}
