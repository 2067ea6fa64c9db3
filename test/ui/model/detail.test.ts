// The detail pane's start line: the clock time and the age as a person reads it.
import { afterEach, describe, expect, it } from 'vitest';
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
