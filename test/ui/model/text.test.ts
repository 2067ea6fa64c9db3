import { describe, expect, it } from 'vitest';
import { sanitizeLines } from '../../../src/text/sanitize.js';
import { chunksByWidth, displayWidth, fit, inert, inertFit, truncate } from '../../../src/ui/model/text.js';

describe('untrusted text for the screen', () => {
  it('sanitizes: escape sequences become ?, braces stay characters (nothing downstream parses markup)', () => {
    expect(inert('\u001b]0;pwned\u0007')).toBe('?]0;pwned?');
    expect(inert('\u001b[31mred')).toBe('?[31mred');
    expect(inert('a\u009bb\u007fc')).toBe('a?b?c');
    expect(inert('{bold}\u0000')).toBe('{bold}?');
  });

  it('measures, cuts and pads by terminal cells', () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(displayWidth(fit('漢字漢字', 5))).toBe(5);
  });

  it('sanitizes before cutting, so the width is the drawn width', () => {
    const cell = inertFit('{red-fg}xxxxxxxx', 6);
    expect(cell).toBe('{red-…');
    expect(inertFit('\u001b[31m', 3)).toBe('?[…');
  });

  it('cuts a long command line into pieces by cells, never through a wide character', () => {
    expect(chunksByWidth('ab名cd', 3)).toEqual(['ab', '名c', 'd']);
    expect(chunksByWidth('zz🎉x👨\u200d👩', 4)).toEqual(['zz🎉', 'x👨\u200d', '👩']);
    expect(chunksByWidth('', 4)).toEqual(['']);
  });

  it('keeps the lines of an error for a plain terminal write, and nothing else that controls the terminal', () => {
    const stack = 'Error: no process \u001b]0;pwned\u0007x\n    at scan (backend.js:1:2)\r';
    expect(sanitizeLines(stack)).toBe('Error: no process ?]0;pwned?x\n    at scan (backend.js:1:2)?');
  });
});
