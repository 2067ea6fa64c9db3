// The header meters as lines: each bar exactly its width, split into the
// roles the theme colours, and the compact single line on small terminals.
import { afterEach, describe, expect, it } from 'vitest';
import type { Meters } from '../../../src/inspect/procfs/meters.js';
import { bar, meterLines, meterShape, sizeWords } from '../../../src/ui/model/meters.js';
import { setLanguage } from '../../../src/text/i18n/lang.js';
import { lineText, lineWidth } from '../../../src/ui/model/styled.js';

const meters: Meters = {
  cpus: [
    { name: 'cpu', user: 0.25, nice: 0.05, system: 0.1, busy: 0.4 },
    { name: 'cpu0', user: 0.5, nice: 0.1, system: 0.2, busy: 0.8 },
    { name: 'cpu1', user: 0, nice: 0, system: 0, busy: 0 },
  ],
  cpuCount: 2,
  memory: { totalKb: 8 * 1024 * 1024, availableKb: 6 * 1024 * 1024, swapTotalKb: 0, swapFreeKb: 0 },
};

describe('meters', () => {
  it('draws htop’s bar: nice, user, kernel in order, the figure at the right end, exactly the width', () => {
    const line = bar(
      '0',
      [
        { share: 0.1, role: 'cpu-nice' },
        { share: 0.5, role: 'cpu-user' },
        { share: 0.2, role: 'cpu-system' },
      ],
      '80.0%',
      30,
    );
    expect(lineWidth(line)).toBe(30);
    expect(lineText(line)).toBe('0[||||||||||||||||||    80.0%]');
    // 22 cells of bar: cumulative shares 0.1, 0.6, 0.8 → 2, 13, 18 cells.
    expect(line.spans.filter((s) => s.role?.startsWith('cpu-')).map((s) => [s.role, s.text.length])).toEqual([
      ['cpu-nice', 2],
      ['cpu-user', 11],
      ['cpu-system', 5],
    ]);
  });

  it('sizes like htop, unknown as ?', () => {
    expect(sizeWords(512)).toBe('512K');
    expect(sizeWords(300 * 1024)).toBe('300M');
    expect(sizeWords(2.5 * 1024 * 1024)).toBe('2.50G');
    expect(sizeWords(undefined)).toBe('?');
  });

  it('full form: a bar per CPU, then Mem and Swp with used/total; every line the full width', () => {
    const shape = meterShape(2, 120, 40);
    expect(shape).toEqual({ rows: 2, columns: 2, compact: false });
    const lines = meterLines(meters, shape, 120);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(lineWidth(line)).toBe(120);
    expect(lineText(lines[0] ?? { spans: [] })).toMatch(/^0\[\|+ +80\.0%\] 1\[ +0\.0%\] *$/);
    expect(lineText(lines[1] ?? { spans: [] })).toMatch(/^Mem\[\|+ +2\.00G\/8\.00G\] Swp\[ +0K\/0K\] *$/);
  });

  it('compact form on short or narrow terminals and with many CPUs: one line, all CPUs together', () => {
    expect(meterShape(2, 80, 24)).toEqual({ rows: 1, columns: 1, compact: true });
    expect(meterShape(64, 200, 50).compact).toBe(true);
    expect(meterShape(2, 60, 15).rows).toBe(0);
    // README: under 30 rows or under 100 columns (at 99x30 the full form took four rows).
    expect(meterShape(2, 99, 30)).toEqual({ rows: 1, columns: 1, compact: true });
    expect(meterShape(2, 100, 29)).toEqual({ rows: 1, columns: 1, compact: true });
    expect(meterShape(2, 100, 30)).toEqual({ rows: 2, columns: 2, compact: false });
    const [line] = meterLines(meters, meterShape(2, 80, 24), 80);
    expect(lineWidth(line ?? { spans: [] })).toBe(80);
    expect(lineText(line ?? { spans: [] })).toMatch(/^CPU\[\|+ +40\.0%\] Mem\[.*\] Swp\[.*\]$/);
  });

  it('at 160 columns and more, the CPU bars fill the width as Mem and Swp do, however few the CPUs', () => {
    const shape = meterShape(2, 170, 40);
    expect(shape).toEqual({ rows: 2, columns: 2, compact: false });
    const [cpus, memory] = meterLines(meters, shape, 170).map(lineText);
    // The second CPU's bar ends at the right edge, as Swp's does.
    expect(cpus).toMatch(/^0\[\|+ +80\.0%\] 1\[ +0\.0%\]$/);
    expect(memory).toMatch(/Swp\[ +0K\/0K\]$/);
    expect(cpus?.indexOf(' 1[')).toBe(memory?.indexOf(' Swp['));
    // Four CPUs: four bars across.
    expect(meterShape(4, 170, 40)).toEqual({ rows: 2, columns: 4, compact: false });
  });

  describe('in Chinese', () => {
    afterEach(() => setLanguage(undefined));

    it('labels the memory bars 内存 and 交换 (two cells per character): every line still the full width', () => {
      setLanguage('zh');
      const full = meterLines(meters, meterShape(2, 120, 40), 120);
      for (const line of full) expect(lineWidth(line)).toBe(120);
      expect(lineText(full[1] ?? { spans: [] })).toMatch(/^内存\[\|+ +2\.00G\/8\.00G\] 交换\[ +0K\/0K\] *$/u);
      const [compact] = meterLines(meters, meterShape(2, 80, 24), 80);
      expect(lineWidth(compact ?? { spans: [] })).toBe(80);
      expect(lineText(compact ?? { spans: [] })).toMatch(/^CPU\[\|+ +40\.0%\] 内存\[.*\] 交换\[.*\]$/u);
      // Too narrow for a bar: the label and figures, cut to the width all the same.
      const narrow = bar('内存', [], '2.00G/8.00G', 12);
      expect(lineWidth(narrow)).toBe(12);
    });
  });

  it('before two samples the CPU share is unknown: ?', () => {
    const [line] = meterLines({ ...meters, cpus: [] }, meterShape(2, 80, 24), 80);
    expect(lineText(line ?? { spans: [] })).toMatch(/^CPU\[ +\?\]/);
  });
});
