// readSystem(): parsed from a fixture proc tree, and checked live against /proc and os.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSystem } from '../../src/inspect/system-info.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/proc/system', import.meta.url));

describe('readSystem', () => {
  it('reads uptime, load, CPU seconds (ticks / 100) and memory in bytes from a proc tree', () => {
    const system = readSystem({ backend: 'procfs', procRoot: FIXTURE });
    expect(system).toEqual({
      uptimeSeconds: 4312.57,
      load: [0.52, 0.61, 0.7],
      cpus: 2,
      cpuSeconds: { user: 814.28, nice: 1.23, system: 368.21, idle: 826.31, iowait: 4.17, irq: 0, softirq: 5.15, steal: 5.45 },
      memory: {
        totalBytes: 24683784 * 1024,
        availableBytes: 23055856 * 1024,
        swapTotalBytes: 1048572 * 1024,
        swapFreeBytes: 1048000 * 1024,
      },
    });
    expect(Object.isFrozen(system) && Object.isFrozen(system.memory)).toBe(true);
  });

  it('leaves what it cannot read undefined, never 0', () => {
    const system = readSystem({ backend: 'procfs', procRoot: '/nonexistent' });
    expect(system.uptimeSeconds).toBeUndefined();
    expect(system.load).toBeUndefined();
    expect(system.cpus).toBeUndefined();
    expect(system.cpuSeconds).toBeUndefined();
    expect(Object.values(system.memory).every((value) => value === undefined)).toBe(true);
  });

  it.runIf(process.platform === 'linux')('matches this machine: CPU count, MemTotal, CPU time that only grows', () => {
    const first = readSystem();
    const memTotalKb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    expect(first.cpus).toBe(cpus().length);
    expect(first.memory.totalBytes).toBe(memTotalKb * 1024);
    expect(first.memory.availableBytes).toBeLessThanOrEqual(first.memory.totalBytes ?? 0);
    const second = readSystem();
    expect(second.cpuSeconds?.idle).toBeGreaterThanOrEqual(first.cpuSeconds?.idle ?? Number.POSITIVE_INFINITY);
    expect(second.uptimeSeconds).toBeGreaterThanOrEqual(first.uptimeSeconds ?? Number.POSITIVE_INFINITY);
  });

  it('falls back to the os module off procfs', () => {
    const system = readSystem({ backend: 'ps-list' });
    expect(system.cpus).toBe(cpus().length);
    expect(system.memory.totalBytes).toBeGreaterThan(0);
    expect(system.cpuSeconds?.iowait).toBeUndefined();
  });
});
