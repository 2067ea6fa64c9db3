import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  parseBootTime,
  parseOpenFilesLimit,
  parseMemTotalKb,
  parsePageSize,
  readBootTime,
  readMemTotalKb,
  readPageSize,
} from '../../../src/inspect/procfs/system.js';

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
