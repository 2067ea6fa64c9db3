import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnsFor, COMM_WIDTH, psArguments, type Column } from '../../../src/inspect/ps/columns.js';
import { parsePsLine, parsePsOutput, psStandIn, realArgs } from '../../../src/inspect/ps/parse.js';

const LINUX = columnsFor('linux');
const DARWIN = columnsFor('darwin');
const PROCPS = readFileSync(new URL('../../fixtures/proc/parse-ps/linux-procps.txt', import.meta.url), 'utf8');

/** The columns of a sleeping `sleep 30` as ps prints them (a test adds or changes the ones it is about). */
const SLEEPER: Record<string, string> = {
  pid: '8',
  ppid: '1',
  stat: 'S',
  tty: '?',
  user: 'me',
  time: '00:00:00',
  lstart: 'Mon Jan  5 09:08:07 2026',
  comm: 'sleep',
  args: 'sleep 30',
};

/** Lays values out as ps does: numbers right-aligned, text left-aligned, each in its column width. */
function psLine(columns: readonly Column[], values: Record<string, string>): string {
  return columns
    .map((c) => {
      const value = values[c.field] ?? '-';
      if (c.field === 'args') return value;
      return /^-?[\d.]+$/.test(value) ? value.padStart(c.width) : value.padEnd(c.width);
    })
    .join(' ');
}

describe('ps backend output parsing', () => {
  it('asks for one -o per column, command name and arguments last', () => {
    const args = psArguments(LINUX);
    expect(args[0]).toBe('-axww');
    expect(args.filter((a) => a === '-o')).toHaveLength(LINUX.length);
    expect(args.at(-1)).toBe('args=');
    expect(args.at(-3)).toBe(`ucomm=COMM${'_'.repeat(COMM_WIDTH - 4)}`);
    expect(psArguments(DARWIN).join(' ')).not.toMatch(/sid=|nlwp=|priority=/);
    expect(psArguments(DARWIN).join(' ')).toMatch(/pri=/);
  });

  it('parses real procps output: names with spaces and wide characters, kernel threads, zombies', () => {
    const rows = new Map(parsePsOutput(PROCPS, LINUX).map((r) => [r.pid, r]));
    expect(rows.get(1)).toMatchObject({
      ppid: 0,
      sid: 0,
      tpgid: -1,
      nice: -10,
      priority: 10,
      threads: 13,
      stat: 'S<Ll',
      tty: '?',
      user: 'root',
      uid: 0,
      rssBytes: 14456 * 1024,
      vszBytes: 44496 * 1024,
      memPercent: 0,
      timeSeconds: 12,
      comm: 'process_api',
      startTime: new Date(2026, 10, 29, 19, 35, 50).getTime(),
    });
    expect(rows.get(1)?.args).toMatch(/^\/process_api --firecracker-init .* --auth-required$/);
    expect(rows.get(3)).toMatchObject({ comm: 'pool_workqueue_release', args: '', ppid: 2 });
    expect(rows.get(5670)).toMatchObject({ comm: 'a) Z 1 (b', args: './a) Z 1 (b 60', sid: 2518, pgid: 5663 });
    expect(rows.get(5671)).toMatchObject({ comm: 'caf\u00e9\u65e5\u672c', args: './caf\u00e9\u65e5\u672c 60' });
    expect(rows.get(5673)).toMatchObject({ comm: 'sleep', args: '', stat: 'Z', rssBytes: 0 });
    expect(rows.size).toBe(6);
  });

  it("reads procps's policy column, and NI `-` as unknown (NI has no say in IDL, FF, RR, DLN)", () => {
    const fields = SLEEPER;
    expect(parsePsLine(psLine(LINUX, { ...fields, nice: '-', policy: 'IDL' }), LINUX)).toMatchObject({ policy: 'IDL', nice: undefined });
    expect(parsePsLine(psLine(LINUX, { ...fields, nice: '5', policy: 'B' }), LINUX)).toMatchObject({ policy: 'B', nice: 5 });
    // A name this table lacks, or `-`: unknown.
    expect(parsePsLine(psLine(LINUX, { ...fields, nice: '0', policy: '#7' }), LINUX)).toMatchObject({ policy: undefined, nice: 0 });
    expect(psArguments(DARWIN).join(' ')).not.toMatch(/policy=/);
    expect(psArguments(columnsFor('freebsd')).join(' ')).not.toMatch(/policy=/);
  });

  it('cuts a name padded with its own trailing-looking spaces at the column, not at a space', () => {
    const line = psLine(LINUX, {
      pid: '7',
      ppid: '1',
      stat: 'S',
      tty: '?',
      user: 'me',
      time: '00:00:01',
      lstart: 'Mon Jan  5 09:08:07 2026',
      comm: 'x  y',
      args: 'x  y --a  b',
    });
    expect(parsePsLine(line, LINUX)).toMatchObject({ pid: 7, comm: 'x  y', args: 'x  y --a  b', startTime: new Date(2026, 0, 5, 9, 8, 7).getTime() });
  });

  it('reads the BSD layout and formats: `??` for no terminal, TIME with hundredths, pri', () => {
    const line = psLine(DARWIN, {
      pid: '412',
      ppid: '1',
      pgid: '412',
      tpgid: '0',
      nice: '0',
      priority: '31',
      uid: '501',
      rss: '2048',
      vsz: '4000000',
      mem: '0.1',
      tty: '??',
      stat: 'Ss',
      user: 'alice',
      time: '1:02.50',
      lstart: 'Tue Apr  1 09:15:42 2025',
      comm: 'Google Chrome He',
      args: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome Helper --type=gpu',
    });
    const row = parsePsLine(line, DARWIN);
    expect(row?.sid).toBeUndefined();
    expect(row?.threads).toBeUndefined();
    expect(row).toMatchObject({
      pid: 412,
      priority: 31,
      tty: '?',
      stat: 'Ss',
      user: 'alice',
      timeSeconds: 62.5,
      comm: 'Google Chrome He',
      args: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome Helper --type=gpu',
      startTime: new Date(2025, 3, 1, 9, 15, 42).getTime(),
    });
  });

  it('leaves `-` and unreadable values undefined, and skips lines that do not fit', () => {
    const line = psLine(LINUX, {
      pid: '9',
      ppid: '2',
      nice: '-',
      vsz: '0',
      stat: 'S',
      tty: '?',
      user: 'root',
      time: '00:00:00',
      lstart: 'Sun Nov 29 19:35:50 2026',
      comm: 'migration/0',
      args: '[migration/0]',
    });
    expect(parsePsLine(line, LINUX)).toMatchObject({ pid: 9, nice: undefined, pgid: undefined, args: '' });
    expect(parsePsLine('', LINUX)).toBeUndefined();
    expect(parsePsLine('   12   1   garbage', LINUX)).toBeUndefined();
    expect(parsePsLine(`${'x'.padStart(10)} ${'1'.padStart(10)}`, LINUX)).toBeUndefined();
    expect(parsePsOutput('HEADER\n\nnot a line\n', LINUX)).toEqual([]);
  });
});

describe('realArgs', () => {
  it("turns ps's stand-ins into '' only for a process without memory: a kernel thread (VSZ 0) or a zombie", () => {
    expect(realArgs('[kthreadd]', { comm: 'kthreadd', stat: 'S', vszBytes: 0 })).toBe('');
    expect(realArgs('[sleep] <defunct>', { comm: 'sleep', stat: 'Z', vszBytes: 0 })).toBe('');
    expect(realArgs('[sleep] <defunct>', { comm: 'sleep', stat: 'Z+', vszBytes: undefined })).toBe('');
    // A task past exit_mm, not yet a zombie: no address space, no command line.
    expect(realArgs('[sleep]', { comm: 'sleep', stat: 'R', vszBytes: 0 })).toBe('');
  });

  it('keeps a real argv that happens to be `[comm]` (a live process with memory)', () => {
    expect(realArgs('[sleep]', { comm: 'sleep', stat: 'S', vszBytes: 8_192 * 1024 })).toBe('[sleep]');
    expect(realArgs('[sleep] <defunct>', { comm: 'sleep', stat: 'S', vszBytes: 8_192 * 1024 })).toBe('[sleep] <defunct>');
    // Neither STAT nor VSZ known: nothing says it is a stand-in.
    expect(realArgs('[sleep]', { comm: 'sleep' })).toBe('[sleep]');
  });

  it('keeps text that is not the stand-in for this name', () => {
    expect(realArgs('[sleep] 30', { comm: 'sleep', stat: 'Z', vszBytes: 0 })).toBe('[sleep] 30');
    expect(realArgs('[other]', { comm: 'sleep', stat: 'S', vszBytes: 0 })).toBe('[other]');
    expect(realArgs('[x]', { comm: undefined, stat: 'S', vszBytes: 0 })).toBe('[x]');
  });

  it('tells the two apart in a whole ps line, by its VSZ and STAT columns', () => {
    const base = { ...SLEEPER, pid: '77', args: '[sleep]' };
    expect(parsePsLine(psLine(LINUX, { ...base, vsz: '8192', rss: '1024' }), LINUX)?.args).toBe('[sleep]');
    expect(parsePsLine(psLine(LINUX, { ...base, vsz: '0', rss: '0' }), LINUX)?.args).toBe('');
    expect(parsePsLine(psLine(LINUX, { ...base, vsz: '0', rss: '0', stat: 'Z', args: '[sleep] <defunct>' }), LINUX)?.args).toBe('');
  });
});

describe('psStandIn', () => {
  it('names which stand-in the text looks like', () => {
    expect(psStandIn('[kthreadd]', 'kthreadd')).toBe('bare');
    expect(psStandIn('[sleep] <defunct>', 'sleep')).toBe('defunct');
    expect(psStandIn('sleep 30', 'sleep')).toBeUndefined();
    expect(psStandIn('[sleep]', undefined)).toBeUndefined();
  });
});
