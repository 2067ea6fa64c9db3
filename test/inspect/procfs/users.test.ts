import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getentName, loadUserNames, parsePasswd } from '../../../src/inspect/procfs/users.js';

const PASSWD = fileURLToPath(new URL('../../fixtures/proc/parse-hostile/passwd', import.meta.url));

describe('user names', () => {
  it('maps uids to the first name listed for them, as getpwuid does', () => {
    const names = parsePasswd('root:x:0:0::/:/bin/sh\ntoor:x:0:0::/:/bin/sh\nalice:x:1000:1000::/h:/bin/sh\n');
    expect(names.get(0)).toBe('root');
    expect(names.get(1000)).toBe('alice');
  });

  it('skips comments, blank and malformed lines', () => {
    const names = parsePasswd('# comment\n\n:x:5:5::/:\nbad:x:notanumber:1::/:\nok:x:7:7::/:/bin/sh\n+@netgroup\n');
    expect([...names]).toEqual([[7, 'ok']]);
  });

  it('shows a uid without an entry as its number, like ps', () => {
    const user = loadUserNames(PASSWD);
    expect(user(1001)).toBe('bob');
    expect(user(4242)).toBe('4242');
  });

  it('shows every uid as a number when the file cannot be read', () => {
    expect(loadUserNames('/nonexistent/passwd')(0)).toBe('0');
  });
});

describe('user names through NSS (getent)', () => {
  it('asks getent for a uid the file lacks, once, and keeps the answer', () => {
    const asked: number[] = [];
    const counting = (uid: number): string | undefined => {
      asked.push(uid);
      return getentName(uid);
    };
    // The fixture file has no uid 65534: the name comes from this system's NSS (nobody, on most systems).
    const nobody = execFileSync('getent', ['passwd', '65534'], { encoding: 'utf8' }).split(':')[0];
    const user = loadUserNames(PASSWD, counting);
    expect(user(65534)).toBe(nobody);
    expect(user(65534)).toBe(nobody);
    expect(user(1001)).toBe('bob');
    // No user has this uid anywhere: the number, and getent is not asked again.
    expect(user(4_000_000)).toBe('4000000');
    expect(user(4_000_000)).toBe('4000000');
    expect(asked).toEqual([65534, 4_000_000]);
  });

  it('does not consult NSS for a fixture file unless told to', () => {
    expect(loadUserNames(PASSWD)(65534)).toBe('65534');
  });

  it('gives what getent gives for a real uid, and undefined for an unknown one', () => {
    expect(getentName(65534)).toBe(execFileSync('getent', ['passwd', '65534'], { encoding: 'utf8' }).split(':')[0]);
    expect(getentName(4_000_001)).toBeUndefined();
  });
});
