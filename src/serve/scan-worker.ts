// The scanning thread. A scan of the process table is synchronous file
// reading (the procfs backend reads thousands of small files), and on a busy
// machine with a few thousand processes it holds a thread for hundreds of
// milliseconds: here it holds this worker's, never the one answering
// scrapes. After every scan the worker posts the scan's summary (plain data,
// metrics/collect.ts), and the serving thread adds the per-scrape figures.
import { parentPort, workerData } from 'node:worker_threads';
import { createInspector } from '../inspect/inspector.js';
import { summarizeScan } from '../metrics/collect.js';
import { groupMatcher } from '../metrics/groups.js';
import { startMetricsFeed } from './feed.js';
import { scanOptions } from './scan-needs.js';
import type { ToServer, ToWorker, WorkerSettings } from './worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('scan-worker.js runs as a worker thread');
const settings = workerData as WorkerSettings;
const post = (message: ToServer): void => port.postMessage(message);

const inspector = createInspector(scanOptions(settings));
// Its own arguments (`serve --metrics --group …`: a worker thread has its process's argv).
const groupOf = groupMatcher(settings.groups, { pid: process.pid, args: process.argv.slice(2).join(' ') });
let events: 'kernel' | 'polling' = 'polling';
const feed = startMetricsFeed({
  inspector,
  // Kernel events only when asked for (PROCVIEW_EVENTS=kernel): on a machine that forks a lot the
  // stream costs far more CPU than a scan every -d seconds (bench:metrics: ~17% of a core against ~1%).
  source: process.env.PROCVIEW_EVENTS === 'kernel' ? 'watch' : 'poll',
  onSource: (source) => {
    events = source;
  },
  intervalMs: settings.intervalMs,
  scope: settings.scope,
  groupOf,
  groupCount: settings.groups.length,
  onError: (error) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  onState: (state) =>
    post({
      type: 'summary',
      scans: feed.scans,
      summary: summarizeScan(state, {
        topParents: settings.topParents,
        groups: settings.groups,
        groupOf,
        version: settings.version,
        backend: inspector.backend,
        events,
      }),
    }),
});

port.on('message', (message: ToWorker) => {
  if (message.type !== 'stop') return;
  feed.stop();
  inspector.close();
  port.close();
});
