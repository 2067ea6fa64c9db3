// The machine facts a recording's header keeps, so that what it holds can be
// read right elsewhere: start times rest on the boot time, CPU times on the
// clock ticks, RSS on the page size.
import { hostname, release, type } from 'node:os';
import { CLOCK_TICKS, readBootTimeMs, readPageSize } from './procfs/system.js';

export interface HostFacts {
  readonly host: string | undefined;
  readonly kernel: string | undefined;
  readonly bootTime: number | undefined;
  readonly clockTicks: number | undefined;
  readonly pageSize: number | undefined;
}

export function readHostFacts(procRoot = '/proc'): HostFacts {
  const linux = process.platform === 'linux';
  return {
    host: hostname(),
    kernel: `${type()} ${release()}`,
    bootTime: linux ? readBootTimeMs(procRoot) : undefined,
    // USER_HZ and the page size are what the procfs backend read /proc with; other backends get seconds and bytes.
    clockTicks: linux ? CLOCK_TICKS : undefined,
    pageSize: linux ? readPageSize(procRoot) : undefined,
  };
}
