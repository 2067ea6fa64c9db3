import { describe, expect, it } from 'vitest';
import { statLetters, type StatInputs } from '../../src/inspect/stat-letters.js';

const base: StatInputs = { pid: 100, state: 'S', nice: 0, sid: 1, threads: 1, pgid: 100, tpgid: -1 };
const stat = (changes: Partial<StatInputs>, lockedKb = 0): string => statLetters({ ...base, ...changes }, lockedKb);

describe('statLetters (procps pr_stat)', () => {
  it('is the bare state letter when no flag applies', () => {
    for (const state of ['R', 'S', 'D', 'T', 't', 'Z', 'X', 'I', 'W']) expect(stat({ state })).toBe(state);
  });

  it('adds each flag under its own rule', () => {
    expect(stat({ nice: -5 })).toBe('S<');
    expect(stat({ nice: 19 })).toBe('SN');
    expect(stat({}, 4)).toBe('SL');
    expect(stat({ sid: 100 })).toBe('Ss');
    expect(stat({ threads: 2 })).toBe('Sl');
    expect(stat({ tpgid: 100 })).toBe('S+');
  });

  it('orders them as procps does: < N L s l +', () => {
    expect(stat({ nice: -1, sid: 100, threads: 8, tpgid: 100 }, 1)).toBe('S<Lsl+');
    expect(stat({ state: 'R', nice: 5, sid: 100, threads: 3, tpgid: 100 })).toBe('RNsl+');
    expect(stat({ state: 'T', tpgid: 7 })).toBe('T');
  });

  it('never marks a process without a terminal as foreground (tpgid -1)', () => {
    expect(stat({ pgid: -1, tpgid: -1 })).toBe('S+');
    expect(stat({ pgid: 0, tpgid: -1 })).toBe('S');
  });
});
