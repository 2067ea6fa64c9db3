// This process's own facts (src/inspect/self.ts), on the real /proc and on a
// fixture proc root.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOwnCommandLineBytes } from '../../src/inspect/self.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function procRoot(cmdline: Buffer | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'procview-self-test-'));
  dirs.push(root);
  if (cmdline !== undefined) {
    mkdirSync(join(root, 'self'));
    writeFileSync(join(root, 'self', 'cmdline'), cmdline);
  }
  return root;
}

describe('readOwnCommandLineBytes', () => {
  it.skipIf(process.platform !== 'linux')('is the size of /proc/self/cmdline, every NUL counted', () => {
    expect(readOwnCommandLineBytes()).toBe(readFileSync('/proc/self/cmdline').length);
  });

  it('reads the proc root it is given', () => {
    expect(readOwnCommandLineBytes(procRoot(Buffer.from('node\0/x/cli.js\0chat\0')))).toBe(20);
  });

  it('is undefined (unknown, not 0) without /proc or with nothing in it', () => {
    expect(readOwnCommandLineBytes(procRoot(undefined))).toBeUndefined();
    expect(readOwnCommandLineBytes(procRoot(Buffer.alloc(0)))).toBeUndefined();
  });
});
