import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKernelThread, lastParsedEnd, parseStatLine } from '../../../src/inspect/procfs/stat-line.js';

const FIXTURE = new URL('../../fixtures/proc/parse-hostile/', import.meta.url);
const fixtureStat = (pid: number): Buffer => readFileSync(new URL(`${pid}/stat`, FIXTURE));

// Fields 25..52 as a kernel writes them: rsslim … exit_signal 17 (38), processor 1 (39),
// rt_priority 0 (40), policy 3 = SCHED_BATCH (41), then eleven more.
const TAIL = '18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 3 0 0 0 0 0 0 0 0 0 0 0\n';
/** A full stat line around `comm`, with recognisable numbers in every field we read. */
function line(comm: string, state = 'S'): Buffer {
  return Buffer.from(`4321 (${comm}) ${state} 17 4321 4000 34817 4321 4194560 1 0 0 0 250 50 7 3 21 1 3 0 98765 1234567 89 ${TAIL}`);
}

function comm(bytes: Buffer): string | undefined {
  const fields = parseStatLine(bytes);
  return fields === undefined ? undefined : bytes.toString('utf8', fields.commStart, fields.commEnd);
}

describe('parseStatLine', () => {
  it('reads every field procview uses, by proc(5) number', () => {
    expect(parseStatLine(line('sleep'))).toEqual({
      pid: 4321,
      commStart: 6,
      commEnd: 11,
      state: 'S',
      ppid: 17,
      pgid: 4321,
      sid: 4000,
      ttyNr: 34817,
      tpgid: 4321,
      flags: 4194560,
      faults: 1,
      cpuTicks: 300,
      childCpuTicks: 10,
      priority: 21,
      nice: 1,
      threads: 3,
      startTicks: 98765,
      vszBytes: 1234567,
      rssPages: 89,
      policy: 3,
    });
  });

  it('reads field 41 (policy), and leaves it unknown on a line that stops short of it', () => {
    const head = '7 (x) S 1 7 7 0 -1 0 0 0 0 0 1 2 0 0 -11 0 1 0 5 6 7';
    const fifo = ` 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 10 1 0 0 0 0 0 0 0 0 0 0 0\n`;
    expect(parseStatLine(Buffer.from(head + fifo))).toMatchObject({ priority: -11, nice: 0, policy: 1 });
    expect(parseStatLine(Buffer.from(`${head}\n`))?.policy).toBeUndefined();
    expect(parseStatLine(Buffer.from(`${head} 8 9\n`))?.policy).toBeUndefined();
    // A tail of another shape leaves the policy unknown, not the line unreadable.
    expect(parseStatLine(Buffer.from(`${head} 8 x 9\n`))).toMatchObject({ rssPages: 7, policy: undefined });
  });

  it('splits comm at the LAST `)`, so names that look like fields parse right', () => {
    for (const name of ['a) Z 1 (b', ':-) 1 2 3 4 5 6', ')', '((', 'x) R 9 9 9 (y']) {
      const bytes = line(name);
      expect(comm(bytes)).toBe(name);
      expect(parseStatLine(bytes)?.ppid).toBe(17);
      expect(parseStatLine(bytes)?.state).toBe('S');
    }
  });

  it('keeps spaces, newlines, parentheses and 15-byte names whole', () => {
    expect(comm(line('Web Content'))).toBe('Web Content');
    expect(comm(line('new\nline'))).toBe('new\nline');
    expect(comm(line('(sd-pam)'))).toBe('(sd-pam)');
    expect(comm(line('abcdefghijklmno'))).toBe('abcdefghijklmno');
    expect(comm(line(''))).toBe('');
  });

  it('parses the hostile fixture files', () => {
    expect(comm(fixtureStat(100))).toBe('a) Z 1 (b');
    expect(comm(fixtureStat(102))).toBe('(sd-pam)');
    expect(comm(fixtureStat(103))).toBe('new\nline');
    expect(parseStatLine(fixtureStat(103))?.ppid).toBe(1);
    expect(parseStatLine(fixtureStat(105))?.state).toBe('Z');
    expect(parseStatLine(fixtureStat(108))).toMatchObject({ ttyNr: 34819, tpgid: 108, nice: -5, priority: 15, threads: 4 });
  });

  it('reads negative numbers (tpgid -1, nice -20, real-time priorities)', () => {
    const bytes = Buffer.from(`9 (rt) S 2 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 -51 -20 1 0 5 0 0 ${TAIL}`);
    expect(parseStatLine(bytes)).toMatchObject({ tpgid: -1, priority: -51, nice: -20 });
  });

  it('tells kernel threads by PF_KTHREAD in field 9, also when flags exceed 31 bits', () => {
    expect(isKernelThread(parseStatLine(fixtureStat(2)) ?? fail())).toBe(true);
    expect(isKernelThread(parseStatLine(fixtureStat(3)) ?? fail())).toBe(true);
    expect(isKernelThread(parseStatLine(fixtureStat(1)) ?? fail())).toBe(false);
    const high = Buffer.from(`9 (k) S 2 0 0 0 -1 ${0x80000000 + 0x00200000} 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 ${TAIL}`);
    expect(isKernelThread(parseStatLine(high) ?? fail())).toBe(true);
    const noBit = Buffer.from(`9 (k) S 2 0 0 0 -1 ${0x80000000 + 0x00100000} 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 ${TAIL}`);
    expect(isKernelThread(parseStatLine(noBit) ?? fail())).toBe(false);
  });

  it('only looks at the first `length` bytes (the rest of a scratch buffer is stale)', () => {
    const bytes = Buffer.concat([line('short'), Buffer.from(') X 1 2 3 garbage')]);
    // Read whole, the stale tail would move the last `)` and break the line.
    expect(parseStatLine(bytes)).toBeUndefined();
    const fields = parseStatLine(bytes, line('short').length);
    expect(fields?.state).toBe('S');
    expect(bytes.toString('utf8', fields?.commStart, fields?.commEnd)).toBe('short');
  });

  it('returns undefined for malformed text instead of throwing', () => {
    const malformed = [
      '',
      '\n',
      'garbage',
      '12 sleep S 1',
      '12 (sleep S 1 2 3',
      '(sleep) S 1 2 3',
      '12 (sleep) 1 2 3',
      '12 (sleep)  S 1',
      '12 (sleep) S',
      '12 (sleep) S 1 12 12 0 -1',
      `12 (sleep) S 1 12 12 0 -1 x 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 ${TAIL}`,
      `12 (sleep) S 1 12 12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 - ${TAIL}`,
      `12 (sleep) S 1  12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 ${TAIL}`,
      `12 (sleep) 7 1 12 12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 ${TAIL}`,
    ];
    for (const text of malformed) expect(parseStatLine(Buffer.from(text)), JSON.stringify(text)).toBeUndefined();
    expect(parseStatLine(readFileSync(new URL('106/stat', FIXTURE)))).toBeUndefined();
  });

  it('tells where field 24 ended in the last line it parsed', () => {
    const bytes = line('a) 1 2 (b');
    expect(parseStatLine(bytes)?.rssPages).toBe(89);
    expect(lastParsedEnd()).toBe(bytes.indexOf(' 89 ') + ' 89'.length);
    const bare = Buffer.from('7 (x) R 1 7 7 0 -1 0 0 0 0 0 1 2 0 0 20 0 1 0 5 6 712');
    expect(parseStatLine(bare)?.rssPages).toBe(712);
    expect(lastParsedEnd()).toBe(bare.length);
    // A failed parse leaves the last good answer.
    expect(parseStatLine(Buffer.from('garbage'))).toBeUndefined();
    expect(lastParsedEnd()).toBe(bare.length);
  });

  it('accepts a line without its trailing newline and fields past 24', () => {
    const text = `7 (x) R 1 7 7 0 -1 0 0 0 0 0 1 2 0 0 20 0 1 0 5 6 7`;
    expect(parseStatLine(Buffer.from(text))).toMatchObject({ state: 'R', cpuTicks: 3, startTicks: 5, vszBytes: 6, rssPages: 7 });
    expect(parseStatLine(Buffer.from(`${text}\n`))?.rssPages).toBe(7);
    expect(parseStatLine(Buffer.from(`${text} 8 9\n`))?.rssPages).toBe(7);
  });
});

function fail(): never {
  throw new Error('expected a parsed stat line');
}
