// HTTP content negotiation (RFC 9110 §12.5.1) between the two formats:
// OpenMetrics 1.0.0 when the Accept header prefers it (Prometheus sends
// `application/openmetrics-text;version=1.0.0,...;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1`),
// the Prometheus text format 0.0.4 otherwise — also without an Accept header.
import type { ExpositionFormat } from '../metrics/exposition.js';

interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
  readonly q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [type = '', ...rest] = part.split(';').map((piece) => piece.trim());
    if (type === '') continue;
    const params = new Map<string, string>();
    let q = 1;
    for (const param of rest) {
      const equals = param.indexOf('=');
      if (equals < 0) continue;
      const name = param.slice(0, equals).trim().toLowerCase();
      const value = param
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/u, '$1');
      if (name === 'q') {
        const number = Number(value);
        q = Number.isFinite(number) && number >= 0 && number <= 1 ? number : 0;
      } else {
        params.set(name, value);
      }
    }
    ranges.push({ type: type.toLowerCase(), params, q });
  }
  return ranges;
}

/** The format to answer with; OpenMetrics only at version 1.0.0 (or no version named), as the spec's default. */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  if (accept === undefined) return 'prometheus';
  let openMetrics = 0;
  let text = 0;
  for (const range of parseAccept(accept)) {
    if (range.type === 'application/openmetrics-text') {
      const version = range.params.get('version');
      if (version === undefined || version === '1.0.0') openMetrics = Math.max(openMetrics, range.q);
    } else if (range.type === 'text/plain' || range.type === 'text/*' || range.type === '*/*') {
      text = Math.max(text, range.q);
    }
  }
  return openMetrics > 0 && openMetrics >= text ? 'openmetrics' : 'prometheus';
}
