import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatPsTable } from '../../../src/inspect/format/ps-table.js';
import { proc, snapshot, unknownProc } from '../diff-builders.js';

const NOW = new Date(2024, 5, 6, 15, 30, 0).getTime(); // local time, like ps
const root = { uid: 0, user: 'root', startTime: new Date(2024, 5, 6, 9, 5).getTime() };

const init = proc({ pid: 1, ppid: 0, pgid: 1, sid: 1, stat: 'Ss', comm: 'init', args: '/sbin/init splash', timeSeconds: 2.99, ...root });
const kthread = proc({ pid: 2, ppid: 0, pgid: 0, sid: 0, stat: 'S', comm: 'kthreadd', args: '', timeSeconds: 0, ...root });
const shell = proc({
  pid: 4321,
  ppid: 1,
  pgid: 4321,
  sid: 4321,
  tty: 'pts/3',
  tpgid: 4400,
  stat: 'Ss',
  uid: 1000,
  comm: 'bash',
  args: '-bash',
  timeSeconds: 7325.4,
});
const zombie = proc({ pid: 4400, ppid: 4321, pgid: 4400, sid: 4321, tty: 'pts/3', tpgid: 4400, state: 'Z', stat: 'Z+', comm: 'sleep', args: '' });

describe('formatPsTable j (ps -ajx)', () => {
  it('prints the ps -ajx header and right-aligned numbers, by pid', () => {
    const lines = formatPsTable(snapshot([zombie, shell, kthread, init], NOW), 'j');
    expect(lines).toEqual([
      ' PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND',
      '    0     1     1     1 ?           -1 Ss       0   0:02 /sbin/init splash',
      '    0     2     0     0 ?           -1 S        0   0:00 [kthreadd]',
      '    1  4321  4321  4321 pts/3     4400 Ss    1000 122:05 -bash',
      ' 4321  4400  4400  4321 pts/3     4400 Z+    1000   0:00 [sleep] <defunct>',
    ]);
  });

  it('shows ? for every unknown value, never 0', () => {
    const lines = formatPsTable(snapshot([unknownProc(77)], NOW), 'j');
    expect(lines[1]).toBe('    ?    77     ?     ? ?            ? ?        ?      ? ?');
  });

  it('shows the state letter when the backend knows no STAT, and [comm] when args are unreadable', () => {
    const partial = proc({ pid: 9, stat: undefined, state: 'R', args: undefined, comm: 'secret' });
    expect(formatPsTable(snapshot([partial], NOW), 'j')[1]).toMatch(/ R +1000 +0:00 \[secret\]$/u);
  });

  it('lets a too-wide value push the line, then realigns within the next columns', () => {
    const wide = proc({ pid: 5, ppid: 1, pgid: 5, sid: 5, stat: 'S<Ll+s', uid: 0, timeSeconds: 1 });
    const lines = formatPsTable(snapshot([init, wide], NOW), 'j');
    expect(lines[2]).toBe('    1     5     5     5 ?           -1 S<Ll+s   0   0:01 sleep 30');
    expect(lines[1]?.indexOf('0:02')).toBe(lines[2]?.indexOf('0:01'));
  });

  it('sanitizes hostile names and command lines: no control character reaches the output', () => {
    const hostile = proc({
      pid: 66,
      comm: 'a\u001b[2Jb',
      args: 'evil\u001b]0;owned\u0007 \u009b31m x\ny\u007f \ufffd\u202e',
    });
    const kernel = proc({ pid: 67, comm: 'k\u0085w', args: '' });
    const output = [...formatPsTable(snapshot([hostile, kernel], NOW), 'j'), ...formatPsTable(snapshot([hostile, kernel], NOW), 'aux')];
    for (const line of output) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
    expect(output[1]).toMatch(/ evil\?\]0;owned\? \?31m x\?y\? \?\?$/u);
    expect(output[2]).toMatch(/ \[k\?w\]$/u);
  });
});

describe('formatPsTable aux (ps aux plus NI)', () => {
  it('prints user, %CPU as a lifetime average, %MEM, sizes in KiB, NI, START and BSD TIME', () => {
    const busy = proc({
      pid: 812,
      ppid: 1,
      user: 'systemd-network',
      uid: 998,
      startTime: NOW - 200_000,
      timeSeconds: 50, // 50 s of CPU in 200 s of life: 25.0 %
      memPercent: 1.26,
      vszBytes: 46_888 * 1024,
      rssBytes: 14_496 * 1024,
      nice: -5,
      stat: 'S<sl',
      comm: 'systemd-network',
      args: '/lib/systemd/systemd-networkd',
    });
    const lines = formatPsTable(snapshot([busy, init], NOW), 'aux');
    expect(lines).toEqual([
      'USER       PID %CPU %MEM    VSZ   RSS  NI TTY      STAT START   TIME COMMAND',
      'root         1  0.0  0.0   8000   400   0 ?        Ss   09:05   0:02 /sbin/init splash',
      'systemd+   812 25.0  1.2  46888 14496  -5 ?        S<sl 15:26   0:50 /lib/systemd/systemd-networkd',
    ]);
  });

  it('lets a wide STAT shift START, TIME and COMMAND, as procps does (TIME keeps its own padding)', () => {
    // Observed with procps-ng 4.0.2 on a niced, mlocked, threaded session leader:
    // `ps aux` printed `S<Lsl 19:46   0:00 /root/...` with COMMAND one column right of its header.
    const wide = proc({ pid: 6888, user: 'root', stat: 'S<Lsl', startTime: NOW - 60_000, timeSeconds: 0, args: 'python3' });
    const [header = '', line = ''] = formatPsTable(snapshot([wide], NOW), 'aux');
    expect(line).toMatch(/ S<Lsl \d\d:\d\d {3}0:00 python3$/u);
    expect(line.indexOf('python3')).toBe(header.indexOf('COMMAND') + 1);
  });

  it('drops the decimal from 100 % up, as ps does', () => {
    const hog = proc({ pid: 9, startTime: NOW - 10_000, timeSeconds: 15 });
    expect(formatPsTable(snapshot([hog], NOW), 'aux')[1]).toMatch(/^alice +9 +150 /u);
  });

  it('prints START as HH:MM today, MmmDD this year, the year before that', () => {
    const start = (when: Date, pid: number) => proc({ pid, startTime: when.getTime() });
    const lines = formatPsTable(
      snapshot([start(new Date(2024, 5, 6, 0, 1), 1), start(new Date(2024, 0, 9, 23, 0), 2), start(new Date(2023, 11, 31, 23, 59), 3)], NOW),
      'aux',
    );
    expect(lines.slice(1).map((line) => line.split(/ +/u)[9])).toEqual(['00:01', 'Jan09', '2023']);
  });

  it('shows the uid when there is no user name, and ? when neither is known', () => {
    const lines = formatPsTable(snapshot([proc({ pid: 3, user: undefined, uid: 4242 }), unknownProc(4)], NOW), 'aux');
    expect(lines[1]).toMatch(/^4242 +3 /u);
    expect(lines[2]).toBe('?            4    ?    ?      ?     ?   ? ?        ?    ?          ? ?');
  });
});

describe('headers match procps', () => {
  const ps = (args: string[]): string => execFileSync('ps', args, { encoding: 'utf8' }).split('\n')[0] ?? '';

  it('j is exactly the header of ps -ajx', () => {
    expect(formatPsTable(snapshot([], NOW), 'j')[0]).toBe(ps(['-ajx']));
  });

  it('aux is the header of ps aux with NI after RSS', () => {
    expect(formatPsTable(snapshot([], NOW), 'aux')[0]).toBe(ps(['aux']).replace(' RSS ', ' RSS  NI '));
  });
});
