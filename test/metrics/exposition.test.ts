// The two text formats written from the same families: hostile label values
// stay inside their quotes on one line; counters, info and units are spelled
// as each format requires; OpenMetrics ends with # EOF.
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, writeExposition } from '../../src/metrics/exposition.js';
import type { MetricFamily } from '../../src/metrics/family.js';

const HOSTILE = 'x"} 1\nevil{a="b\\\u001b[2J';

const FAMILIES: MetricFamily[] = [
  {
    name: 'procview_zombies_by_parent',
    type: 'gauge',
    help: 'Zombies per parent.',
    samples: [
      {
        labels: [
          ['parent_comm', HOSTILE],
          ['parent_pid', '42'],
        ],
        value: 2,
      },
      { labels: [['parent_comm', 'other']], value: 0 },
    ],
  },
  { name: 'procview_events', type: 'counter', help: 'Events "seen".', samples: [{ labels: [['kind', 'spawn']], value: 7 }] },
  { name: 'procview_zombie_oldest_seconds', type: 'gauge', unit: 'seconds', help: 'Oldest.', samples: [{ labels: [], value: 1.5 }] },
  { name: 'procview_build', type: 'info', help: 'Build.', samples: [{ labels: [['version', '0.1.0']], value: 1 }] },
];

describe('writeExposition, Prometheus text format 0.0.4', () => {
  const text = writeExposition(FAMILIES, 'prometheus');
  const lines = text.split('\n');

  it('keeps a hostile comm inside its label: one line, quotes and backslashes escaped, ESC and newline made ?', () => {
    const line = lines.find((l) => l.startsWith('procview_zombies_by_parent{parent_comm="x'));
    expect(line).toBe('procview_zombies_by_parent{parent_comm="x\\"} 1?evil{a=\\"b\\\\?[2J",parent_pid="42"} 2');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/u);
    // Every line is a comment or a sample of a family we wrote.
    for (const l of lines.filter((x) => x !== '')) expect(l).toMatch(/^(# (HELP|TYPE) )?procview_/u);
  });

  it('names counters with _total in HELP, TYPE and samples; info becomes a gauge *_info; no UNIT, no EOF', () => {
    expect(lines).toContain('# HELP procview_events_total Events "seen".');
    expect(lines).toContain('# TYPE procview_events_total counter');
    expect(lines).toContain('procview_events_total{kind="spawn"} 7');
    expect(lines).toContain('# TYPE procview_build_info gauge');
    expect(lines).toContain('procview_build_info{version="0.1.0"} 1');
    expect(text).not.toContain('# UNIT');
    expect(text).not.toContain('# EOF');
    expect(text.endsWith('\n')).toBe(true);
    expect(CONTENT_TYPES.prometheus).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});

describe('writeExposition, OpenMetrics 1.0.0', () => {
  const text = writeExposition(FAMILIES, 'openmetrics');
  const lines = text.split('\n');

  it('names the counter family without _total and its sample with it', () => {
    expect(lines).toContain('# TYPE procview_events counter');
    expect(lines).toContain('# HELP procview_events Events \\"seen\\".');
    expect(lines).toContain('procview_events_total{kind="spawn"} 7');
    expect(text).not.toContain('# TYPE procview_events_total');
  });

  it('writes TYPE, UNIT, HELP in that order, info families as info, and ends with # EOF', () => {
    const at = (line: string): number => lines.indexOf(line);
    expect(at('# TYPE procview_zombie_oldest_seconds gauge')).toBeGreaterThanOrEqual(0);
    expect(at('# UNIT procview_zombie_oldest_seconds seconds')).toBe(at('# TYPE procview_zombie_oldest_seconds gauge') + 1);
    expect(at('# HELP procview_zombie_oldest_seconds Oldest.')).toBe(at('# UNIT procview_zombie_oldest_seconds seconds') + 1);
    expect(lines).toContain('# TYPE procview_build info');
    expect(lines).toContain('procview_build_info{version="0.1.0"} 1');
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(CONTENT_TYPES.openmetrics).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
  });

  it('escapes the hostile label the same way', () => {
    expect(text).toContain('parent_comm="x\\"} 1?evil{a=\\"b\\\\?[2J"');
  });
});

describe('writeExposition refuses our own mistakes', () => {
  it('rejects a bad metric name, a bad label name, a unit that is not the suffix', () => {
    const base = { type: 'gauge', help: 'h', samples: [] } as const;
    expect(() => writeExposition([{ ...base, name: 'bad-name' }], 'prometheus')).toThrow(/metric name/u);
    expect(() => writeExposition([{ ...base, name: 'ok', samples: [{ labels: [['1x', 'v']], value: 1 }] }], 'prometheus')).toThrow(/label name/u);
    expect(() => writeExposition([{ ...base, name: 'ok_bytes', unit: 'seconds' }], 'openmetrics')).toThrow(/_seconds/u);
  });
});
