import { describe, expect, it } from 'vitest';
import { statWords } from '../../src/inspect/stat-words.js';

describe('STAT in words', () => {
  it('decodes the state letter and every modifier, in order', () => {
    const parts = statWords('Ss<Nl+L');
    expect(parts.map((p) => p.code)).toEqual(['S', 's', '<', 'N', 'l', '+', 'L']);
    expect(parts[0]?.words).toMatch(/sleeping/);
    expect(parts[1]?.words).toMatch(/^session leader/);
    expect(parts[2]?.words).toMatch(/high priority/);
    expect(parts[3]?.words).toMatch(/low priority/);
    expect(parts[4]?.words).toBe('multi-threaded');
    expect(parts[5]?.words).toMatch(/foreground process group/);
    expect(parts[6]?.words).toMatch(/locked into memory/);
  });

  it('knows every state letter of Linux ps', () => {
    const words = (letter: string): string => statWords(letter)[0]?.words ?? '';
    expect(words('R')).toMatch(/running/);
    expect(words('D')).toMatch(/uninterruptibl/);
    expect(words('T')).toMatch(/stopped by a job-control signal/);
    expect(words('t')).toMatch(/tracer/);
    expect(words('Z')).toMatch(/zombie: .*not collected the exit status/);
    // Z with threads: the main thread ended alone (pthread_exit); the process runs on.
    expect(words('Zl')).toMatch(/main thread has exited .* not a zombie yet/);
    expect(words('X')).toMatch(/dead/);
    expect(words('I')).toMatch(/idle kernel thread/);
    for (const letter of ['W', 'P', 'K']) expect(words(letter)).not.toMatch(/does not know/);
  });

  it('names what it does not know instead of dropping it', () => {
    expect(statWords('Q')[0]?.words).toMatch(/does not know/);
    expect(statWords('S!')[1]?.words).toMatch(/does not know/);
    expect(statWords(undefined)).toEqual([{ code: '-', words: 'state unknown (could not be read)' }]);
  });
});
