// The plain reporter's lines (`procview demo --plain`).
import { describe, expect, it } from 'vitest';
import { createPlainReporter, formatObservation } from '../../src/demos/plain.js';

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
