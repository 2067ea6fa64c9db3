// The serving thread's side of the scanning worker: the latest scan summary,
// and the worker's end. Scrapes read `current()`; they never start a scan.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ScanSummary } from '../metrics/collect.js';
import type { ToServer, ToWorker, WorkerSettings } from './worker-messages.js';
import { languageEnv } from '../text/i18n/lang.js';
import { t } from '../text/i18n/message.js';

export interface WorkerFeed {
  /** The latest summary; before the first scan has finished, that scan's. Rejects once the worker has failed. */
  current(): Promise<ScanSummary>;
  /** Settles with the reason if the worker ends without being asked to. */
  readonly failed: Promise<Error>;
  stop(): Promise<void>;
}

export function startWorkerFeed(settings: WorkerSettings, onScanError: (message: string) => void): WorkerFeed {
  // A scan's failure (`ps failed: …`) is logged as the thread words it: in this process's language.
  const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: settings, env: { ...process.env, ...languageEnv() } });
  let latest: ScanSummary | undefined;
  let failure: Error | undefined;
  let stopping = false;
  let resolveFirst: (summary: ScanSummary) => void = () => undefined;
  let rejectFirst: (error: Error) => void = () => undefined;
  const first = new Promise<ScanSummary>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  // A scrape waiting on the first scan gets the rejection; nobody waiting is not an unhandled rejection.
  first.catch(() => undefined);
  let resolveFailed: (error: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => (resolveFailed = resolve));
  const fail = (error: Error): void => {
    if (stopping || failure !== undefined) return;
    failure = error;
    rejectFirst(error);
    resolveFailed(error);
  };

  worker.on('message', (message: ToServer) => {
    if (message.type === 'error') onScanError(message.message);
    else {
      latest = message.summary;
      resolveFirst(message.summary);
    }
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(t('cli.serve.scanThreadEnded', { code }))));

  return {
    current: () => (failure !== undefined ? Promise.reject(failure) : latest !== undefined ? Promise.resolve(latest) : first),
    failed,
    async stop(): Promise<void> {
      if (stopping) return;
      stopping = true;
      const exited = once(worker, 'exit');
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      // It ends by itself once its loop and inspector are closed; a scan under way is not waited for long.
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
