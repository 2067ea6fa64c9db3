// Label values and HELP text as the two formats require them, with control
// characters made inert before escaping.
import { describe, expect, it } from 'vitest';
import { escapeHelpOpenMetrics, escapeHelpPrometheus, escapeLabelValue, formatValue } from '../../src/metrics/escape.js';

describe('escapeLabelValue', () => {
  it('escapes backslash and double quote, and keeps braces and spaces as they are', () => {
    expect(escapeLabelValue('a"b')).toBe('a\\"b');
    expect(escapeLabelValue('a\\b')).toBe('a\\\\b');
    expect(escapeLabelValue('{x} y,z=1')).toBe('{x} y,z=1');
    // A backslash before a quote: both escaped, in order, so the quote cannot end the value.
    expect(escapeLabelValue('\\"')).toBe('\\\\\\"');
  });

  it('never lets a raw control character through: newline, ESC, DEL, C1 become ?', () => {
    expect(escapeLabelValue('a\nb')).toBe('a?b');
    expect(escapeLabelValue('\u001b[31mred')).toBe('?[31mred');
    expect(escapeLabelValue('x\u007fy\u009bz\u0000')).toBe('x?y?z?');
    expect(escapeLabelValue('\r\t')).toBe('??');
  });

  it('keeps printable Unicode', () => {
    expect(escapeLabelValue('café ☕')).toBe('café ☕');
  });
});

describe('HELP text', () => {
  it('Prometheus 0.0.4 escapes backslash only (quotes stay), OpenMetrics also quotes', () => {
    expect(escapeHelpPrometheus('say "hi" \\ now')).toBe('say "hi" \\\\ now');
    expect(escapeHelpOpenMetrics('say "hi" \\ now')).toBe('say \\"hi\\" \\\\ now');
  });
});

describe('formatValue', () => {
  it('writes integers without a point, floats as JavaScript does, and the special values', () => {
    expect(formatValue(3)).toBe('3');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('+Inf');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-Inf');
  });
});
