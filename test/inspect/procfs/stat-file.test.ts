import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStatFields } from '../../../src/inspect/procfs/stat-file.js';
import { readBootTimeMs, startTimeMs } from '../../../src/inspect/procfs/system.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/proc/parse-hostile', import.meta.url));

describe('readStatFields and startTimeMs', () => {
  it("reads one process's stat fields; undefined when gone or malformed", () => {
    expect(readStatFields(FIXTURE, 108)).toMatchObject({ pid: 108, ppid: 1, nice: -5, startTicks: 123456 });
    expect(readStatFields(FIXTURE, 99999)).toBeUndefined();
    expect(readStatFields(FIXTURE, 106)).toBeUndefined();
  });

  it('turns field 22 (clock ticks after boot) into ms since the epoch, unknown without a boot time', () => {
    expect(readBootTimeMs(FIXTURE)).toBe(1_700_000_000_000);
    expect(startTimeMs(1_700_000_000_000, 123456)).toBe(1_700_000_000_000 + 1_234_560);
    expect(startTimeMs(undefined, 123456)).toBeUndefined();
    expect(readBootTimeMs('/nonexistent')).toBeUndefined();
  });
});
