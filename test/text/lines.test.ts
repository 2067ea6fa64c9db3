// Cutting a byte stream into lines (src/text/lines.ts): the admin socket's
// frames, the lessons' commands and socket talk all go through it.
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/text/lines.js';

describe('LineSplitter', () => {
  it('split a stream into lines, refusing one that never ends', () => {
    const splitter = new LineSplitter(10);
    expect(splitter.push(Buffer.from('ab\ncd'))).toEqual(['ab']);
    expect(splitter.push(Buffer.from('e\n'))).toEqual(['cde']);
    expect(splitter.push(Buffer.from('x'.repeat(11)))).toBeUndefined();
  });

  it('keeps a multi-byte character whole when two chunks cut it', () => {
    const bytes = Buffer.from('exit 你好\nnext\n');
    const cut = bytes.indexOf(Buffer.from('你')) + 1; // inside 你's three bytes
    const splitter = new LineSplitter();
    expect(splitter.push(bytes.subarray(0, cut))).toEqual([]);
    expect(splitter.push(bytes.subarray(cut, cut + 1))).toEqual([]);
    expect(splitter.push(bytes.subarray(cut + 1))).toEqual(['exit 你好', 'next']);
  });

  it('cuts one byte at a time the same as all at once, 4-byte characters included', () => {
    const text = 'a😀b\n\nπ≈3.14\n';
    const whole = new LineSplitter().push(Buffer.from(text));
    const splitter = new LineSplitter();
    const byByte = [...Buffer.from(text)].flatMap((byte) => splitter.push(Uint8Array.of(byte)) ?? []);
    expect(whole).toEqual(['a😀b', '', 'π≈3.14']);
    expect(byByte).toEqual(whole);
  });

  it('has no limit unless given one', () => {
    expect(new LineSplitter().push(Buffer.alloc(1 << 20, 0x61))).toEqual([]);
  });
});
