// Only src/inspect reads /proc (the brief's one door): the chat code asks it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { titleCapacity } from '../../src/chat/title.js';
import { readOwnCommandLineBytes } from '../../src/inspect/self.js';

const CHAT = fileURLToPath(new URL('../../src/chat', import.meta.url));

describe('the chat code and /proc', () => {
  it('names no /proc path in code (comments may mention it)', () => {
    for (const file of readdirSync(CHAT).filter((name) => name.endsWith('.ts'))) {
      const code = readFileSync(join(CHAT, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/u.test(line))
        .join('\n');
      expect(code, file).not.toMatch(/['"`]\/proc\b/u);
    }
  });

  it('measures the title room through src/inspect: the argv area less its final NUL', () => {
    const bytes = readOwnCommandLineBytes();
    expect(titleCapacity()).toBe(bytes === undefined ? undefined : bytes - 1);
  });
});
