// One scrape's metric families from the exporter's state: pure, so every
// series can be checked on a hand-made state.
import type { ProcInfo } from '../inspect/types.js';
import type { MetricFamily, Sample } from './family.js';
import type { GroupSpec } from './groups.js';
import { ADOPTERS, COUNTED_KINDS, type MetricsState } from './state.js';
import { UNKNOWN_LABEL, zombiesByParent } from './zombies.js';
import { isDeadZombie } from '../inspect/thread-group.js';

/**
 * The one-letter states that get their own series (proc(5) "state": R S D Z
 * T t X I, plus W P K of older kernels); anything else a backend might report
 * is counted under `?`, so the series stay bounded.
 */
export const STATE_LETTERS = ['R', 'S', 'D', 'T', 't', 'Z', 'X', 'I', 'W', 'P', 'K'] as const;
const ALWAYS_SHOWN: ReadonlySet<string> = new Set(['R', 'S', 'D', 'T', 't', 'Z', 'I']);
const KNOWN_STATES: ReadonlySet<string> = new Set(STATE_LETTERS);

export interface SummaryOptions {
  readonly topParents: number;
  readonly groups: readonly GroupSpec[];
  readonly groupOf: (proc: ProcInfo) => number;
  readonly version: string;
  readonly backend: string;
  /** Where the events come from: 'polling' (snapshot diffs) or 'kernel'. */
  readonly events: string;
}

export interface CollectOptions extends SummaryOptions {
  /** Wall clock now, ms since the epoch (zombie ages). */
  readonly now: number;
  /** How long this scrape has taken so far, in seconds. */
  readonly scrapeSeconds: number;
}

/**
 * What a scan says, before the two figures that depend on the scrape itself:
 * plain data, so the scanning thread can hand it to the serving one.
 */
export interface ScanSummary {
  readonly families: readonly MetricFamily[];
  /** When the oldest zombie was first seen (ms since the epoch), undefined when there is none. */
  readonly oldestZombieSince: number | undefined;
}

function stateLabel(proc: ProcInfo): string {
  return proc.state !== undefined && KNOWN_STATES.has(proc.state) ? proc.state : UNKNOWN_LABEL;
}

/** Count per state label: the usual states always (0 when none), rarer ones when present. */
function stateSamples(procs: readonly ProcInfo[], extra: readonly (readonly [string, string])[]): Sample[] {
  const counts = new Map<string, number>();
  for (const state of ALWAYS_SHOWN) counts.set(state, 0);
  for (const proc of procs) {
    const state = stateLabel(proc);
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const order = [...STATE_LETTERS, UNKNOWN_LABEL];
  return [...counts]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([state, value]) => ({ labels: [...extra, ['state', state] as const], value }));
}

function sum(procs: readonly ProcInfo[], field: (proc: ProcInfo) => number | undefined): number {
  let total = 0;
  for (const proc of procs) total += field(proc) ?? 0;
  return total;
}

function groupFamilies(state: MetricsState, options: SummaryOptions): MetricFamily[] {
  const members: ProcInfo[][] = options.groups.map(() => []);
  for (const proc of state.procs) {
    const index = options.groupOf(proc);
    if (index >= 0) members[index]?.push(proc);
  }
  const per = (value: (procs: ProcInfo[], index: number) => number): Sample[] =>
    options.groups.map((group, index) => ({ labels: [['group', group.name]], value: value(members[index] ?? [], index) }));
  return [
    { name: 'procview_group_processes', type: 'gauge', help: 'Processes in the --group.', samples: per((procs) => procs.length) },
    {
      name: 'procview_group_states',
      type: 'gauge',
      help: 'Processes in the --group, by one-letter state.',
      samples: options.groups.flatMap((group, index) => stateSamples(members[index] ?? [], [['group', group.name]])),
    },
    {
      name: 'procview_group_threads',
      type: 'gauge',
      help: 'Threads of the processes in the --group.',
      samples: per((procs) => sum(procs, (proc) => proc.threads)),
    },
    {
      name: 'procview_group_cpu_seconds',
      type: 'counter',
      unit: 'seconds',
      help: 'CPU time (user + system) used by processes of the --group while in it, seen scan by scan.',
      samples: per((_procs, index) => state.groupCpuSeconds[index] ?? 0),
    },
    {
      name: 'procview_group_resident_memory_bytes',
      type: 'gauge',
      unit: 'bytes',
      help: 'Resident memory (RSS) of the processes in the --group.',
      samples: per((procs) => sum(procs, (proc) => proc.rssBytes)),
    },
  ];
}

/** One scrape's families: the scan's summary plus the zombie age at `now` and the scrape's duration. */
export function collectFamilies(state: MetricsState, options: CollectOptions): MetricFamily[] {
  return finishFamilies(summarizeScan(state, options), options.now, options.scrapeSeconds);
}

export function finishFamilies(summary: ScanSummary, now: number, scrapeSeconds: number): MetricFamily[] {
  const since = summary.oldestZombieSince;
  const oldest: MetricFamily = {
    name: 'procview_zombie_oldest_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Age of the oldest zombie since procview first saw it as one (a lower bound for zombies older than the exporter); 0 when there is none.',
    samples: [{ labels: [], value: since === undefined ? 0 : Math.max(0, (now - since) / 1000) }],
  };
  const scrape: MetricFamily = {
    name: 'procview_scrape_duration_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'How long this scrape took to collect (it reads the latest scan; it never scans).',
    samples: [{ labels: [], value: scrapeSeconds }],
  };
  return summary.families.flatMap((family) =>
    family.name === 'procview_zombies' ? [family, oldest] : family.name === 'procview_build' ? [scrape, family] : [family],
  );
}

export function summarizeScan(state: MetricsState, options: SummaryOptions): ScanSummary {
  // Not a leader read Z whose other threads run on (ps Zl): that process has not exited.
  const zombies = state.procs.filter(isDeadZombie);
  let oldestZombieSince: number | undefined;
  for (const sighting of state.zombies.values()) oldestZombieSince = Math.min(oldestZombieSince ?? sighting.value, sighting.value);
  const families: MetricFamily[] = [
    { name: 'procview_processes', type: 'gauge', help: 'Processes by one-letter state (R S D T t Z I ...).', samples: stateSamples(state.procs, []) },
    {
      name: 'procview_threads',
      type: 'gauge',
      help: 'Threads of all processes (where readable).',
      samples: [{ labels: [], value: sum(state.procs, (proc) => proc.threads) }],
    },
    {
      name: 'procview_zombies',
      type: 'gauge',
      help: 'Zombie processes: exited, not yet reaped by their parent.',
      samples: [{ labels: [], value: zombies.length }],
    },
    {
      name: 'procview_zombies_by_parent',
      type: 'gauge',
      help: 'Zombies per parent (the parent must reap them): the top --top-parents parents, the rest summed in parent_comm="other".',
      samples: zombiesByParent(zombies, state.snapshot, options.topParents),
    },
    {
      name: 'procview_events',
      type: 'counter',
      help: 'Process events seen since the exporter started, by kind.',
      samples: COUNTED_KINDS.map((kind) => ({ labels: [['kind', kind]], value: state.events[kind] })),
    },
    {
      name: 'procview_orphans_adopted',
      type: 'counter',
      help: 'Orphans adopted since the exporter started: by PID 1 (init) or by a child subreaper.',
      samples: ADOPTERS.map((adopter) => ({ labels: [['adopter', adopter]], value: state.adoptions[adopter] })),
    },
  ];
  if (options.groups.length > 0) families.push(...groupFamilies(state, options));
  families.push(
    {
      name: 'procview_scan_duration_seconds',
      type: 'gauge',
      unit: 'seconds',
      help: 'How long the latest scan of the process table took.',
      samples: state.scanSeconds === undefined ? [] : [{ labels: [], value: state.scanSeconds }],
    },
    {
      name: 'procview_scan_timestamp_seconds',
      type: 'gauge',
      unit: 'seconds',
      help: 'When the latest scan finished, in seconds since the Unix epoch.',
      samples: [{ labels: [], value: state.snapshot.takenAt / 1000 }],
    },
    {
      name: 'procview_build',
      type: 'info',
      help: 'procview version, inspector backend and event source.',
      samples: [
        {
          labels: [
            ['version', options.version],
            ['backend', options.backend],
            ['events', options.events],
          ],
          value: 1,
        },
      ],
    },
  );
  return { families, oldestZombieSince };
}
