// The HTTP side of `procview serve --metrics`: GET /metrics answers the
// latest state in the negotiated format, GET / a short page linking to it,
// anything else 404 (other methods 405). Only the path is looked at; a query
// string is ignored, as exporters usually do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { writeExposition, CONTENT_TYPES } from '../metrics/exposition.js';
import type { MetricFamily } from '../metrics/family.js';
import { negotiateFormat } from './negotiate.js';

/** `T`: what the scans leave for scrapes to read (a MetricsState in one thread, a ScanSummary from the worker). */
export interface MetricsServerOptions<T> {
  /** The latest scan's result (never starts a scan of its own: see feed.ts). */
  readonly current: () => Promise<T>;
  /** The families of one scrape; `scrapeSeconds` is how long the scrape has taken so far. */
  readonly collect: (latest: T, scrapeSeconds: number) => readonly MetricFamily[];
  /** Called when a scrape fails (it answers 500). */
  readonly onError: (error: unknown) => void;
}

export interface MetricsServer {
  readonly server: Server;
  /** Listens; resolves to the address really bound (port 0 → the port chosen). */
  listen(host: string, port: number): Promise<AddressInfo>;
  /** Stops accepting, ends idle keep-alive connections, resolves when all are closed. */
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>procview exporter</title></head>
<body><h1>procview exporter</h1>
<p>Process states, zombies and orphan adoptions of this machine, for Prometheus.</p>
<p><a href="/metrics">/metrics</a></p>
</body></html>
`;

function send(response: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(head ? undefined : body);
}

async function answerMetrics<T>(request: IncomingMessage, response: ServerResponse, options: MetricsServerOptions<T>, head: boolean): Promise<void> {
  const begun = performance.now();
  try {
    const latest = await options.current();
    const format = negotiateFormat(request.headers.accept);
    const body = writeExposition(options.collect(latest, (performance.now() - begun) / 1000), format);
    send(response, 200, CONTENT_TYPES[format], body, head);
  } catch (error) {
    options.onError(error);
    if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'procview: could not collect metrics\n', head);
  }
}

export function createMetricsServer<T>(options: MetricsServerOptions<T>): MetricsServer {
  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    const known = path === '/metrics' || path === '/';
    if (!known) return send(response, 404, 'text/plain; charset=utf-8', 'not found: try /metrics\n', method === 'HEAD');
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n', false);
    }
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', PAGE, method === 'HEAD');
    void answerMetrics(request, response, options, method === 'HEAD');
  });
  // A scrape is one small request: a client that dawdles is cut off rather than held.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 20_000;
  server.maxHeadersCount = 64;

  return {
    server,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        const failed = (error: Error): void => reject(error);
        server.once('error', failed);
        server.listen({ host, port }, () => {
          server.off('error', failed);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A scrape in flight finishes quickly; anything still open after that is cut.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
