// Machine-wide facts the procfs backend reads once per inspector to turn stat
// fields into ProcInfo: boot time, clock ticks, page size, total memory, the
// tty driver table and the user names; and the start-time rule built on the
// boot time, which the identity check before a kill shares.
import { endianness } from 'node:os';
import { join } from 'node:path';
import { Scratch } from './read-file.js';
import { parseTtyDrivers, type TtyDriver } from './tty.js';
import { loadUserNames, type UserNames } from './users.js';

/**
 * Clock ticks per second (sysconf(_SC_CLK_TCK)), the unit of stat fields 14,
 * 15 and 22. Node cannot call sysconf; Linux reports these fields in USER_HZ,
 * which the kernel fixes at 100 for the user ABI on every architecture it
 * still supports, whatever its internal HZ.
 */
export const CLOCK_TICKS = 100;

/** Page size when neither /proc/self/auxv nor /proc/self/smaps can tell (4 KiB, x86 and most arm64 kernels). */
export const DEFAULT_PAGE_SIZE = 4096;

/** The file's text (latin1: these files are ASCII); only its first `head` bytes when given. */
function readText(path: string, head?: number): string | undefined {
  const scratch = new Scratch(head ?? 16 * 1024);
  const length = head === undefined ? scratch.readWhole(path) : scratch.readHead(path);
  return length < 0 ? undefined : scratch.bytes.toString('latin1', 0, length);
}

/** `btime` of <procRoot>/stat: boot time in seconds since the epoch. */
export function parseBootTime(statText: string): number | undefined {
  const match = /^btime\s+(\d+)\s*$/m.exec(statText);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `MemTotal:` of <procRoot>/meminfo, in kB. */
export function parseMemTotalKb(meminfoText: string): number | undefined {
  const match = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfoText);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** First `KernelPageSize:` of an smaps file, in bytes (the unit of stat field 24, rss). */
export function parsePageSize(smapsText: string): number | undefined {
  const match = /^KernelPageSize:\s+(\d+)\s*kB/m.exec(smapsText);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}

/** The soft `Max open files` limit of <procRoot>/self/limits (RLIMIT_NOFILE); undefined when unlimited or absent. */
export function parseOpenFilesLimit(limitsText: string): number | undefined {
  const match = /^Max open files\s+(\d+)\s/m.exec(limitsText);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function readBootTime(procRoot: string): number | undefined {
  const text = readText(join(procRoot, 'stat'));
  return text === undefined ? undefined : parseBootTime(text);
}

/** btime in ms since the epoch, the base of every start time (see startTimeMs). */
export function readBootTimeMs(procRoot: string): number | undefined {
  const bootTime = readBootTime(procRoot);
  return bootTime === undefined ? undefined : bootTime * 1000;
}

/**
 * Snapshot.uptimeClock: btime plus the first field of <procRoot>/uptime (seconds
 * since boot, two decimals), the clock ps measures a process's age by.
 */
export function readUptimeClock(procRoot: string, bootTimeMs: number | undefined): number | undefined {
  if (bootTimeMs === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?) /.exec(readText(join(procRoot, 'uptime'), 64) ?? '');
  return match?.[1] === undefined ? undefined : bootTimeMs + Number(match[1]) * 1000;
}

/** ProcInfo.startTime from stat field 22 (starttime, clock ticks after boot); unknown without a boot time. */
export function startTimeMs(bootTimeMs: number | undefined, startTicks: number): number | undefined {
  return bootTimeMs === undefined ? undefined : bootTimeMs + (startTicks * 1000) / CLOCK_TICKS;
}

export function readMemTotalKb(procRoot: string): number | undefined {
  const text = readText(join(procRoot, 'meminfo'));
  return text === undefined ? undefined : parseMemTotalKb(text);
}

/** auxv entry type AT_PAGESZ (include/uapi/linux/auxvec.h): the kernel's page size, what getpagesize() returns. */
const AT_PAGESZ = 6;

/** Node's word size in bytes: auxv holds pairs of the reading process's unsigned longs. */
const WORD_BYTES = ['arm', 'ia32', 'mips', 'mipsel', 'ppc'].includes(process.arch) ? 4 : 8;

/**
 * AT_PAGESZ of an auxv file (type/value pairs of `wordBytes`-byte words, up
 * to AT_NULL), or undefined when absent or not a power of two.
 */
export function parseAuxvPageSize(
  bytes: Buffer,
  length: number,
  wordBytes: number = WORD_BYTES,
  littleEndian: boolean = endianness() === 'LE',
): number | undefined {
  const word = (at: number): number =>
    wordBytes === 8
      ? Number(littleEndian ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at))
      : littleEndian
        ? bytes.readUInt32LE(at)
        : bytes.readUInt32BE(at);
  for (let at = 0; at + 2 * wordBytes <= Math.min(length, bytes.length); at += 2 * wordBytes) {
    const type = word(at);
    if (type === 0) return undefined;
    if (type !== AT_PAGESZ) continue;
    const size = word(at + wordBytes);
    // A page size is a power of two (2^12 … 2^30 in practice).
    return size >= 1024 && size <= 2 ** 30 && (size & (size - 1)) === 0 ? size : undefined;
  }
  return undefined;
}

/**
 * The page size, the unit of stat field 24: from /proc/self/auxv (a few
 * hundred bytes the kernel copies out), else the first KernelPageSize of
 * /proc/self/smaps. auxv comes first because smaps makes the kernel walk the
 * page tables of every mapping it prints, which costs a fresh inspector
 * about a millisecond; ps asks getpagesize(), which reads the same AT_PAGESZ.
 */
export function readPageSize(procRoot: string): number {
  const auxv = new Scratch(1024);
  const length = auxv.readWhole(join(procRoot, 'self', 'auxv'));
  const fromAuxv = length < 0 ? undefined : parseAuxvPageSize(auxv.bytes, length);
  if (fromAuxv !== undefined) return fromAuxv;
  const text = readText(join(procRoot, 'self', 'smaps'), 4096);
  return (text === undefined ? undefined : parsePageSize(text)) ?? DEFAULT_PAGE_SIZE;
}

/** What the procfs backend reads from the whole system once per inspector. */
export interface SystemFacts {
  /** btime in ms; undefined leaves every start time undefined. */
  readonly bootTimeMs: number | undefined;
  readonly memTotalBytes: number | undefined;
  readonly pageSize: number;
  readonly ttyDrivers: readonly TtyDriver[];
  readonly userName: UserNames;
  /** This process's soft limit on open files, when the proc tree tells it. */
  readonly openFilesLimit: number | undefined;
}

export function readSystemFacts(procRoot: string, passwdPath: string): SystemFacts {
  const memTotalKb = readMemTotalKb(procRoot);
  const drivers = readText(join(procRoot, 'tty', 'drivers'));
  const limits = readText(join(procRoot, 'self', 'limits'));
  return {
    bootTimeMs: readBootTimeMs(procRoot),
    memTotalBytes: memTotalKb === undefined || memTotalKb === 0 ? undefined : memTotalKb * 1024,
    pageSize: readPageSize(procRoot),
    ttyDrivers: drivers === undefined ? [] : parseTtyDrivers(drivers),
    userName: loadUserNames(passwdPath),
    openFilesLimit: limits === undefined ? undefined : parseOpenFilesLimit(limits),
  };
}
