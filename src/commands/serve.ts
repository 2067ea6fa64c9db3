// `procview serve --metrics`: a Prometheus exporter of process states and
// transitions. This file reads the command line and wires the pieces: the
// inspector and its refresh loop (serve/feed.ts), the pure metrics
// (metrics/), the HTTP server (serve/http.ts); it stops them on a signal.
import { once } from 'node:events';
import { messageIn, t } from '../text/i18n/message.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs, watchPidOrName, wholeNumberOption } from './args.js';
import { CommandError, UsageError } from '../base/errors.js';
import { packageVersion } from '../base/version.js';
import type { ServeScope } from '../serve/feed.js';
import { DEFAULT_LISTEN, isLoopback, parseListen, urlHost, type ListenAddress } from '../serve/listen.js';
import { parseGroupSpecs, type GroupSpec } from '../metrics/groups.js';

// One scan per usual Prometheus scrape interval (15 s): a scan reads every process's stat, so
// with 2,000 extra processes -d 5 is about 1% of a core on a quiet machine and more on a busy one
// (bench:metrics), the limit; 15 s stays under it.
const DEFAULT_INTERVAL_SECONDS = 15;
const DEFAULT_TOP_PARENTS = 10;
const MAX_TOP_PARENTS = 100;

export const SERVE_USAGE = messageIn('en', 'cli.help.serve', {
  host: DEFAULT_LISTEN.host,
  port: DEFAULT_LISTEN.port,
  interval: DEFAULT_INTERVAL_SECONDS,
  top: DEFAULT_TOP_PARENTS,
  max: MAX_TOP_PARENTS,
});

export interface ServeArgs {
  readonly listen: ListenAddress;
  readonly intervalMs: number;
  readonly scope: ServeScope;
  readonly groups: readonly GroupSpec[];
  readonly topParents: number;
}

function parseWatch(value: string): ServeScope {
  return watchPidOrName(value, SERVE_USAGE, t('cli.watch.pidOrName'));
}

export function parseServeArgs(argv: readonly string[]): ServeArgs & { readonly help: boolean; readonly version: boolean } {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      allowPositionals: true,
      options: {
        ...COMMON_OPTIONS,
        metrics: { type: 'boolean' },
        listen: { type: 'string' },
        delay: { type: 'string', short: 'd' },
        watch: { type: 'string', multiple: true },
        group: { type: 'string', multiple: true },
        'top-parents': { type: 'string' },
      },
    },
    SERVE_USAGE,
  );
  const help = values.help === true;
  const version = values.version === true;
  if (positionals.length > 0) throw new UsageError(t('cli.error.unexpectedArgument', { argument: positionals[0] ?? '' }), SERVE_USAGE);
  if (!help && !version && values.metrics !== true) throw new UsageError(t('cli.error.serveMetrics'), SERVE_USAGE);
  const listen = values.listen === undefined ? DEFAULT_LISTEN : parseListen(values.listen);
  if (listen === undefined) throw new UsageError(t('cli.error.listen', { value: values.listen ?? '' }), SERVE_USAGE);
  const watch = values.watch ?? [];
  if (watch.length > 1) throw new UsageError(t('cli.error.watchOnce'), SERVE_USAGE);
  let groups: GroupSpec[];
  try {
    groups = parseGroupSpecs(values.group ?? []);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), SERVE_USAGE);
  }
  return {
    listen,
    intervalMs: Math.round(decimalOption('-d', values.delay, { min: 0.1, max: 3600, unit: 'seconds', fallback: DEFAULT_INTERVAL_SECONDS }, SERVE_USAGE) * 1000),
    scope: watch[0] === undefined ? { kind: 'all' } : parseWatch(watch[0]),
    groups,
    topParents: wholeNumberOption('--top-parents', values['top-parents'], { min: 0, max: MAX_TOP_PARENTS, fallback: DEFAULT_TOP_PARENTS }, SERVE_USAGE),
    help,
    version,
  };
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseServeArgs(argv);
  if (
    answeredHelpOrVersion(
      args,
      `${t('cli.help.serveTitle')}\n\n${t('cli.help.serve', { host: DEFAULT_LISTEN.host, port: DEFAULT_LISTEN.port, interval: DEFAULT_INTERVAL_SECONDS, top: DEFAULT_TOP_PARENTS, max: MAX_TOP_PARENTS })}`,
    )
  )
    return 0;
  // As events, record and the dashboard: a pid that is not there is an error, not a scope of nothing.
  if (args.scope.kind === 'pids') {
    const { readStartTime } = await import('../inspect/inspector.js');
    for (const pid of args.scope.pids) if ((await readStartTime(pid)) === undefined) throw new CommandError(t('cli.error.noPid', { pid }));
  }
  const { finishFamilies } = await import('../metrics/collect.js');
  const { startWorkerFeed } = await import('../serve/worker-feed.js');
  const { createMetricsServer } = await import('../serve/http.js');

  const warn = (what: string, message: string): void => void process.stderr.write(`procview serve: ${what}: ${sanitizeForDisplay(message)}\n`);
  // Scans run in a worker thread, so a long scan never delays a scrape (serve/scan-worker.ts).
  const feed = startWorkerFeed(
    { intervalMs: args.intervalMs, scope: args.scope, groups: args.groups, topParents: args.topParents, version: packageVersion() },
    (message) => warn(t('cli.serve.scanFailed'), message),
  );
  const http = createMetricsServer({
    current: () => feed.current(),
    collect: (summary, scrapeSeconds) => finishFamilies(summary, Date.now(), scrapeSeconds),
    onError: (error) => warn(t('cli.serve.scrapeFailed'), error instanceof Error ? error.message : String(error)),
  });

  // Listen for the stop signals first: a SIGTERM during startup still closes cleanly.
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    let bound;
    try {
      bound = await http.listen(args.listen.host, args.listen.port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const where = `${urlHost(args.listen.host)}:${args.listen.port}`;
      throw new CommandError(code === 'EADDRINUSE' ? t('cli.error.inUse', { where }) : t('cli.error.cannotListen', { where, why: String(code ?? error) }));
    }
    const url = `http://${urlHost(bound.address)}:${bound.port}/metrics`;
    // English in every language: the line scripts read the URL from (the metrics are language-neutral too).
    process.stdout.write(`procview serve: metrics on ${url}\n`);
    if (!isLoopback(bound.address)) {
      process.stderr.write(`procview serve: ${t('cli.serve.exposed')}\n`);
    }
    if (stop.signal.aborted) return 0;
    const ended = await Promise.race([once(stop.signal, 'abort').then(() => undefined), feed.failed]);
    if (ended !== undefined) throw new CommandError(t('cli.error.stopped', { why: ended.message }));
    return 0;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    await http.close();
    await feed.stop();
  }
}
