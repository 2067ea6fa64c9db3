import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GONE, Scratch, UNREADABLE } from '../../../src/inspect/procfs/read-file.js';

const STAT = fileURLToPath(new URL('../../fixtures/proc/parse-hostile/108/stat', import.meta.url));

describe('Scratch', () => {
  it('reads a whole file, growing its buffer when the file does not fit', () => {
    const scratch = new Scratch(16);
    const length = scratch.readWhole(STAT);
    expect(scratch.bytes.subarray(0, length)).toEqual(readFileSync(STAT));
    expect(scratch.bytes.length).toBeGreaterThanOrEqual(length);
  });

  it('reads a live proc file in one piece', () => {
    const scratch = new Scratch(4096);
    const length = scratch.readWhole(`/proc/${process.pid}/stat`);
    expect(scratch.bytes.toString('latin1', 0, length)).toMatch(new RegExp(`^${process.pid} \\(.*\\) [A-Za-z] `));
  });

  it('tells a vanished process (ENOENT) from a file it cannot read', () => {
    const scratch = new Scratch(64);
    expect(scratch.readWhole('/proc/0/stat')).toBe(GONE);
    expect(scratch.readWhole('/nonexistent/stat')).toBe(GONE);
    // A directory opens but cannot be read (EISDIR): unreadable, not gone.
    expect(scratch.readWhole('/proc/self')).toBe(UNREADABLE);
    expect(scratch.readHead('/nonexistent')).toBe(GONE);
  });
});
