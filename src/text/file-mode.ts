// `ls -l`'s first column, from the mode bits of stat(2): a type letter
// (st_mode & S_IFMT) and nine permission letters with setuid/setgid/sticky.
import type { Stats } from 'node:fs';
import { MONTH_ABBREVIATIONS } from '../text/calendar.js';

const S_IFMT = 0o170000;
const TYPE_LETTERS: ReadonlyMap<number, string> = new Map([
  [0o140000, 's'], // S_IFSOCK
  [0o120000, 'l'], // S_IFLNK
  [0o100000, '-'], // S_IFREG
  [0o060000, 'b'], // S_IFBLK
  [0o040000, 'd'], // S_IFDIR
  [0o020000, 'c'], // S_IFCHR
  [0o010000, 'p'], // S_IFIFO
]);

export function fileTypeLetter(mode: number): string {
  return TYPE_LETTERS.get(mode & S_IFMT) ?? '?';
}

/** One rwx triplet; `special` (setuid, setgid or sticky) shows in the x place as s/S or t/T. */
function triplet(bits: number, special: boolean, specialLetter: 's' | 't'): string {
  const execute = (bits & 1) !== 0;
  let x = execute ? 'x' : '-';
  if (special) x = execute ? specialLetter : specialLetter.toUpperCase();
  return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${x}`;
}

export function modeString(mode: number): string {
  return (
    fileTypeLetter(mode) +
    triplet((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    triplet((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    triplet(mode & 7, (mode & 0o1000) !== 0, 't')
  );
}

/** `ls -ln`'s line (numeric owner and group): mode, links, uid, gid, size, mtime, name. */
export function longListing(stats: Stats, name: string): string {
  const when = stats.mtime;
  const time = `${MONTH_ABBREVIATIONS[when.getMonth()] ?? '???'} ${String(when.getDate()).padStart(2)} ${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  return `${modeString(stats.mode)} ${stats.nlink} ${stats.uid} ${stats.gid} ${stats.size} ${time} ${name}`;
}
