// What one scrape says, before it is written out in either text format: a
// list of metric families, each with its samples. The formats differ only in
// how they spell the same facts (exposition.ts).

/** The families procview uses: OpenMetrics `info` is written as a gauge in the Prometheus 0.0.4 format. */
export type FamilyType = 'gauge' | 'counter' | 'info';

/** Label name → value, in the order written. Values are raw (untrusted): the writer makes them safe. */
export type Labels = readonly (readonly [name: string, value: string])[];

export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}

export interface MetricFamily {
  /** Without the `_total` of counters or the `_info` of info families: the writer adds them. */
  readonly name: string;
  readonly type: FamilyType;
  readonly help: string;
  /** OpenMetrics UNIT; the name must end in `_` + unit (OpenMetrics 1.0, "MetricFamily metadata"). */
  readonly unit?: 'seconds' | 'bytes';
  readonly samples: readonly Sample[];
}
