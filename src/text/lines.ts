// A byte stream (a pipe, a socket) cut into lines: complete lines come out
// without their '\n'; an unfinished last one waits for more. The UTF-8 decoder
// streams, so a character cut across two chunks (two reads, two packets)
// arrives whole; bytes that are not UTF-8 become U+FFFD.

export class LineSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8');

  /** `maxLength`: the longest unfinished line kept (UTF-16 units); past it, push says so. */
  constructor(private readonly maxLength = Number.POSITIVE_INFINITY) {}

  /** The complete lines in `chunk`, or undefined once the current line is too long (an error, not a memory sink). */
  push(chunk: Uint8Array): string[] | undefined {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    if (this.pending.length > this.maxLength) return undefined;
    return lines;
  }
}
