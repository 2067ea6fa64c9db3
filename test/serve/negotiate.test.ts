// Accept header → format: OpenMetrics 1.0.0 when preferred, text 0.0.4 otherwise.
import { describe, expect, it } from 'vitest';
import { negotiateFormat } from '../../src/serve/negotiate.js';

describe('negotiateFormat', () => {
  it("answers Prometheus's own Accept header with OpenMetrics", () => {
    const prometheus = 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
    expect(negotiateFormat(prometheus)).toBe('openmetrics');
    expect(negotiateFormat('application/openmetrics-text')).toBe('openmetrics');
    expect(negotiateFormat('Application/OpenMetrics-Text; Version="1.0.0"')).toBe('openmetrics');
  });

  it('answers text 0.0.4 without Accept, for text/plain or */*, when text is preferred, or for another OpenMetrics version', () => {
    expect(negotiateFormat(undefined)).toBe('prometheus');
    expect(negotiateFormat('*/*')).toBe('prometheus');
    expect(negotiateFormat('text/plain;version=0.0.4')).toBe('prometheus');
    expect(negotiateFormat('application/openmetrics-text;q=0.3,text/plain;q=0.9')).toBe('prometheus');
    expect(negotiateFormat('application/openmetrics-text;version=0.0.1')).toBe('prometheus');
    expect(negotiateFormat('application/openmetrics-text;q=0')).toBe('prometheus');
    expect(negotiateFormat('garbage;;;,=')).toBe('prometheus');
  });
});
