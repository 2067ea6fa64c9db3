// A series of counts as one line of block characters, lowest to highest
// (U+2581..U+2588), scaled from the series' own minimum to its maximum: the
// header's history of the process and zombie counts, one column per refresh interval.
const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** One character per value; a flat series (or a single value) sits on the lowest tick. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const top = TICKS.length - 1;
  return values.map((value) => TICKS[span === 0 ? 0 : Math.round(((value - min) / span) * top)] ?? TICKS[0]).join('');
}
