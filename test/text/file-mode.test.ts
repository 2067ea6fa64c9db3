// `ls -l` mode letters and listings, as the unix-socket lesson shows them.
import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileTypeLetter, longListing, modeString } from '../../src/text/file-mode.js';

describe('ls -l mode string', () => {
  it.each([
    [0o140755, 'srwxr-xr-x'],
    [0o100644, '-rw-r--r--'],
    [0o040755, 'drwxr-xr-x'],
    [0o120777, 'lrwxrwxrwx'],
    [0o010600, 'prw-------'],
    [0o020620, 'crw--w----'],
    [0o060660, 'brw-rw----'],
    [0o104755, '-rwsr-xr-x'],
    [0o102644, '-rw-r-Sr--'],
    [0o041777, 'drwxrwxrwt'],
    [0o041776, 'drwxrwxrwT'],
  ])('mode %o is %s', (mode, text) => {
    expect(modeString(mode)).toBe(text);
  });

  it('names an unknown type ?', () => {
    expect(fileTypeLetter(0o170000)).toBe('?');
  });

  it('lays out an ls -ln line', () => {
    const stats = { mode: 0o140755, nlink: 1, uid: 1000, gid: 100, size: 0, mtime: new Date(2024, 2, 5, 9, 7) } as unknown as Stats;
    expect(longListing(stats, '/tmp/x.sock')).toBe('srwxr-xr-x 1 1000 100 0 Mar  5 09:07 /tmp/x.sock');
  });
});
