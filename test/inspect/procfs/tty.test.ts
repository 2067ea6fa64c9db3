import { describe, expect, it } from 'vitest';
import { parseTtyDrivers, ttyMajor, ttyMinor, ttyName } from '../../../src/inspect/procfs/tty.js';

/** Linux's new_encode_dev, as stat field 7 carries it. */
const dev = (major: number, minor: number): number => (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);

const DRIVERS = `/dev/tty             /dev/tty        5       0 system:/dev/tty
/dev/console         /dev/console    5       1 system:console
/dev/ptmx            /dev/ptmx       5       2 system
/dev/vc/0            /dev/vc/0       4       0 system:vtmaster
hvc                  /dev/hvc      229 0-7 system
serial               /dev/ttyS       4 64-111 serial
pty_slave            /dev/pts      136 0-1048575 pty:slave
pty_master           /dev/ptm      128 0-1048575 pty:master
unknown              /dev/tty        4 1-63 console
`;

describe('ttyName', () => {
  it('is `?` for no terminal, as ps prints it', () => {
    expect(ttyName(0)).toBe('?');
  });

  it('decodes the major/minor split of tty_nr', () => {
    expect([ttyMajor(dev(136, 3)), ttyMinor(dev(136, 3))]).toEqual([136, 3]);
    expect([ttyMajor(dev(136, 300)), ttyMinor(dev(136, 300))]).toEqual([136, 300]);
    expect(dev(136, 3)).toBe(34819);
  });

  it('names pseudo-terminals pts/N, also past minor 255 and on majors 137-143', () => {
    expect(ttyName(dev(136, 0))).toBe('pts/0');
    expect(ttyName(dev(136, 3))).toBe('pts/3');
    expect(ttyName(dev(136, 4000))).toBe('pts/4000');
    expect(ttyName(dev(137, 2))).toBe('pts/258');
  });

  it('names virtual consoles, serial ports and the system devices', () => {
    expect(ttyName(dev(4, 1))).toBe('tty1');
    expect(ttyName(dev(4, 63))).toBe('tty63');
    expect(ttyName(dev(4, 64))).toBe('ttyS0');
    expect(ttyName(dev(4, 65))).toBe('ttyS1');
    expect(ttyName(dev(5, 1))).toBe('console');
    expect(ttyName(dev(188, 0))).toBe('ttyUSB0');
    expect(ttyName(dev(166, 2))).toBe('ttyACM2');
    expect(ttyName(dev(3, 0x1f))).toBe('ttyqf');
  });

  it('falls back to /proc/tty/drivers for other majors, else `?`', () => {
    const drivers = parseTtyDrivers(DRIVERS);
    expect(ttyName(dev(229, 0), drivers)).toBe('hvc0');
    expect(ttyName(dev(229, 9), drivers)).toBe('?');
    expect(ttyName(dev(250, 1), drivers)).toBe('?');
    expect(ttyName(dev(250, 1))).toBe('?');
  });
});

describe('parseTtyDrivers', () => {
  it('reads path, major and minor range of each line, skipping bad ones', () => {
    const drivers = parseTtyDrivers(`${DRIVERS}garbage line\n`);
    expect(drivers).toHaveLength(9);
    expect(drivers).toContainEqual({ name: 'ttyS', major: 4, minorFirst: 64, minorLast: 111 });
    expect(drivers).toContainEqual({ name: 'console', major: 5, minorFirst: 1, minorLast: 1 });
  });
});
