// Facts about this very process that only the OS knows. This is the one
// place outside the backends that reads /proc (the brief's one door), so the
// chat titles never touch it themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bytes of this process's original argv area: /proc/self/cmdline is every
 * argv string with its NUL, and libuv's process.title may overwrite all of it
 * but the final NUL. Undefined when there is no /proc (macOS, BSD, a chroot
 * without it): unknown, not 0, so callers set titles uncut and let libuv cut.
 */
export function readOwnCommandLineBytes(procRoot = '/proc'): number | undefined {
  try {
    const length = readFileSync(join(procRoot, 'self', 'cmdline')).length;
    return length > 0 ? length : undefined;
  } catch {
    return undefined;
  }
}
