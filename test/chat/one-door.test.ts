// Only src/inspect reads /proc (test/architecture/boundaries.test.ts checks
// every floor): the chat code asks it for the room a title has.
import { describe, expect, it } from 'vitest';
import { titleCapacity } from '../../src/inspect/process-title.js';
import { readOwnCommandLineBytes } from '../../src/inspect/self.js';

describe('the chat code and /proc', () => {
  it('measures the title room through src/inspect: the argv area less its final NUL', () => {
    const bytes = readOwnCommandLineBytes();
    expect(titleCapacity()).toBe(bytes === undefined ? undefined : bytes - 1);
  });
});
