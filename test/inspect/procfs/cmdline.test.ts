import { describe, expect, it } from 'vitest';
import { cmdlineToArgs } from '../../../src/inspect/procfs/cmdline.js';
import { sanitizeForDisplay } from '../../../src/text/sanitize.js';

const args = (text: string | Buffer): string => cmdlineToArgs(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe('cmdlineToArgs', () => {
  it('joins NUL-separated arguments with single spaces and drops trailing NULs', () => {
    expect(args('sleep\u000030\u0000')).toBe('sleep 30');
    expect(args('/opt/x\u0000--flag\u0000\u0000\u0000')).toBe('/opt/x --flag');
  });

  it("is '' for an empty file (kernel threads, zombies), and ? for arguments that join to nothing (procps fill_cmdline_cvt)", () => {
    expect(args('')).toBe('');
    expect(args('\u0000')).toBe('?');
    expect(args('\u0000\u0000')).toBe('?');
    // A rewritten title of one blank loses it (see below): nothing left.
    expect(args(' ')).toBe('?');
    expect(args(' \u0000')).toBe(' ');
  });

  it('keeps empty arguments in the middle and spaces inside arguments', () => {
    expect(args('printf\u0000\u0000a b\u0000')).toBe('printf  a b');
  });

  it('drops one trailing blank of a rewritten argv without NULs, as procps does', () => {
    expect(args('postgres: checkpointer   ')).toBe('postgres: checkpointer  ');
    expect(args('nginx: worker process')).toBe('nginx: worker process');
    expect(args('a\u0000b \u0000')).toBe('a b ');
  });

  it('turns newlines into spaces like NULs (procps read_unvectored), other controls stay raw', () => {
    expect(args('./new\nline\u000030\u0000')).toBe('./new line 30');
    expect(args('x\u0000arg\n\u0000')).toBe('x arg ');
    expect(args('echo\u0000\u0007\t\u0000')).toBe('echo \u0007\t');
  });

  it('stays raw but decodes invalid UTF-8 to U+FFFD, which display turns into `?`', () => {
    const raw = args(Buffer.from([0x2f, 0x62, 0xff, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x00]));
    expect(raw).toBe('/b\ufffd \u001b[31m');
    expect(sanitizeForDisplay(raw)).toBe('/b? ?[31m');
    expect(args(Buffer.from('caf\u00e9\u0000\u65e5\u672c\u0000'))).toBe('caf\u00e9 \u65e5\u672c');
  });

  it('reads only the first `length` bytes', () => {
    expect(cmdlineToArgs(Buffer.from('ls\u0000-l\u0000stale stale'), 6)).toBe('ls -l');
  });
});
