import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  parseBootTime,
  parseAuxvPageSize,
  parseOpenFilesLimit,
  parseMemTotalKb,
  parsePageSize,
  readBootTime,
  readMemTotalKb,
  readPageSize,
  readUptimeClock,
} from '../../../src/inspect/procfs/system.js';

// The auxv fixture above is in the word size and byte order of x64 and arm64 (little-endian, 64-bit).
const WORD_IS_64_LE = endianness() === 'LE' && !['arm', 'ia32', 'mips', 'mipsel', 'ppc'].includes(process.arch);
const FIXTURE = fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url));
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('system facts', () => {
  it('reads btime and MemTotal from a proc root', () => {
    expect(readBootTime(FIXTURE)).toBe(1_700_000_000);
    expect(readMemTotalKb(FIXTURE)).toBe(2_000_000);
    expect(parseBootTime('cpu 1 2\nbtime 1234\nprocesses 5\n')).toBe(1234);
    expect(parseMemTotalKb('MemTotal:       16384 kB\n')).toBe(16384);
  });

  it("puts the kernel's uptime on btime: the clock ps measures a process's age by", () => {
    const root = mkdtempSync(join(tmpdir(), 'procview-uptime-'));
    temps.push(root);
    writeFileSync(join(root, 'uptime'), '12345.67 20000.01\n');
    expect(readUptimeClock(root, 1_700_000_000_000)).toBeCloseTo(1_700_000_000_000 + 12_345_670, 3);
    // No boot time, no uptime file, or text that is no uptime: unknown.
    expect(readUptimeClock(root, undefined)).toBeUndefined();
    expect(readUptimeClock('/nonexistent', 1_700_000_000_000)).toBeUndefined();
    writeFileSync(join(root, 'uptime'), 'soon\n');
    expect(readUptimeClock(root, 1_700_000_000_000)).toBeUndefined();
  });

  it('is undefined when the files or lines are missing, never 0', () => {
    expect(readBootTime('/nonexistent')).toBeUndefined();
    expect(readMemTotalKb('/nonexistent')).toBeUndefined();
    expect(parseBootTime('cpu 1 2\n')).toBeUndefined();
    expect(parseMemTotalKb('MemFree: 5 kB\n')).toBeUndefined();
  });

  it('takes the page size from smaps, 4 KiB when it cannot tell', () => {
    expect(parsePageSize('55d0-55d1 r--p 0 08:01 1 /bin/x\nSize: 4 kB\nKernelPageSize:       16 kB\n')).toBe(16384);
    expect(readPageSize(FIXTURE)).toBe(DEFAULT_PAGE_SIZE);
    const root = mkdtempSync(join(tmpdir(), 'procview-smaps-'));
    temps.push(root);
    mkdirSync(join(root, 'self'));
    writeFileSync(join(root, 'self', 'smaps'), 'x r--p\nKernelPageSize:       64 kB\n');
    expect(readPageSize(root)).toBe(65536);
  });

  it('takes the page size from auxv (AT_PAGESZ) before smaps', () => {
    // type/value pairs of 64-bit little-endian words: AT_HWCAP (16), AT_PAGESZ (6), AT_NULL (0).
    const auxv = Buffer.alloc(48);
    auxv.writeBigUInt64LE(16n, 0);
    auxv.writeBigUInt64LE(0xffffn, 8);
    auxv.writeBigUInt64LE(6n, 16);
    auxv.writeBigUInt64LE(16384n, 24);
    expect(parseAuxvPageSize(auxv, auxv.length, 8, true)).toBe(16384);
    // Cut before AT_PAGESZ, or a value that is no page size: unknown.
    expect(parseAuxvPageSize(auxv, 16, 8, true)).toBeUndefined();
    expect(parseAuxvPageSize(Buffer.from([6, 0, 0, 0, 0x10, 0x27, 0, 0]), 8, 4, true)).toBeUndefined();
    // 32-bit big-endian words.
    expect(parseAuxvPageSize(Buffer.from([0, 0, 0, 6, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 16, 4, false)).toBe(65536);
    const root = mkdtempSync(join(tmpdir(), 'procview-auxv-'));
    temps.push(root);
    mkdirSync(join(root, 'self'));
    writeFileSync(join(root, 'self', 'smaps'), 'x r--p\nKernelPageSize:       64 kB\n');
    writeFileSync(join(root, 'self', 'auxv'), auxv);
    expect(readPageSize(root)).toBe(WORD_IS_64_LE ? 16384 : 65536);
  });

  it('reads the real page size of this machine', () => {
    expect([4096, 16384, 65536]).toContain(readPageSize('/proc'));
  });

  it('reads the soft open-files limit from /proc/self/limits, undefined when unlimited or absent', () => {
    const limits = [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max processes             96365                96365                processes ',
      'Max open files            1024                 524288               files     ',
    ].join('\n');
    expect(parseOpenFilesLimit(limits)).toBe(1024);
    expect(parseOpenFilesLimit(limits.replace('1024                ', 'unlimited           '))).toBeUndefined();
    expect(parseOpenFilesLimit('Max processes 5 5 processes\n')).toBeUndefined();
  });
});
