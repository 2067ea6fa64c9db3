// Uptime and load for the header, checked against the files Linux keeps them in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSystemLoad } from '../../src/inspect/system-load.js';

const numbers = (path: string): number[] => readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);

describe.runIf(process.platform === 'linux')('readSystemLoad', () => {
  it('gives the uptime and the three load averages of /proc/uptime and /proc/loadavg', () => {
    const [upBefore = Number.NaN] = numbers('/proc/uptime');
    const loadBefore = numbers('/proc/loadavg').slice(0, 3);
    const read = readSystemLoad();
    const [upAfter = Number.NaN] = numbers('/proc/uptime');
    const loadAfter = numbers('/proc/loadavg').slice(0, 3);
    expect(read.uptimeSeconds).toBeGreaterThanOrEqual(upBefore);
    expect(read.uptimeSeconds).toBeLessThanOrEqual(upAfter);
    // The kernel recomputes the averages every 5 s: they match the file on one side of the call.
    expect([loadBefore, loadAfter]).toContainEqual(read.load?.map((n) => Number(n.toFixed(2))));
    expect(Object.isFrozen(read)).toBe(true);
  });
});
