// Escaping for the two text formats. Label values are untrusted process
// names: control characters are made visible first (sanitizeForDisplay turns
// C0, DEL, C1 and the bidi controls into `?`, so no raw ESC or newline ever
// leaves the exporter), then the format's own escapes apply.
import { sanitizeForDisplay } from '../text/sanitize.js';

/**
 * Label value, both formats: backslash → `\\`, double quote → `\"`, line feed
 * → `\n` (Prometheus text format 0.0.4 "label_value"; OpenMetrics 1.0
 * "escaped-string"). After sanitizing there is no line feed left; it is still
 * escaped so this function is safe on its own.
 */
export function escapeLabelValue(raw: string): string {
  return sanitizeForDisplay(raw).replace(/[\\"\n]/gu, escapeOne);
}

/** HELP text, Prometheus 0.0.4: only backslash and line feed are escaped (a quote stays as it is). */
export function escapeHelpPrometheus(text: string): string {
  return sanitizeForDisplay(text).replace(/[\\\n]/gu, escapeOne);
}

/** HELP text, OpenMetrics 1.0: an escaped-string, like a label value. */
export function escapeHelpOpenMetrics(text: string): string {
  return escapeLabelValue(text);
}

function escapeOne(char: string): string {
  return char === '\n' ? '\\n' : `\\${char}`;
}

/** Metric and label names as both formats allow them (metricname / label-name of the ABNF). */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/u;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/u;

/** A sample value: integers without a decimal point, +Inf/-Inf/NaN spelled as both formats read them. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  // String(1e21) is '1e+21', which both grammars accept; -0 prints as '0'.
  return String(value);
}
