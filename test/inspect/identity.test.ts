import { describe, expect, it } from 'vitest';
import { provenSameProcess, sameProcess, sameStartTime } from '../../src/inspect/identity.js';

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

describe('provenSameProcess', () => {
  it('wants both start times known and equal', () => {
    expect(provenSameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: 100 })).toBe(true);
    expect(provenSameProcess({ pid: 5, startTime: 0 }, { pid: 5, startTime: 0 })).toBe(true);
    expect(provenSameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: 110 })).toBe(false);
    expect(provenSameProcess({ pid: 5, startTime: 100 }, { pid: 6, startTime: 100 })).toBe(false);
    expect(provenSameProcess({ pid: 5, startTime: undefined }, { pid: 5, startTime: 100 })).toBe(false);
    expect(provenSameProcess({ pid: 5, startTime: 100 }, { pid: 5, startTime: undefined })).toBe(false);
    expect(provenSameProcess({ pid: 5, startTime: undefined }, { pid: 5, startTime: undefined })).toBe(false);
  });
});
