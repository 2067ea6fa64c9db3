// tty_nr (stat field 7) → the name ps prints. procps tries /proc/tty/drivers,
// then /proc/PID/fd links, then a table of well-known majors, and prints `?`
// when it finds nothing; we keep the pure parts: the well-known majors first,
// then a driver from /proc/tty/drivers named with the minor appended.

export interface TtyDriver {
  /** Device path without `/dev/`, e.g. `ttyS`, `pts`, `hvc`. */
  readonly name: string;
  readonly major: number;
  readonly minorFirst: number;
  readonly minorLast: number;
}

/** Linux's encoding of dev_t in stat: minor low 8 bits, major next 12, then the high minor bits. */
export function ttyMajor(ttyNr: number): number {
  return (ttyNr >>> 8) & 0xfff;
}

export function ttyMinor(ttyNr: number): number {
  return (ttyNr & 0xff) | ((ttyNr >>> 12) & 0xfff00);
}

/** The terminal as `ps` names it (`pts/3`, `tty1`, `ttyS0`, `console`), `?` for none or unknown. */
export function ttyName(ttyNr: number, drivers: readonly TtyDriver[] = []): string {
  if (ttyNr === 0) return '?';
  const major = ttyMajor(ttyNr);
  const minor = ttyMinor(ttyNr);
  const known = wellKnown(major, minor);
  if (known !== undefined) return known;
  // procps scans its driver list newest-first, i.e. the last matching line wins.
  for (let i = drivers.length - 1; i >= 0; i--) {
    const driver = drivers[i];
    if (driver !== undefined && driver.major === major && driver.minorFirst <= minor && minor <= driver.minorLast) {
      return `${driver.name}${minor}`;
    }
  }
  return '?';
}

// Majors from the kernel's devices.txt, as procps devname.c maps them.
const SIMPLE_PREFIX: ReadonlyMap<number, string> = new Map([
  [11, 'ttyB'],
  [17, 'ttyH'],
  [19, 'ttyC'],
  [22, 'ttyD'],
  [23, 'ttyD'],
  [24, 'ttyE'],
  [32, 'ttyX'],
  [43, 'ttyI'],
  [46, 'ttyR'],
  [48, 'ttyL'],
  [57, 'ttyP'],
  [71, 'ttyF'],
  [75, 'ttyW'],
  [78, 'ttyM'],
  [105, 'ttyV'],
  [112, 'ttyM'],
  [148, 'ttyT'],
  [154, 'ttySR'],
  [164, 'ttyCH'],
  [166, 'ttyACM'],
  [172, 'ttyMX'],
  [174, 'ttySI'],
  [188, 'ttyUSB'],
  [208, 'ttyU'],
  [216, 'ttyUB'],
  [224, 'ttyY'],
]);

function wellKnown(major: number, minor: number): string | undefined {
  // 136..143: Unix98 pseudo-terminals, /dev/pts/N.
  if (major >= 136 && major <= 143) return `pts/${minor + (major - 136) * 256}`;
  switch (major) {
    case 3: {
      // Old BSD ptys: /dev/tty[p-za-e][0-9a-f].
      if (minor > 255) return undefined;
      return `tty${'pqrstuvwxyzabcde'[minor >> 4] ?? ''}${'0123456789abcdef'[minor & 0x0f] ?? ''}`;
    }
    case 4:
      // Virtual consoles below 64, serial ports from 64.
      return minor < 64 ? `tty${minor}` : `ttyS${minor - 64}`;
    case 5:
      return ['tty', 'console', 'ptmx'][minor];
    default: {
      const prefix = SIMPLE_PREFIX.get(major);
      return prefix === undefined ? undefined : `${prefix}${minor}`;
    }
  }
}

/** Parses /proc/tty/drivers: `name  /dev/path  major  minor[-minor]  type`. Bad lines are skipped. */
export function parseTtyDrivers(text: string): TtyDriver[] {
  const drivers: TtyDriver[] = [];
  for (const line of text.split('\n')) {
    const match = /^\S+\s+\/dev\/(\S+)\s+(\d+)\s+(\d+)(?:-(\d+))?\s/.exec(line);
    if (match === null) continue;
    const [, name = '', major = '', first = '', last] = match;
    drivers.push({ name, major: Number(major), minorFirst: Number(first), minorLast: Number(last ?? first) });
  }
  return drivers;
}
