// blessed reads terminal input one chunk (one read) at a time, and a chunk
// with a mouse report in it yields that one report only: a second report in
// the same chunk is lost, and so are the keys beside it (blessed/lib/keys.js
// skips any chunk that holds a report). A click is two reports, press and
// release, and a busy dashboard or a fast wheel gets several in one read. So
// input chunks are cut at mouse-report boundaries before blessed sees them.

// SGR (1006): ESC [ < b ; x ; y M|m, and urxvt (1015): ESC [ b ; x ; y M. Both
// are ASCII, so their offsets in a latin1 reading are byte offsets.
const MOUSE_REPORT = /\u001b\[<\d+;\d+;\d+[Mm]|\u001b\[\d+;\d+;\d+M/g;

/** `text` cut so that each mouse report stands alone; other text stays together between them. */
export function splitMouseReports(text: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(MOUSE_REPORT)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(match[0]);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * Makes `input` emit each mouse report of a chunk as a chunk of its own (see
 * above); returns the undo. Chunks without two parts go through untouched.
 */
export function separateMouseReports(input: NodeJS.ReadableStream): () => void {
  const own = Object.hasOwn(input, 'emit') ? input.emit : undefined;
  const emit = input.emit.bind(input);
  const separated = (event: string | symbol, ...args: unknown[]): boolean => {
    const [chunk] = args;
    if (event !== 'data' || !Buffer.isBuffer(chunk)) return emit(event, ...args);
    // Reports are ASCII: cutting at their edges never splits a UTF-8 character.
    const parts = splitMouseReports(chunk.toString('latin1'));
    if (parts.length <= 1) return emit(event, ...args);
    let offset = 0;
    for (const part of parts) {
      emit('data', chunk.subarray(offset, offset + part.length));
      offset += part.length;
    }
    return true;
  };
  input.emit = separated;
  return () => {
    if (input.emit !== separated) return;
    if (own === undefined) Reflect.deleteProperty(input, 'emit');
    else input.emit = own;
  };
}
