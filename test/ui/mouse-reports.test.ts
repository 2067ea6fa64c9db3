// Input chunks are cut at mouse-report edges, so blessed (one report per read)
// sees a press and its release that arrived together as two events.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { separateMouseReports, splitMouseReports } from '../../src/ui/mouse-reports.js';

const press = '\u001b[<0;5;9M';
const release = '\u001b[<0;5;9m';

describe('mouse reports', () => {
  it('cuts a press and its release apart, and keys from reports', () => {
    expect(splitMouseReports(press + release)).toEqual([press, release]);
    expect(splitMouseReports(`q${press}tt\u001b[A${release}`)).toEqual(['q', press, 'tt\u001b[A', release]);
    // urxvt's form, then two wheel reports (button 64/65).
    expect(splitMouseReports('\u001b[32;5;9M\u001b[<64;2;3M\u001b[<65;2;3M')).toEqual(['\u001b[32;5;9M', '\u001b[<64;2;3M', '\u001b[<65;2;3M']);
  });

  it('leaves other input whole: keys, arrows with modifiers, text', () => {
    expect(splitMouseReports('\u001b[1;5A')).toEqual(['\u001b[1;5A']);
    expect(splitMouseReports('/héllo')).toEqual(['/héllo']);
    expect(splitMouseReports(press)).toEqual([press]);
  });

  it('re-emits one chunk as several byte-exact chunks, UTF-8 intact, and undoes itself', () => {
    const input = new PassThrough();
    const seen: string[] = [];
    input.on('data', (chunk: Buffer) => seen.push(chunk.toString('utf8')));
    const undo = separateMouseReports(input);
    input.emit('data', Buffer.from(`é${press}${release}ü`));
    input.emit('data', Buffer.from('plain'));
    expect(seen).toEqual(['é', press, release, 'ü', 'plain']);
    undo();
    expect(Object.hasOwn(input, 'emit')).toBe(false);
    input.emit('data', Buffer.from(press + release));
    expect(seen.at(-1)).toBe(press + release);
  });
});
