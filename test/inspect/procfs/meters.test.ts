// /proc/stat's cpu lines and /proc/meminfo for the header meters: parsed from
// text, usage as the change between two samples, and read live once.
import { describe, expect, it } from 'vitest';
import { cpuUsage, metersBetween, parseCpuTicks, parseMemory, readMeterSample } from '../../../src/inspect/procfs/meters.js';

const BEFORE = `cpu  1000 100 500 8000 200 50 50 100 0 0
cpu0 500 50 250 4000 100 25 25 50 0 0
cpu1 500 50 250 4000 100 25 25 50 0 0
intr 1 2 3
btime 1700000000
`;
// cpu0: +60 user, +10 nice, +20 system, +5 irq, +5 softirq, +100 idle: 200 ticks.
const AFTER = `cpu  1060 110 520 8100 200 55 55 100 0 0
cpu0 560 60 270 4100 100 30 30 50 0 0
cpu1 500 50 250 4000 100 25 25 50 0 0
`;

describe('meters from /proc', () => {
  it('reads every cpu line, missing fields as 0', () => {
    const cpus = parseCpuTicks(BEFORE);
    expect(cpus.map((c) => c.name)).toEqual(['cpu', 'cpu0', 'cpu1']);
    expect(cpus[1]).toEqual({ name: 'cpu0', user: 500, nice: 50, system: 250, idle: 4000, iowait: 100, irq: 25, softirq: 25, steal: 50 });
    expect(parseCpuTicks('cpu0 1 2 3 4\n')[0]).toMatchObject({ idle: 4, iowait: 0, steal: 0 });
  });

  it('splits a CPU’s time as htop does: nice, user, kernel (system + irq + softirq)', () => {
    const [, before0] = parseCpuTicks(BEFORE);
    const [, after0, after1] = parseCpuTicks(AFTER);
    if (before0 === undefined || after0 === undefined || after1 === undefined) throw new Error('fixture');
    const usage = cpuUsage(before0, after0);
    expect(usage).toEqual({ name: 'cpu0', user: 0.3, nice: 0.05, system: 0.15, busy: 0.5 });
    // No time passed for cpu1: no share at all rather than 0 %.
    expect(cpuUsage(after1, after1)).toBeUndefined();
    const meters = metersBetween({ cpus: parseCpuTicks(BEFORE), memory: parseMemory('') }, { cpus: parseCpuTicks(AFTER), memory: parseMemory('') });
    expect(meters.cpus.map((c) => c.name)).toEqual(['cpu', 'cpu0']);
    expect(meters.cpuCount).toBe(2);
    expect(metersBetween(undefined, { cpus: parseCpuTicks(AFTER), memory: parseMemory('') }).cpus).toEqual([]);
  });

  it('reads memory and swap in kB; a missing line is unknown, not 0', () => {
    expect(parseMemory('MemTotal:  2000 kB\nMemFree: 10 kB\nMemAvailable:  500 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n')).toEqual({
      totalKb: 2000,
      availableKb: 500,
      swapTotalKb: 0,
      swapFreeKb: 0,
    });
    expect(parseMemory('MemTotal: 2000 kB\n').availableKb).toBeUndefined();
  });

  it('reads this machine’s /proc, and a proc root without the files gives nothing', () => {
    const sample = readMeterSample('/proc');
    expect(sample?.cpus[0]?.name).toBe('cpu');
    expect(sample?.memory.totalKb).toBeGreaterThan(0);
    expect(readMeterSample('/nonexistent-proc-root')).toBeUndefined();
  });
});
