// The pure pieces of the demos: `ls -l` mode letters, the plain reporter's
// lines, and the message wire format.
import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileTypeLetter, longListing, modeString } from '../../src/text/file-mode.js';
import { markerFor, parseMessage } from '../../src/demos/messages.js';
import { createPlainReporter, formatObservation } from '../../src/demos/plain.js';

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

describe('plain reporter', () => {
  it('stamps lines with the time since the start and makes untrusted text inert', () => {
    const lines: string[] = [];
    let now = 1000;
    const reporter = createPlainReporter(
      (line) => lines.push(line),
      () => now,
    );
    now = 2234;
    reporter.say('parent\u001b[31m red');
    reporter.observed({ pid: 7, ppid: undefined, stat: 'Z', note: 'zombie' });
    expect(lines).toEqual(['[+1.234s] parent?[31m red\n', '[+1.234s] observed: pid 7, ppid ?, STAT Z: zombie\n']);
  });

  it('shows a process no longer in the table as STAT -', () => {
    expect(formatObservation({ pid: 3, ppid: 2, stat: undefined, note: 'gone' })).toBe('observed: pid 3, ppid 2, STAT -: gone');
  });
});

describe('messages from lesson processes', () => {
  it('accepts our JSON lines and nothing else', () => {
    expect(parseMessage('{"kind":"hello","pid":5,"ppid":4,"role":"child"}')).toEqual({ kind: 'hello', pid: 5, ppid: 4, role: 'child' });
    expect(parseMessage('hello')).toBeUndefined();
    expect(parseMessage('{"kind":"hello","pid":"5","ppid":4}')).toBeUndefined();
    expect(parseMessage('null')).toBeUndefined();
    expect(markerFor('zombie', 42)).toBe('--procview-demo=zombie:42');
  });
});
