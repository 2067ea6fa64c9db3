// Writes metric families in the Prometheus text format 0.0.4 or OpenMetrics
// 1.0.0. The differences that matter here:
// - counters: 0.0.4 names the family `x_total` in HELP/TYPE; OpenMetrics names
//   it `x` and only the sample is `x_total` (OpenMetrics 1.0 "Counter");
// - info: OpenMetrics `# TYPE x info` with the sample `x_info`; 0.0.4 has no
//   info type, so it is a gauge named `x_info` (the `*_build_info` habit);
// - OpenMetrics adds `# UNIT`, escapes `"` in HELP too, orders TYPE, UNIT,
//   HELP, and must end with `# EOF`.
import { escapeHelpOpenMetrics, escapeHelpPrometheus, escapeLabelValue, formatValue, LABEL_NAME, METRIC_NAME } from './escape.js';
import type { Labels, MetricFamily } from './family.js';

export type ExpositionFormat = 'prometheus' | 'openmetrics';

export const CONTENT_TYPES: Readonly<Record<ExpositionFormat, string>> = {
  prometheus: 'text/plain; version=0.0.4; charset=utf-8',
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
};

function sampleName(family: MetricFamily): string {
  if (family.type === 'counter') return `${family.name}_total`;
  if (family.type === 'info') return `${family.name}_info`;
  return family.name;
}

function labelText(labels: Labels): string {
  if (labels.length === 0) return '';
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** Names are ours, not input; a bad one is a bug, caught here rather than written out. */
function checkNames(family: MetricFamily): void {
  if (!METRIC_NAME.test(family.name)) throw new TypeError(`invalid metric name: ${family.name}`);
  if (family.unit !== undefined && !family.name.endsWith(`_${family.unit}`)) {
    throw new TypeError(`metric ${family.name} must end in _${family.unit}`);
  }
  for (const sample of family.samples) {
    for (const [name] of sample.labels) if (!LABEL_NAME.test(name)) throw new TypeError(`invalid label name: ${name}`);
  }
}

export function writeExposition(families: readonly MetricFamily[], format: ExpositionFormat): string {
  const lines: string[] = [];
  for (const family of families) {
    checkNames(family);
    const samples = sampleName(family);
    if (format === 'openmetrics') {
      lines.push(`# TYPE ${family.name} ${family.type}`);
      if (family.unit !== undefined) lines.push(`# UNIT ${family.name} ${family.unit}`);
      lines.push(`# HELP ${family.name} ${escapeHelpOpenMetrics(family.help)}`);
    } else {
      lines.push(`# HELP ${samples} ${escapeHelpPrometheus(family.help)}`);
      lines.push(`# TYPE ${samples} ${family.type === 'info' ? 'gauge' : family.type}`);
    }
    for (const sample of family.samples) lines.push(`${samples}${labelText(sample.labels)} ${formatValue(sample.value)}`);
  }
  if (format === 'openmetrics') lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
