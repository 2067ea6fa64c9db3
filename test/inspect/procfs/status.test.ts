import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatus, signalIgnored } from '../../../src/inspect/procfs/status.js';

const FIXTURE = new URL('../../fixtures/proc/parse-hostile/', import.meta.url);

describe('parseStatus', () => {
  it('takes the effective uid (second of Uid:) and VmLck in kB', () => {
    expect(parseStatus(readFileSync(new URL('108/status', FIXTURE)))).toEqual({ euid: 1001, lockedKb: 64, rssKb: 800 });
    expect(parseStatus(readFileSync(new URL('1/status', FIXTURE)))).toEqual({ euid: 0, lockedKb: 0, rssKb: 800 });
  });

  it('reads VmLck and VmRSS as 0 when there is no memory map (zombies, kernel threads), as ps does', () => {
    expect(parseStatus(readFileSync(new URL('105/status', FIXTURE)))).toEqual({ euid: 0, lockedKb: 0, rssKb: 0 });
  });

  it('leaves euid undefined when there is no usable Uid line, never 0', () => {
    expect(parseStatus(Buffer.from('Name:\tx\nState:\tS\n'))).toEqual({ euid: undefined, lockedKb: 0, rssKb: 0 });
    expect(parseStatus(Buffer.from('Name:\tx\nUid:\t1000\n'))).toEqual({ euid: undefined, lockedKb: 0, rssKb: 0 });
    expect(parseStatus(Buffer.from('Name:\tx\nUid:\tabc\tdef\n'))).toEqual({ euid: undefined, lockedKb: 0, rssKb: 0 });
  });

  it('ignores labels in stale bytes past `length` and inside the Name line', () => {
    const real = Buffer.from('Name:\tUid:\t5\t5\nState:\tS\n');
    const scratch = Buffer.concat([real, Buffer.from('\nUid:\t7\t7\t7\t7\nVmLck:\t9 kB\n')]);
    expect(parseStatus(scratch, real.length)).toEqual({ euid: undefined, lockedKb: 0, rssKb: 0 });
  });

  it('takes the first line with a label, and labels only at the start of a line after Name', () => {
    expect(parseStatus(Buffer.from('Name:\tx\nUid:\tabc\nUid:\t1\t2\nVmLck:\t3 kB\nVmLck:\t4 kB\n'))).toEqual({
      euid: undefined,
      lockedKb: 3,
      rssKb: 0,
    });
    expect(parseStatus(Buffer.from('Uid:\t1\t2\t3\t4\nX:\tUid:\t5\t6\n'))).toEqual({ euid: undefined, lockedKb: 0, rssKb: 0 });
    expect(parseStatus(Buffer.from('Name:\tx\nVmRSS:\t12 kB\nUid:\t1\t2\t3\t4\n'))).toEqual({ euid: 2, lockedKb: 0, rssKb: 12 });
  });

  it('reads every line of a real status file the kernel wrote', () => {
    const status = parseStatus(readFileSync('/proc/self/status'));
    expect(status.euid).toBe(process.geteuid?.());
    expect(status.rssKb).toBeGreaterThan(0);
  });

  it('does not read a label cut by the end of the data', () => {
    const text = Buffer.from('Name:\tx\nUid:\t1\t2\t3\t4\nVmLck:');
    expect(parseStatus(text, text.length - 2)).toEqual({ euid: 2, lockedKb: 0, rssKb: 0 });
  });
});

describe('signalIgnored', () => {
  const status = (mask: string): Buffer => Buffer.from(`Name:\tperl\nSigQ:\t0/31\nSigPnd:\t0000000000000000\nSigIgn:\t${mask}\nSigCgt:\t0000000180000000\n`);

  it('reads bit N-1 of the hexadecimal SigIgn mask for signal N (proc(5))', () => {
    // SIGCHLD (17): bit 16, the fifth digit from the right.
    expect(signalIgnored(status('0000000000010000'), 17)).toBe(true);
    expect(signalIgnored(status('0000000000010000'), 1)).toBe(false);
    expect(signalIgnored(status('0000000000001000'), 17)).toBe(false);
    expect(signalIgnored(status('0000000000000001'), 1)).toBe(true);
    expect(signalIgnored(status('8000000000000000'), 64)).toBe(true);
    expect(signalIgnored(status('00000000000F0000'), 20)).toBe(true);
    expect(signalIgnored(status('00000000000a0000'), 18)).toBe(true);
  });

  it('is undefined without a well-formed SigIgn line, and reads nothing past `length`', () => {
    expect(signalIgnored(Buffer.from('Name:\tx\nState:\tZ\n'), 17)).toBeUndefined();
    expect(signalIgnored(Buffer.from('Name:\tx\nSigIgn:\t00zz\n'), 17)).toBeUndefined();
    expect(signalIgnored(Buffer.from('Name:\tSigIgn:\t0000000000010000\n'), 17)).toBeUndefined();
    const real = Buffer.from('Name:\tx\nState:\tS\n');
    expect(signalIgnored(Buffer.concat([real, Buffer.from('SigIgn:\t0000000000010000\n')]), 17, real.length)).toBeUndefined();
  });
});
