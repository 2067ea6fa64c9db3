// One scrape's families from a hand-made state: states always present,
// zombies per parent bounded to the top N plus "other", group series.
import { describe, expect, it } from 'vitest';
import type { ProcInfo } from '../../src/inspect/types.js';
import { collectFamilies, type CollectOptions } from '../../src/metrics/collect.js';
import { writeExposition } from '../../src/metrics/exposition.js';
import type { MetricFamily } from '../../src/metrics/family.js';
import { groupMatcher, parseGroupSpecs } from '../../src/metrics/groups.js';
import { advanceMetrics } from '../../src/metrics/state.js';
import { proc, snapshot } from '../inspect/diff-builders.js';

const OPTIONS: CollectOptions = {
  topParents: 3,
  groups: [],
  groupOf: () => -1,
  now: 61_000,
  scrapeSeconds: 0.002,
  version: '0.1.0',
  backend: 'procfs',
  events: 'polling',
};

function families(procs: ProcInfo[], options: Partial<CollectOptions> = {}): MetricFamily[] {
  const groups = options.groups ?? [];
  const groupOf = options.groupOf ?? (() => -1);
  const state = advanceMetrics(undefined, { snapshot: snapshot(procs, 1000), procs, events: [], scanSeconds: 0.5 }, groupOf, groups.length);
  return collectFamilies(state, { ...OPTIONS, ...options });
}

function family(list: MetricFamily[], name: string): MetricFamily {
  const found = list.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no family ${name}`);
  return found;
}

/** 40 parents, parent p (pid 1000 + p) has p zombies; the parents are named hostilely. */
function manyParents(): ProcInfo[] {
  const procs: ProcInfo[] = [];
  let pid = 5000;
  for (let p = 1; p <= 40; p += 1) {
    procs.push(proc({ pid: 1000 + p, comm: `bad"\\\n{${p}}\u001b` }));
    for (let z = 0; z < p; z += 1) {
      pid += 1;
      procs.push(proc({ pid, ppid: 1000 + p, state: 'Z', comm: 'defunct' }));
    }
  }
  return procs;
}

describe('collectFamilies', () => {
  it('counts processes per state, always listing the common states, unknown states as ?', () => {
    const list = families([
      proc({ pid: 1, state: 'R' }),
      proc({ pid: 2 }),
      proc({ pid: 3, state: 'X' }),
      proc({ pid: 4, state: 'weird' }),
      proc({ pid: 5, state: undefined }),
    ]);
    const samples = family(list, 'procview_processes').samples.map((s) => [s.labels[0]?.[1], s.value]);
    expect(samples).toEqual([
      ['R', 1],
      ['S', 1],
      ['D', 0],
      ['T', 0],
      ['t', 0],
      ['Z', 0],
      ['X', 1],
      ['I', 0],
      ['?', 2],
    ]);
  });

  it('counts no zombie for a leader read Z whose other threads run on (ps Zl): that process is alive', () => {
    const list = families([
      proc({ pid: 10, comm: 'sh' }),
      proc({ pid: 20, ppid: 10, state: 'Z', threads: 2 }),
      proc({ pid: 30, ppid: 10, state: 'Z', threads: 1 }),
    ]);
    expect(family(list, 'procview_zombies').samples[0]?.value).toBe(1);
    expect(family(list, 'procview_zombies_by_parent').samples.map((s) => s.value)).toEqual([1, 0]);
    // Its state letter is still Z, as ps prints it.
    expect(family(list, 'procview_processes').samples.find((s) => s.labels[0]?.[1] === 'Z')?.value).toBe(2);
  });

  it('bounds zombies per parent to the top N parents plus one "other" series, whatever the number of parents', () => {
    const list = families(manyParents());
    const byParent = family(list, 'procview_zombies_by_parent').samples;
    expect(byParent).toHaveLength(4);
    expect(byParent.map((s) => s.labels.find(([n]) => n === 'parent_pid')?.[1])).toEqual(['1040', '1039', '1038', undefined]);
    expect(byParent.map((s) => s.value)).toEqual([40, 39, 38, (37 * 38) / 2]);
    expect(byParent[3]?.labels).toEqual([['parent_comm', 'other']]);
    expect(family(list, 'procview_zombies').samples[0]?.value).toBe((40 * 41) / 2);
    // The whole exposition stays small and every hostile name is inert.
    const text = writeExposition(list, 'prometheus');
    expect(text.split('\n').length).toBeLessThan(120);
    expect(text).toContain('parent_comm="bad\\"\\\\?{40}?"');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/u);
  });

  it('with --top-parents 0, every zombie is in "other"', () => {
    const byParent = family(families(manyParents(), { topParents: 0 }), 'procview_zombies_by_parent').samples;
    expect(byParent).toEqual([{ labels: [['parent_comm', 'other']], value: (40 * 41) / 2 }]);
  });

  it('gives the oldest zombie age from first sight, 0 when there is none', () => {
    expect(family(families([proc({ pid: 9, state: 'Z' })]), 'procview_zombie_oldest_seconds').samples[0]?.value).toBe(60);
    expect(family(families([proc({ pid: 9 })]), 'procview_zombie_oldest_seconds').samples[0]?.value).toBe(0);
  });

  it('adds per-group series only with --group, labelled by the group name, never by the command line', () => {
    expect(families([proc({ pid: 1 })]).some((f) => f.name.startsWith('procview_group'))).toBe(false);
    const groups = parseGroupSpecs(['web=cmdline:--secret', 'sleepers=^sleep$']);
    const procs = [
      proc({ pid: 1, comm: 'node', args: 'node server.js --secret=hunter2', rssBytes: 1000, threads: 4, timeSeconds: 2 }),
      proc({ pid: 2, comm: 'sleep', args: 'sleep 30', rssBytes: 10, timeSeconds: 0.5 }),
      proc({ pid: 3, comm: 'sleep', args: 'sleep 30 --secret', state: 'T', rssBytes: 10 }),
    ];
    const list = families(procs, { groups, groupOf: groupMatcher(groups) });
    const value = (name: string, group: string): number | undefined =>
      family(list, name).samples.find((s) => s.labels.some(([n, v]) => n === 'group' && v === group))?.value;
    // First match wins: pid 3 matches both and counts in web only.
    expect([value('procview_group_processes', 'web'), value('procview_group_processes', 'sleepers')]).toEqual([2, 1]);
    expect(value('procview_group_resident_memory_bytes', 'web')).toBe(1010);
    expect(value('procview_group_cpu_seconds', 'sleepers')).toBe(0.5);
    expect(value('procview_group_threads', 'web')).toBe(5);
    const states = family(list, 'procview_group_states').samples.filter((s) => s.labels[0]?.[1] === 'web' && s.value > 0);
    expect(states.map((s) => s.labels[1]?.[1])).toEqual(['S', 'T']);
    expect(writeExposition(list, 'prometheus')).not.toContain('hunter2');
  });

  it('reports build info, scan and scrape durations', () => {
    const list = families([proc({ pid: 1 })]);
    expect(family(list, 'procview_build')).toMatchObject({
      type: 'info',
      samples: [
        {
          labels: [
            ['version', '0.1.0'],
            ['backend', 'procfs'],
            ['events', 'polling'],
          ],
          value: 1,
        },
      ],
    });
    expect(family(list, 'procview_scan_duration_seconds').samples[0]?.value).toBe(0.5);
    expect(family(list, 'procview_scrape_duration_seconds').samples[0]?.value).toBe(0.002);
    expect(family(list, 'procview_scan_timestamp_seconds').samples[0]?.value).toBe(1);
  });
});
