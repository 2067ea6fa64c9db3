import { describe, expect, it } from 'vitest';
import { Entry, StatArena } from '../../../src/inspect/procfs/entry.js';
import { lastParsedEnd, parseStatLine, type StatFields } from '../../../src/inspect/procfs/stat-line.js';
import { unknownProc } from '../../../src/inspect/snapshot.js';

// Fields 1–24, then field 25 onwards (which the backend does not parse).
const HEAD = '42 (sleep) S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 5000 8192 200';
const TAIL = ' 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 1 0 0\n';

function read(line: string): { bytes: Buffer; fields: StatFields; end: number } {
  const bytes = Buffer.from(line, 'latin1');
  const fields = parseStatLine(bytes);
  if (fields === undefined) throw new Error(`unparsable: ${line}`);
  return { bytes, fields, end: lastParsedEnd() };
}

function entryOf(line: string): Entry {
  const { bytes, fields, end } = read(line);
  const entry = new Entry({ dir: '/proc/42', statPath: '/proc/42/stat' }, unknownProc(42));
  entry.copyStat(bytes, end);
  entry.remember(fields, { lockedKb: 0, rssBytes: 4096 }, unknownProc(42), 1);
  return entry;
}

describe('Entry', () => {
  it('calls a stat unchanged when fields 1–24 are the same bytes, whatever follows', () => {
    const entry = entryOf(HEAD + TAIL);
    const later = Buffer.from(`${HEAD} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 0 0 0\n`, 'latin1');
    expect(entry.statUnchanged(later, later.length)).toBe(true);
    const bare = Buffer.from(HEAD, 'latin1');
    expect(entry.statUnchanged(bare, bare.length)).toBe(true);
  });

  it('calls it changed when a parsed field moved or field 24 grew a digit', () => {
    const entry = entryOf(HEAD + TAIL);
    const cpu = Buffer.from(HEAD.replace(' 7 3 ', ' 8 3 ') + TAIL, 'latin1');
    expect(entry.statUnchanged(cpu, cpu.length)).toBe(false);
    const longerRss = Buffer.from(`${HEAD}0${TAIL}`, 'latin1');
    expect(entry.statUnchanged(longerRss, longerRss.length)).toBe(false);
    const cut = Buffer.from(HEAD.slice(0, -1), 'latin1');
    expect(entry.statUnchanged(cut, cut.length)).toBe(false);
  });

  it('compares comm by its bytes, wherever it sits in the line', () => {
    const entry = entryOf(HEAD + TAIL);
    const same = read(`${HEAD.replace('42 (sleep) S 1', '42 (sleep) R 1')}${TAIL}`);
    expect(entry.sameComm(same.bytes, same.fields)).toBe(true);
    const exec = read(`${HEAD.replace('(sleep)', '(sleepy)')}${TAIL}`);
    expect(entry.sameComm(exec.bytes, exec.fields)).toBe(false);
  });

  it('reuses its stat copy when the length is the same, and owns it (not a view of the read buffer)', () => {
    const entry = entryOf(HEAD + TAIL);
    const first = entry.statCopy();
    const next = read(HEAD.replace(' 7 3 ', ' 8 3 ') + TAIL);
    entry.copyStat(next.bytes, next.end);
    expect(entry.statCopy().buffer).toBe(first.buffer);
    expect(entry.statCopy().byteOffset).toBe(first.byteOffset);
    next.bytes.fill(0);
    expect(entry.statCopy().toString('latin1')).toBe(HEAD.replace(' 7 3 ', ' 8 3 '));
  });

  it('takes a first copy from an arena: copies side by side in one block, each its own bytes', () => {
    const arena = new StatArena();
    const a = read(HEAD + TAIL);
    const b = read(HEAD.replace('42 (sleep)', '42 (sleeper)') + TAIL);
    const first = new Entry({ dir: '/proc/42', statPath: '/proc/42/stat' }, unknownProc(42));
    const second = new Entry({ dir: '/proc/43', statPath: '/proc/43/stat' }, unknownProc(43));
    first.copyStat(a.bytes, a.end, arena);
    second.copyStat(b.bytes, b.end, arena);
    expect(first.statCopy().buffer).toBe(second.statCopy().buffer);
    a.bytes.fill(0);
    b.bytes.fill(0);
    expect(first.statCopy().toString('latin1')).toBe(HEAD);
    expect(second.statCopy().toString('latin1')).toBe(HEAD.replace('42 (sleep)', '42 (sleeper)'));
    // Both still compare as the stat they were built from (the offset into the shared block counts).
    expect(second.statUnchanged(Buffer.from(HEAD.replace('42 (sleep)', '42 (sleeper)') + TAIL), b.end + TAIL.length)).toBe(true);
    second.remember(b.fields, { lockedKb: 0, rssBytes: 4096 }, unknownProc(43), 1);
    expect(second.sameComm(read(HEAD.replace('42 (sleep)', '42 (sleeper)') + TAIL).bytes, b.fields)).toBe(true);
    expect(second.sameComm(read(HEAD + TAIL).bytes, a.fields)).toBe(false);
    // A later change of the same length rewrites the entry's own slice, never its neighbour's.
    const moved = read(HEAD.replace(' 7 3 ', ' 8 3 ') + TAIL);
    first.copyStat(moved.bytes, moved.end);
    expect(first.statCopy().toString('latin1')).toBe(HEAD.replace(' 7 3 ', ' 8 3 '));
    expect(second.statCopy().toString('latin1')).toBe(HEAD.replace('42 (sleep)', '42 (sleeper)'));
  });

  it('starts a new arena block when a copy does not fit in what is left', () => {
    const arena = new StatArena();
    expect(arena.take(StatArena.BLOCK_BYTES - 10)).toBe(0);
    const big = arena.block;
    expect(arena.take(5)).toBe(StatArena.BLOCK_BYTES - 10);
    expect(arena.block).toBe(big);
    expect(arena.take(20)).toBe(0);
    expect(arena.block).not.toBe(big);
    expect(arena.take(StatArena.BLOCK_BYTES * 2)).toBe(0);
    expect(arena.block.length).toBe(StatArena.BLOCK_BYTES * 2);
  });
});
