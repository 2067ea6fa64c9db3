import { describe, expect, it } from 'vitest';
import { sameProcess, sameStartTime } from '../../src/inspect/same-process.js';

describe('sameProcess', () => {
  it('is pid plus start time: a reused pid is another process', () => {
    expect(sameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: 100 })).toBe(true);
    expect(sameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: 110 })).toBe(false);
    expect(sameProcess({ pid: 5, startTime: 100 }, { pid: 6, startTime: 100 })).toBe(false);
  });

  it('trusts the pid alone when either start time is unknown', () => {
    expect(sameProcess({ pid: 5, startTime: undefined }, { pid: 5, startTime: 100 })).toBe(true);
    expect(sameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: undefined })).toBe(true);
    expect(sameProcess({ pid: 5, startTime: undefined }, { pid: 6, startTime: undefined })).toBe(false);
    expect(sameStartTime(undefined, undefined)).toBe(true);
    expect(sameStartTime(0, 0)).toBe(true);
    expect(sameStartTime(0, 1)).toBe(false);
  });
});
