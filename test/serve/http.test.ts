// The exporter's HTTP server on a real loopback socket, fed by the real
// inspector: routes, negotiation, and that a burst of concurrent scrapes is
// answered from one scan (the loop's), never one scan per scrape.
import { afterEach, describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/inspector.js';
import type { Inspector, Snapshot } from '../../src/inspect/types.js';
import { collectFamilies } from '../../src/metrics/collect.js';
import { startMetricsFeed, type MetricsFeed, type ServeScope } from '../../src/serve/feed.js';
import { createMetricsServer, type MetricsServer } from '../../src/serve/http.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';

interface Running {
  readonly base: string;
  readonly feed: MetricsFeed;
  readonly snapshots: () => number;
}

const open: { server: MetricsServer; feed: MetricsFeed; inspector: Inspector }[] = [];

afterEach(async () => {
  for (const { server, feed, inspector } of open.splice(0)) {
    feed.stop();
    await server.close();
    inspector.close();
  }
});

async function start(intervalMs: number, scope: ServeScope = { kind: 'all' }): Promise<Running> {
  const inspector = createInspector();
  let calls = 0;
  const counting: Inspector = {
    backend: inspector.backend,
    close: () => undefined,
    snapshot: (): Promise<Snapshot> => {
      calls += 1;
      return inspector.snapshot();
    },
  };
  const errors: unknown[] = [];
  const feed = startMetricsFeed({ inspector: counting, intervalMs, scope, groupOf: () => -1, groupCount: 0, onError: (e) => errors.push(e) });
  const server = createMetricsServer({
    current: () => feed.current(),
    collect: (state, scrapeSeconds) =>
      collectFamilies(state, {
        topParents: 10,
        groups: [],
        groupOf: () => -1,
        now: Date.now(),
        scrapeSeconds,
        version: 'test',
        backend: 'procfs',
        events: 'polling',
      }),
    onError: (e) => errors.push(e),
  });
  open.push({ server, feed, inspector });
  const address = await server.listen('127.0.0.1', 0);
  return { base: `http://127.0.0.1:${address.port}`, feed, snapshots: () => calls };
}

function sample(text: string, line: RegExp): number | undefined {
  const found = text.split('\n').find((l) => line.test(l));
  return found === undefined ? undefined : Number(found.slice(found.lastIndexOf(' ') + 1));
}

describe('the metrics HTTP server', () => {
  it('answers 20 concurrent scrapes from the one scan under way, never scanning per scrape', async () => {
    // An hour between scans: every scrape here must be served by the first scan.
    const { base, feed, snapshots } = await start(3_600_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/metrics`).then(async (r) => ({ status: r.status, body: await r.text() }))),
    );
    expect(answers.map((a) => a.status)).toEqual(new Array(20).fill(200));
    expect(new Set(answers.map((a) => sample(a.body, /^procview_scan_timestamp_seconds /u))).size).toBe(1);
    expect(snapshots()).toBe(1);
    expect(feed.scans).toBe(1);
    // Later scrapes still do not scan.
    await fetch(`${base}/metrics`).then((r) => r.text());
    expect(snapshots()).toBe(1);
  });

  it('serves the text format by default and OpenMetrics when Accept asks for it', async () => {
    const { base } = await start(3_600_000);
    const text = await fetch(`${base}/metrics`);
    expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = await text.text();
    expect(body).toContain('# TYPE procview_events_total counter');
    expect(sample(body, /^procview_processes\{state="S"\} /u)).toBeGreaterThan(0);
    const om = await fetch(`${base}/metrics`, { headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' } });
    expect(om.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    const omBody = await om.text();
    expect(omBody).toContain('# TYPE procview_events counter');
    expect(omBody.endsWith('# EOF\n')).toBe(true);
  });

  it('answers / with a page linking to /metrics, 404 elsewhere, 405 for other methods, HEAD without a body', async () => {
    const { base } = await start(3_600_000);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<a href="/metrics">');
    for (const path of ['/metrics/', '/favicon.ico', '/../etc/passwd', '/metricsx']) {
      const missing = await fetch(`${base}${path}`);
      expect([path, missing.status]).toEqual([path, 404]);
      await missing.text();
    }
    const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.text();
    const head = await fetch(`${base}/metrics?x=1`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('with --watch PID counts only that process and its descendants, and an orphan adopted out of it', async () => {
    // sh with a child sleep; when told, sh exits and the sleep is orphaned (adopted by init or a subreaper).
    const shell = spawnGroup('sh', ['-c', 'sleep 30 & read go'], { stdio: ['pipe', 'ignore', 'inherit'] });
    const { base } = await start(100, { kind: 'pids', pids: [shell.pid] });
    const scrape = async (): Promise<string> => (await fetch(`${base}/metrics`)).text();
    const total = (body: string): number =>
      body
        .split('\n')
        .filter((l) => l.startsWith('procview_processes{'))
        .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    await waitFor(async () => total(await scrape()) === 2, { what: 'sh and its sleep in scope', timeoutMs: 15_000 });
    shell.stdin?.end('go\n');
    const body = await waitFor(
      async () => {
        const text = await scrape();
        // The shell reads Z until this test's process reaps it (later on a busy machine): in scope till then.
        return (sample(text, /^procview_events_total\{kind="orphaned"\} /u) ?? 0) >= 1 && total(text) === 1 ? text : undefined;
      },
      { what: 'the orphan counted and the shell reaped', timeoutMs: 15_000 },
    );
    const adopted =
      (sample(body, /^procview_orphans_adopted_total\{adopter="init"\} /u) ?? 0) +
      (sample(body, /^procview_orphans_adopted_total\{adopter="subreaper"\} /u) ?? 0);
    expect(adopted).toBe(1);
    expect(total(body)).toBe(1);
  });
});
