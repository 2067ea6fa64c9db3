// What the exporter's scans read: per process only /proc/PID/stat, which
// holds every field a metric is made of (proc(5): state field 3, ppid 4, comm
// 2, utime + stime 14 + 15, num_threads 20, starttime 22, rss 24), never
// status; the command line only when something tests it. On a machine with
// thousands of processes the scan is the exporter's whole cost (bench:metrics).
import type { InspectorOptions } from '../inspect/types.js';
import type { WorkerSettings } from './worker-messages.js';

export function scanOptions(settings: Pick<WorkerSettings, 'groups' | 'scope'>): InspectorOptions {
  // `--group NAME=cmdline:REGEX` tests the command line; `--watch NAME` looks in it too (name-match.ts).
  const commandLines = settings.groups.some((group) => group.field === 'cmdline') || settings.scope.kind === 'name';
  return { fields: 'stat', commandLines };
}
