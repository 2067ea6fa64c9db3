// Setting a title: how much room the argv area gives (measured through
// /proc/self, in src/inspect), and cutting at whole UTF-8 characters.
import { describe, expect, it } from 'vitest';
import { fitUtf8, titleCapacity } from '../../src/inspect/process-title.js';
import { readOwnCommandLineBytes } from '../../src/inspect/self.js';

describe('process titles', () => {
  it('are cut at a character boundary', () => {
    expect(fitUtf8('procview chat-client 张三', 23)).toBe('procview chat-client ');
    expect(fitUtf8('procview chat-client 张三', 24)).toBe('procview chat-client 张');
    expect(fitUtf8('abc', 10)).toBe('abc');
  });

  it('measures the title room through src/inspect: the argv area less its final NUL', () => {
    const bytes = readOwnCommandLineBytes();
    expect(titleCapacity()).toBe(bytes === undefined ? undefined : bytes - 1);
  });
});
