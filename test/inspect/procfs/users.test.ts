import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadUserNames, parsePasswd } from '../../../src/inspect/procfs/users.js';

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
