// The figures `npm run bench:chat` prints: one row per measured run, then the
// median of each column, then what the columns mean.
import type { LoadResult, LoadRuns } from './chat-load.js';
import { quantile } from './chat-load.js';

interface Column {
  readonly title: string;
  /** undefined: not known for this run (no schedstat, or a server we did not start). */
  readonly value: (result: LoadResult) => number | undefined;
  readonly format: (value: number) => string;
}

const ms = (value: number): string => value.toFixed(2);

function lossPercent(result: LoadResult): number {
  return result.expected === 0 ? 0 : (100 * (result.expected - Math.min(result.received, result.expected))) / result.expected;
}

function columns(paced: boolean): Column[] {
  const latency = (title: string, pick: (result: LoadResult) => Float64Array, q: number): Column => ({
    title,
    value: (result) => quantile(pick(result), q),
    format: ms,
  });
  return [
    { title: 'loss %', value: lossPercent, format: (value) => value.toFixed(2) },
    {
      title: 'deliv/s',
      value: (result) => (result.elapsedMs > 0 ? (1000 * result.received) / result.elapsedMs : undefined),
      format: (value) => String(Math.round(value)),
    },
    latency('p50 ms', (result) => result.fromSentMs, 0.5),
    latency('p99 ms', (result) => result.fromSentMs, 0.99),
    latency('max ms', (result) => result.fromSentMs, 1),
    latency(paced ? 'p99 due' : 'p99 start', (result) => result.fromDueMs, 0.99),
    ...(paced ? [latency('late p99', (result) => result.lateMs, 0.99)] : []),
    {
      title: 'srv µs/dlv',
      value: (result) => (result.server === undefined || result.received === 0 ? undefined : (1000 * result.server.cpuMs) / result.received),
      format: ms,
    },
    {
      title: 'srv cpu %',
      value: (result) => (result.server === undefined ? undefined : (100 * result.server.cpuMs) / result.elapsedMs),
      format: (value) => value.toFixed(0),
    },
    { title: 'srv wait', value: (result) => result.server?.waitMs, format: ms },
    {
      title: 'load µs/dlv',
      value: (result) => (result.load === undefined || result.received === 0 ? undefined : (1000 * result.load.cpuMs) / result.received),
      format: ms,
    },
    { title: 'load wait', value: (result) => result.load?.waitMs, format: ms },
  ];
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(Float64Array.from(sorted), 0.5);
}

/** One row per measured run, the medians, and what was sent and delivered in all. */
export function formatRuns(load: LoadRuns, paced: boolean): string {
  const results = load.runs;
  const cols = columns(paced);
  const width = (col: Column): number => Math.max(8, col.title.length);
  const cell = (col: Column, value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '-' : col.format(value)).padStart(width(col));
  const lines = [`  ${'run'.padEnd(6)} ${cols.map((col) => col.title.padStart(width(col))).join(' ')}`];
  results.forEach((result, index) => {
    lines.push(`  ${String(index + 1).padEnd(6)} ${cols.map((col) => cell(col, col.value(result))).join(' ')}`);
  });
  const medians = cols.map((col) => medianOf(results, col.value));
  lines.push(`  ${'median'.padEnd(6)} ${cols.map((col, i) => cell(col, medians[i])).join(' ')}`);
  const sent = results.reduce((total, result) => total + result.sent, 0);
  const received = results.reduce((total, result) => total + result.received, 0);
  const expected = results.reduce((total, result) => total + result.expected, 0);
  const others = load.warmupOthers + results.reduce((total, result) => total + result.others, 0);
  lines.push(
    `  ${results.length} run${results.length === 1 ? '' : 's'}: ${sent} messages sent, ${received}/${expected} deliveries` +
      (others > 0 ? `; ${others} other lines came (notices such as flood control throttling the load, or late deliveries of an earlier run).` : '.'),
  );
  return `${lines.join('\n')}\n`;
}

/** What the columns mean. */
export function formatLegend(paced: boolean): string {
  return `${[
    '  p50/p99/max ms: latency from the moment a message really left its client to its delivery.',
    paced
      ? "  p99 due: from the moment it was due on its client's schedule (adds the generator's own lateness, shown as late p99)."
      : '  p99 start: from the start of the burst.',
    "  srv µs/dlv, srv cpu %: CPU of the server's main thread per delivery, and over the run (100 = one core);",
    '  load µs/dlv: CPU of the load processes per delivery (receiving it, and their share of sending).',
    '  srv wait, load wait (ms): time the server / the load processes were ready to run but not running',
    '  (/proc/PID/schedstat). Wake-ups add a little; tens of ms or more mean other processes had the cores.',
  ].join('\n')}\n`;
}

/** The median over runs of one figure (undefined and NaN left out). */
function medianOf(results: readonly LoadResult[], pick: (result: LoadResult) => number | undefined): number | undefined {
  return median(results.map(pick).filter((value): value is number => value !== undefined && !Number.isNaN(value)));
}

const p99 = (result: LoadResult): number => quantile(result.fromSentMs, 0.99);
const rate = (result: LoadResult): number | undefined => (result.elapsedMs > 0 ? (1000 * result.received) / result.elapsedMs : undefined);

/**
 * procview's room next to the classic server, run for run under the same
 * load: medians of p99 and deliveries/s, their ratios against the issue's
 * targets, and the loss of each.
 */
export function formatComparison(ours: LoadRuns, classic: LoadRuns): string {
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '-' : (a / b).toFixed(2));
  const lost = (load: LoadRuns): string => {
    const expected = load.runs.reduce((total, result) => total + result.expected, 0);
    const received = load.runs.reduce((total, result) => total + Math.min(result.received, result.expected), 0);
    return `${expected - received} of ${expected} deliveries lost`;
  };
  const [oursP99, classicP99] = [medianOf(ours.runs, p99), medianOf(classic.runs, p99)];
  const [oursRate, classicRate] = [medianOf(ours.runs, rate), medianOf(classic.runs, rate)];
  const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '-' : value.toFixed(digits));
  return (
    `  p99 procview/classic: ${ratio(oursP99, classicP99)}  (${fixed(oursP99, 2)} ms / ${fixed(classicP99, 2)} ms; target <= 1)\n` +
    `  deliveries/s procview/classic: ${ratio(oursRate, classicRate)}  (${fixed(oursRate, 0)} / ${fixed(classicRate, 0)}; target >= 1)\n` +
    `  loss: procview ${lost(ours)}; classic ${lost(classic)}  (target: none)\n`
  );
}
