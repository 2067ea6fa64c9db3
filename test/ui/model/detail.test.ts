// The detail pane's start line: the clock time and the age as a person reads it.
import { afterEach, describe, expect, it } from 'vitest';
import { FORKED_NO_EXEC } from '../../../src/inspect/fork-mark.js';
import { setLanguage } from '../../../src/text/i18n/lang.js';
import { detailLines } from '../../../src/ui/model/detail.js';
import type { ProcRow } from '../../../src/ui/model/rows.js';
import { lineText } from '../../../src/ui/model/styled.js';
import { proc, snapshot } from './fixtures.js';

const sleeper = proc(13_183, 1, { comm: 'sleep', startTime: 1_700_000_000_000 });
const row: ProcRow = { pid: sleeper.pid, proc: sleeper, mark: 'live', prefix: '', hasChildren: false, collapsed: false };

/** The `Started` line of the pane, `seconds` after the process started. */
function startedLine(seconds: number): string | undefined {
  const now = sleeper.startTime === undefined ? undefined : sleeper.startTime + seconds * 1000;
  return detailLines(row, snapshot([sleeper]), 80, now)
    .map(lineText)
    .find((text) => text.startsWith('Started') || text.startsWith('启动于'));
}

describe('detail: when the process started', () => {
  afterEach(() => setLanguage(undefined));

  it('gives the age in days, hours, minutes or seconds, not a count of seconds', () => {
    setLanguage('en');
    expect(startedLine(77_789)).toMatch(/^Started \d\d:\d\d:\d\d \(21h36m ago\)$/);
    expect(startedLine(3 * 86_400 + 4 * 3600 + 7)).toMatch(/\(3d4h ago\)$/);
    expect(startedLine(45)).toMatch(/\(45s ago\)$/);
  });

  it('in Chinese too', () => {
    setLanguage('zh');
    expect(startedLine(77_789)).toMatch(/^启动于 \d\d:\d\d:\d\d（21 小时 36 分钟前）$/);
  });
});

describe('detail: leaders', () => {
  afterEach(() => setLanguage(undefined));

  /** The pane's lines for a process that leads its session and its group (pid = sid = pgid). */
  const leaderLines = (): string[] => {
    const leader = proc(4_242, 1, { comm: 'bash', sid: 4_242, pgid: 4_242 });
    const leaderRow: ProcRow = { pid: leader.pid, proc: leader, mark: 'live', prefix: '', hasChildren: false, collapsed: false };
    return detailLines(leaderRow, snapshot([leader]), 80, undefined).map(lineText);
  };

  it('says what it leads as a sentence, with the columns that show it', () => {
    setLanguage('en');
    expect(leaderLines()).toEqual(expect.arrayContaining(['  leads its session (PID = SID)', '  leads its process group (PID = PGID)']));
    // A lone `会话首进程` read as a heading with nothing under it.
    setLanguage('zh');
    expect(leaderLines()).toEqual(expect.arrayContaining(['  它是会话首进程（PID 等于 SID）', '  它是进程组组长（PID 等于 PGID）']));
  });
});

describe("detail: a fork that has not exec'd", () => {
  afterEach(() => setLanguage(undefined));

  const paneOf = (fields: Parameters<typeof proc>[2]): string => {
    const child = proc(5_001, 5_000, { comm: 'fork_demo', ...fields });
    const childRow: ProcRow = { pid: child.pid, proc: child, mark: 'live', prefix: '', hasChildren: false, collapsed: false };
    return detailLines(childRow, snapshot([child]), 80, undefined)
      .map(lineText)
      .join('\n');
  };

  it("says a process read with PF_FORKNOEXEC runs the copy fork() made, and nothing when it exec'd or is unknown", () => {
    setLanguage('en');
    expect(paneOf({ [FORKED_NO_EXEC]: true })).toContain("forked and no exec since (ps shows F 1): it runs its parent's program");
    expect(paneOf({ [FORKED_NO_EXEC]: false })).not.toContain('no exec since');
    expect(paneOf({})).not.toContain('no exec since');
    // A kernel thread has the flag too (it never execs): not said of it.
    expect(paneOf({ [FORKED_NO_EXEC]: true, ppid: 2, args: '', comm: 'kworker/0:1', rssBytes: 0, vszBytes: 0 })).not.toContain('no exec since');
    setLanguage('zh');
    expect(paneOf({ [FORKED_NO_EXEC]: true })).toContain('fork 之后还没有调用过 exec');
  });
});
