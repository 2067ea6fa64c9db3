import { describe, expect, it } from 'vitest';
import { execName } from '../../../src/inspect/events/exec-name.js';

describe('execName', () => {
  it('is the last part of the path, cut to 15 bytes as the kernel cuts comm', () => {
    expect(execName('sh')).toBe('sh');
    expect(execName('./forkdemo')).toBe('forkdemo');
    expect(execName('/usr/bin/python3.11')).toBe('python3.11');
    expect(execName('/tmp/x/a-very-long-program-name')).toBe('a-very-long-pro');
    // 15 bytes of UTF-8: five 3-byte characters, the sixth cut off whole.
    expect(execName('/tmp/x/进程进程进程进程')).toBe('进程进程进');
    // A cut inside a character reads as U+FFFD, as the kernel's 15 bytes would.
    expect(execName('ab进程进程进程进程')).toBe('ab进程进程\uFFFD');
  });
});
